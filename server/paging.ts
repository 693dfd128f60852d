import { z } from 'zod';
import { parseInput } from './validation';

/**
 * Every list a client can ask for has a page size with a default and a maximum, so no single field
 * returns (or makes the server build) an unbounded response. Defaults are what the app's pages show.
 */
export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

export const pageLimits = {
  projects: { defaultLimit: 200, maxLimit: 1000 },
  datasetGenes: { defaultLimit: 10_000, maxLimit: 50_000 },
  trajectories: { defaultLimit: 1000, maxLimit: 10_000 },
  epochs: { defaultLimit: 2000, maxLimit: 10_000 },
  priorVersions: { defaultLimit: 100, maxLimit: 1000 },
  priorGenes: { defaultLimit: 10_000, maxLimit: 50_000 },
  priorDiff: { defaultLimit: 500, maxLimit: 5000 },
  members: { defaultLimit: 200, maxLimit: 1000 },
  datasets: { defaultLimit: 100, maxLimit: 1000 },
  goldStandards: { defaultLimit: 100, maxLimit: 1000 },
  /** 50 by default: the launch form asks for each prior's versions (default 100) and must stay under the cost limit. */
  priorNetworks: { defaultLimit: 50, maxLimit: 500 },
  apiTokens: { defaultLimit: 100, maxLimit: 500 },
  syntheticBenchmarks: { defaultLimit: 50, maxLimit: 500 },
  /** Groups of runs (sweeps, replicate groups); each lists its ≤ 64 runs, so pages stay small. */
  sweeps: { defaultLimit: 50, maxLimit: 200 },
} as const satisfies Record<string, PageLimits>;

export interface PageArgs {
  limit?: number | null;
  offset?: number | null;
}

export function readPage(args: PageArgs, limits: PageLimits): { limit: number; offset: number } {
  const schema = z.object({
    limit: z
      .number()
      .int('The limit must be a whole number.')
      .min(1, 'The limit must be at least 1.')
      .max(limits.maxLimit, `Ask for at most ${limits.maxLimit} items at a time.`)
      .nullish()
      .transform((v) => v ?? limits.defaultLimit),
    offset: z
      .number()
      .int('The offset must be a whole number.')
      .min(0, 'The offset cannot be negative.')
      .nullish()
      .transform((v) => v ?? 0),
  });
  return parseInput(schema, { limit: args.limit, offset: args.offset });
}

export function pageOf<T>(items: readonly T[], args: PageArgs, limits: PageLimits): T[] {
  const { limit, offset } = readPage(args, limits);
  return items.slice(offset, offset + limit);
}

export const pageArgDescription = (limits: PageLimits) => `1 to ${limits.maxLimit}`;
