import { z } from 'zod';
import { isUuid } from '../ids';

const side = z.object({
  runId: z.string().refine(isUuid, 'The run id is not a valid id.'),
  level: z
    .number()
    .int('The level must be a whole number.')
    .min(0, 'The level cannot be negative.')
    .max(100_000, 'No run has that many pruning levels.')
    .nullish(),
});

export const MAX_TOP_K = 200_000;

export const compareEdgesInput = z.object({
  projectId: z.string(),
  a: side,
  b: side,
  k: z.number().int('k must be a whole number.').min(1, 'k must be at least 1.').max(MAX_TOP_K, `k may be at most ${MAX_TOP_K}.`).default(100),
});
export type CompareEdgesInput = z.input<typeof compareEdgesInput>;

export const edgePage = z.object({
  offset: z.number().int('The offset must be a whole number.').min(0, 'The offset cannot be negative.').default(0),
  limit: z
    .number()
    .int('The limit must be a whole number.')
    .min(1, 'The limit must be at least 1.')
    .max(500, 'Ask for at most 500 edges at a time.')
    .default(50),
});
