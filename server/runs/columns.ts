import { z } from 'zod';
import { parseTrainConfig, type TrainCheckpoint } from '@/compute';
import type { RunConfig } from './config';

/**
 * The runs table's JSONB columns, parsed on the way out of the database rather than cast: a value that
 * does not have the shape the code relies on fails here, naming the run and the column, instead of
 * surfacing later as an undefined field. Numbers may be null: JSON has no NaN, so a NaN loss is stored as null.
 */
const maybeNumber = z.number().nullish();

const progressFields = z.object({
  phase: z.string(),
  epoch: z
    .number()
    .nullish()
    .transform((v) => v ?? 0),
  totalEpochs: z
    .number()
    .nullish()
    .transform((v) => v ?? 0),
  step: maybeNumber,
  stepsPerEpoch: maybeNumber,
  trainLoss: maybeNumber,
  valLoss: maybeNumber,
  sparsity: maybeNumber,
  learningRate: maybeNumber,
  bestEpoch: maybeNumber,
  bestValLoss: maybeNumber,
  keptEpoch: maybeNumber,
  lastPruningEpoch: maybeNumber,
  resumedFromEpoch: maybeNumber,
  attempt: maybeNumber,
  updatedAt: z.string().nullish(),
});
/** Other keys are kept as they are (loose); the type names the ones the code reads. */
export const runProgressSchema = progressFields.loose();
export type StoredRunProgress = z.infer<typeof progressFields>;

const summaryFields = z.object({
  sparsity: maybeNumber,
  valMse: maybeNumber,
  testMse: maybeNumber,
  epochsRun: maybeNumber,
  bestEpoch: maybeNumber,
  secondsPerEpoch: maybeNumber,
  stoppedEarly: z.boolean().nullish(),
  cancelled: z.boolean().nullish(),
  inferredEdges: maybeNumber,
  provenance: z.string().nullish(),
});
export const runSummarySchema = summaryFields.loose();
export type StoredRunSummary = z.infer<typeof summaryFields>;

const checkpointSchema = z.looseObject({ version: z.literal(1), epoch: z.number().int().min(0) });

export class StoredRunValueError extends Error {
  constructor(runId: string, column: string, reason: string) {
    super(`Run ${runId}: its stored ${column} is not readable (${reason}).`);
    this.name = 'StoredRunValueError';
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, runId: string, column: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new StoredRunValueError(runId, column, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * A stored training config through compute's parser. Configs from before the rules were stored read as
 * they are (no selection / lrReset: compute's RULES_WHEN_ABSENT); the machine-specific backend is dropped.
 */
export function parseRunConfig(value: unknown, runId: string): RunConfig {
  try {
    const { backend: _machineSpecific, ...config } = parseTrainConfig(value);
    return config;
  } catch (e) {
    throw new StoredRunValueError(runId, 'config', e instanceof Error ? e.message : String(e));
  }
}

export const parseRunProgress = (value: unknown, runId: string): StoredRunProgress | null =>
  value == null ? null : parsed<StoredRunProgress>(runProgressSchema, value, runId, 'progress');
export const parseRunSummary = (value: unknown, runId: string): StoredRunSummary | null =>
  value == null ? null : parsed<StoredRunSummary>(runSummarySchema, value, runId, 'summary');
export const parseRunCheckpoint = (value: unknown, runId: string): TrainCheckpoint | null =>
  value == null ? null : (parsed(checkpointSchema, value, runId, 'checkpoint') as TrainCheckpoint);
