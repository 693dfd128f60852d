import { z } from 'zod';
import { DEFAULT_REVIEW_LIST_OPTIONS } from '@/compute';
import { isUuid } from '../ids';

const share = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .gt(0, `${what} must be above 0.`)
    .max(1, `${what} must be at most 1.`);

export const listPage = z.object({
  offset: z.number().int('The offset must be a whole number.').min(0, 'The offset cannot be negative.').default(0),
  limit: z
    .number()
    .int('The limit must be a whole number.')
    .min(1, 'The limit must be at least 1.')
    .max(500, 'Ask for at most 500 edges at a time.')
    .default(50),
});

export const replicateAnalysisInput = z.object({
  projectId: z.string(),
  runId: z.string(),
  goldStandardId: z.string().refine(isUuid, 'The gold standard id is not a valid id.').nullish(),
  flagAt: share('The flag threshold').default(DEFAULT_REVIEW_LIST_OPTIONS.flagAt),
  acceptAt: share('The acceptance threshold').default(DEFAULT_REVIEW_LIST_OPTIONS.acceptAt),
});
export type ReplicateAnalysisInput = z.input<typeof replicateAnalysisInput>;

/** How many seeds a replicate group may launch: at least two to compare, at most the sweep cap's order. */
export const MAX_REPLICATES = 20;

export const replicateCount = z
  .number({ error: 'The number of replicates must be a number.' })
  .int('The number of replicates must be a whole number.')
  .min(2, 'A replicate group needs at least 2 seeds.')
  .max(MAX_REPLICATES, `A replicate group may have at most ${MAX_REPLICATES} seeds.`)
  .default(5);

/** More seeds for an existing run: 1 to MAX_REPLICATES − 1 (4 by default, five with the run itself). */
export const moreReplicatesCount = z
  .number({ error: 'The number of seeds must be a number.' })
  .int('The number of seeds must be a whole number.')
  .min(1, 'Add at least 1 seed.')
  .max(MAX_REPLICATES - 1, `Add at most ${MAX_REPLICATES - 1} seeds.`)
  .default(4);

/** Which list of the replicate analysis a review queue goes through, with the analysis' thresholds. */
export const replicateListInput = z.object({
  list: z.enum(['unsupported', 'candidates'], 'The list is UNSUPPORTED (flagged prior edges) or CANDIDATES.'),
  flagAt: share('The flag threshold')
    .nullish()
    .transform((v) => v ?? undefined),
  acceptAt: share('The acceptance threshold')
    .nullish()
    .transform((v) => v ?? undefined),
});
export type ReplicateListInput = z.input<typeof replicateListInput>;
