/**
 * Expected failures. Services throw these; the GraphQL layer turns them into errors whose
 * `extensions.code` (and `extensions.field` for input problems) a client can act on.
 * Anything else is unexpected: logged with its cause and returned as a masked internal error.
 */
export type DomainErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'TOO_MANY_REQUESTS';

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
export const badInput = (message: string, details: DomainError['details'] = {}) => new DomainError('BAD_USER_INPUT', message, details);
export const conflict = (message: string, details: DomainError['details'] = {}) => new DomainError('CONFLICT', message, details);

/** Throttled (sign-in, sign-up, password checks): HTTP answers carry 429 and `Retry-After`. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  new DomainError('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
