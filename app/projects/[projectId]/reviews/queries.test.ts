import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as queries from './queries';
import * as types from './types';

const schema = buildSchema(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../schema.graphql'), 'utf8'));
const documents = Object.entries<unknown>({ ...queries, ...types }).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string' && /^\s*(query|mutation)\b/.test(entry[1]),
);

describe('the review loop’s GraphQL documents', () => {
  it('are found', () => {
    expect(documents.map(([name]) => name)).toEqual(expect.arrayContaining(['REVIEW_EDGE', 'REVIEW_QUEUE', 'REVIEW_PROPOSAL', 'NOTIFICATIONS', 'ACTIVITY_PAGE']));
  });

  it.each(documents)('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
