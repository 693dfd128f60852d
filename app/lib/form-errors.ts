import { GraphQLRequestError } from './graphql-client';

/** A GraphQL error placed where the user will look: next to its field when the form has it, else on top. */
export interface FormErrors {
  form?: string;
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { fields: {} };

export function toFormErrors(error: unknown, fieldNames: readonly string[]): FormErrors {
  if (error instanceof GraphQLRequestError) {
    if (error.field && fieldNames.includes(error.field)) return { fields: { [error.field]: error.message } };
    return { form: error.message, fields: {} };
  }
  return { form: error instanceof Error ? error.message : 'Something went wrong. Try again.', fields: {} };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}
