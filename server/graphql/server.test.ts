import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from './builder';
import { createApolloServer } from './server';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const INTROSPECT = `{ __schema { queryType { name } } }`;

async function run(introspection: boolean) {
  const server = createApolloServer({ log: quiet, introspection });
  await server.start();
  try {
    const response = await server.executeOperation({ query: INTROSPECT }, { contextValue: {} as GraphQLContext });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  } finally {
    await server.stop();
  }
}

describe('introspection', () => {
  it('answers in development', async () => {
    const result = await run(true);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('is refused, with a code, when turned off as in production', async () => {
    const result = await run(false);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].message).toMatch(/introspection is not allowed/i);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
