import { GraphQLRequestError } from '@/app/lib/graphql-client';
import type { FormErrors } from '@/app/lib/form-errors';

/**
 * Like toFormErrors, but a file problem keeps its place in the file: the message already says
 * "line L, column C"; the field tells which file input it belongs to.
 */
export function toUploadErrors(error: unknown, fieldNames: readonly string[]): FormErrors {
  if (error instanceof GraphQLRequestError) {
    const where = error.extensions;
    const located =
      typeof where.line === 'number' && !/line \d+/.test(error.message)
        ? `${error.message} (line ${where.line}${typeof where.column === 'number' ? `, column ${where.column}` : ''})`
        : error.message;
    if (error.field && fieldNames.includes(error.field)) return { fields: { [error.field]: located } };
    return { form: located, fields: {} };
  }
  return { form: error instanceof Error ? error.message : 'Something went wrong. Try again.', fields: {} };
}
