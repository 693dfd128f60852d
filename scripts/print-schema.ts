/** `npm run schema:print`: writes the GraphQL schema to the committed schema.graphql. */
import fs from 'node:fs';
import path from 'node:path';
import { printedSchema } from '../server/graphql/print';

const target = path.join(process.cwd(), 'schema.graphql');
fs.writeFileSync(target, printedSchema());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
