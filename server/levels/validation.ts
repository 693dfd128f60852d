import { z } from 'zod';
import { isUuid } from '../ids';

export const levelNumber = z
  .number('The level must be a number.')
  .int('The level must be a whole number.')
  .min(0, 'The level cannot be negative.')
  .max(100_000, 'No run has that many pruning levels.');

export const levelNetworkInput = z.object({
  runId: z.string(),
  level: levelNumber,
  goldStandardId: z.string().refine(isUuid, 'The gold standard id is not a valid id.').nullish(),
  offset: z.number().int('The offset must be a whole number.').min(0, 'The offset cannot be negative.').default(0),
  limit: z
    .number()
    .int('The limit must be a whole number.')
    .min(1, 'The limit must be at least 1.')
    .max(5000, 'Ask for at most 5000 edges at a time.')
    .default(200),
});

/** A level on its own (the review queue's), so that a bad one is reported on the field `level`. */
export const levelOnly = z.object({ level: levelNumber });
