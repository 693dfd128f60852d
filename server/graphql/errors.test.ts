import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badInput, notFound } from '../errors';
import type { Logger } from '../log';
import { formatGraphQLError } from './errors';

function recorder() {
  const entries: { msg: string; data?: Record<string, unknown> }[] = [];
  const push = (msg: string, data?: Record<string, unknown>) => void entries.push({ msg, data });
  const log: Logger = { debug: push, info: push, warn: push, error: push };
  return { log, entries };
}

const inResolver = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['project'] });
const formatted = (e: GraphQLError) => ({ ...e.toJSON(), extensions: { code: e.extensions.code ?? 'INTERNAL_SERVER_ERROR' } });

describe('formatGraphQLError', () => {
  it('returns expected failures with their code and input position', () => {
    const { log, entries } = recorder();
    const error = inResolver(badInput('Line 3: not a number.', { field: 'file', line: 3, column: 7 }));
    expect(formatGraphQLError(log, formatted(error), error)).toEqual({
      message: 'Line 3: not a number.',
      path: ['project'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'file', line: 3, column: 7 },
    });
    const missing = inResolver(notFound('Project'));
    expect(formatGraphQLError(log, formatted(missing), missing).extensions).toEqual({ code: 'NOT_FOUND' });
    expect(entries).toEqual([]);
  });

  it('keeps request-level GraphQL errors (validation, parse) as they are, without stack traces', () => {
    const { log } = recorder();
    const error = new GraphQLError('Cannot query field "x" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const shown = formatGraphQLError(log, { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at …'] } }, error);
    expect(shown).toEqual({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('masks anything else, even when it carries a code, and logs it with its cause', () => {
    const { log, entries } = recorder();
    const cause = new Error('password authentication failed for user "grn"');
    const error = inResolver(Object.assign(new Error('db down', { cause }), { extensions: { code: 'BAD_USER_INPUT' } }));
    const shown = formatGraphQLError(log, { message: 'db down', path: ['project'], extensions: { code: 'BAD_USER_INPUT' } }, error);
    const errorId = shown.extensions?.errorId as string;
    expect(shown).toEqual({
      message: `Internal server error (id ${errorId}). The details are in the server log.`,
      path: ['project'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0].data).toMatchObject({ errorId, path: ['project'] });
    expect((entries[0].data?.error as Error | undefined)?.cause).toBe(cause);
  });
});
