import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type DocumentNode, Kind, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as queries from './queries';
import * as types from './types';

const schema = buildSchema(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../schema.graphql'), 'utf8'));
const isOperation = (value: unknown): value is DocumentNode =>
  typeof value === 'object' &&
  value !== null &&
  (value as DocumentNode).kind === Kind.DOCUMENT &&
  (value as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
// As sent: gql.tada's documents carry the fragments they spread.
const documents = Object.entries<unknown>({ ...queries, ...types }).filter((entry): entry is [string, DocumentNode] => isOperation(entry[1]));

describe('the review loop’s GraphQL documents', () => {
  it('are found', () => {
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining(['REVIEW_EDGE', 'REVIEW_QUEUE', 'REVIEW_PROPOSAL', 'NOTIFICATIONS', 'ACTIVITY_PAGE']),
    );
  });

  it.each(documents)('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});
