import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from './print';

describe('schema.graphql', () => {
  it('matches the schema built from the code (run `npm run schema:print` after changing fields)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(printedSchema());
  });
});
