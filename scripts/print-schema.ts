/**
 * `npm run schema:print`: writes the GraphQL schema to the committed schema.graphql, and from it the gql.tada
 * introspection type that types the app's GraphQL documents (app/lib/graphql-env.d.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { printedSchema } from '../server/graphql/print';
import { writeGraphqlEnv } from './lib/graphql-env';

const root = process.cwd();
const target = path.join(root, 'schema.graphql');
fs.writeFileSync(target, printedSchema());
console.log(`Wrote ${path.relative(root, target)}`);
console.log(`Wrote ${path.relative(root, writeGraphqlEnv(root))}`);
