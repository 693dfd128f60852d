import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeIssues, usageFailure } from './input-files';

/** A flag's string as a finite number, with an error that names the flag. */
export const numeric = (name: string) => z.coerce.number({ error: `${name} must be a number` }).refine(Number.isFinite, `${name} must be finite`);

export type FlagOptions = Record<string, { type: 'string' | 'boolean' }>;

/**
 * node:util's parseArgs (strict: an unknown or misspelt flag is an error, not silently ignored), then the
 * zod schema. `required` gives required flags a placeholder so zod reports them by name when missing.
 * Every failure is a CliUsageError that ends with the usage text.
 */
export function parseCliArgs<S extends z.ZodTypeAny>(
  argv: string[],
  options: FlagOptions,
  schema: S,
  usage: string,
  required: Record<string, string> = {},
): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw usageFailure(e instanceof Error ? e.message : String(e), usage);
  }
  const parsed = schema.safeParse({ ...required, ...values });
  if (!parsed.success) throw usageFailure(describeIssues(parsed.error), usage);
  return parsed.data;
}
