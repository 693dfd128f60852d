import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDomainError } from '../errors';
import type { Logger } from '../log';

/**
 * What a client sees of an error. Expected failures (DomainError) keep their message and code;
 * GraphQL's own errors (parse, validation, variable coercion) keep theirs. Anything else is an
 * unexpected failure: logged with its cause under a fresh id, returned without internals.
 */
export function formatGraphQLError(log: Logger, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const where = { locations: formatted.locations, path: formatted.path };
  if (isDomainError(original)) {
    return { message: original.message, ...where, extensions: { ...original.details, code: original.code } };
  }
  // Request-level errors (parse, validation, variables, authentication) carry a code and no path;
  // a resolver failure that is not a DomainError is unexpected, whatever it carries.
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && !formatted.path) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const errorId = randomUUID();
  log.error('Unexpected error in a GraphQL operation', {
    errorId,
    path: formatted.path,
    error: original instanceof Error ? original : new Error(String(original)),
  });
  return {
    message: `Internal server error (id ${errorId}). The details are in the server log.`,
    ...where,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}
