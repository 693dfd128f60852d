import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from './builder';
import { createApolloServer } from './server';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const INTROSPECT = `{ __schema { queryType { name } } }`;

async function run(introspection: boolean, query = INTROSPECT, options: { production?: boolean; variables?: Record<string, unknown> } = {}) {
  const server = createApolloServer({ log: quiet, introspection, production: options.production });
  await server.start();
  try {
    const response = await server.executeOperation({ query, variables: options.variables }, { contextValue: {} as GraphQLContext });
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

describe('schema details in errors', () => {
  const typo = `{ datasetz(projectId: "x") { id } }`;

  it('suggests field names in development only', async () => {
    expect((await run(true, typo, { production: false })).errors?.[0].message).toMatch(/Did you mean "dataset" or "datasets"/);
    const production = await run(false, typo, { production: true });
    expect(production.errors?.[0].message).toBe('Cannot query field "datasetz" on type "Query".');
  });
});

describe('operation limits on the real schema', () => {
  it('refuses a list whose limit variable asks for too much, before any resolver runs', async () => {
    const query = `query($p: ID!, $n: Int) { runs(projectId: $p, limit: $n) { id epochs { epoch } } }`;
    const result = await run(false, query, { variables: { p: '00000000-0000-0000-0000-000000000000', n: 100_000 } });
    expect(result.errors?.[0].message).toMatch(/estimated cost of \d+; the limit is 30000/);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY' });
  });

  it('refuses 60 aliased sign-ups in one request', async () => {
    const signUps = Array.from(
      { length: 60 },
      (_, i) => `s${i}: signUp(input: { email: "u${i}@example.org", name: "U", password: "correct horse battery" }) { id }`,
    );
    const result = await run(false, `mutation { ${signUps.join(' ')} }`);
    expect(result.errors?.[0].message).toBe('The mutation runs 60 mutations; at most 5 may run in one request.');
    expect(result.data).toBeUndefined();
  });
});
