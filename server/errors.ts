/**
 * Expected failures. Services throw these; the GraphQL layer turns them into errors whose
 * `extensions.code` (and `extensions.field` for input problems) a client can act on.
 * Anything else is unexpected: logged with its cause and returned as a masked internal error.
 */
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { field?: string; line?: number; column?: number; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Sign in to continue.') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found.`);
export const badInput = (message: string, details: DomainError['details'] = {}) =>
  new DomainError('BAD_USER_INPUT', message, details);
export const conflict = (message: string, details: DomainError['details'] = {}) =>
  new DomainError('CONFLICT', message, details);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
