import type { z } from 'zod';
import { badInput } from './errors';

/**
 * Parse service input with zod; the first problem becomes a BAD_USER_INPUT error naming the field,
 * so a form can put the message next to the right input.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.');
  return throwBadInput(issue.message, field);
}

function throwBadInput(message: string, field: string): never {
  throw badInput(message, field ? { field } : {});
}
