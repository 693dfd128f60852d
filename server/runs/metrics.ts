import { desc, eq, sql } from 'drizzle-orm';
import { goldStandards, runMetrics } from '@/db/schema';
import type { ServiceContext } from '../context';
import { requireProjectRole, type ProjectScoped } from '../authz/access';
import { requireAllInProject, requireInProject } from '../authz/in-project';
import { parseInput } from '../validation';
import { requireRunRole } from './service';
import * as store from './store';
import { goldStandardFits, metricsFor, type GoldStandardFit, type RunMetricsRecord, type StoredScores } from './scores';
import { compareRunsInput } from './validation';

export type { GoldStandardFit, RunMetricsRecord, StoredScores } from './scores';

/** The gold standard must belong to the run's project; anything else is NOT_FOUND on the field. */
async function requireGoldInProject(ctx: ServiceContext, goldStandardId: string, projectId: string): Promise<string> {
  await requireInProject(ctx, projectId, 'goldStandard', goldStandardId);
  const [gold] = await ctx.db.select({ name: goldStandards.name }).from(goldStandards).where(eq(goldStandards.id, goldStandardId));
  return gold.name;
}

/**
 * Scores of a finished run against a gold standard of its project, computed on first request and kept
 * (the inputs never change: inferred edges and gold standards are immutable). Null while the run has no result.
 */
export async function getRunMetrics(ctx: ServiceContext, runId: string, goldStandardId: string): Promise<RunMetricsRecord | null> {
  const { projectId } = await requireRunRole(ctx, runId, 'viewer');
  const goldName = await requireGoldInProject(ctx, goldStandardId, projectId);
  const run = await store.findRun(ctx.db, runId);
  if (run?.status !== 'succeeded') return null;
  return metricsFor(ctx.db, run, goldStandardId, goldName);
}

/** Stored scores of a run, the gold standard that fits it best first (most of its edges within the run's genes). */
export async function listStoredMetrics(ctx: ServiceContext, runId: string): Promise<RunMetricsRecord[]> {
  await requireRunRole(ctx, runId, 'viewer');
  const rows = await ctx.db
    .select({ row: runMetrics, goldStandardName: goldStandards.name })
    .from(runMetrics)
    .innerJoin(goldStandards, eq(goldStandards.id, runMetrics.goldStandardId))
    .where(eq(runMetrics.runId, runId))
    .orderBy(desc(sql`(${runMetrics.metrics}->>'referenceEdges')::int`), desc(goldStandards.createdAt), goldStandards.id);
  return rows.map(({ row, goldStandardName }) => ({
    ...(row.metrics as StoredScores),
    runId,
    goldStandardId: row.goldStandardId,
    goldStandardName,
    computedAt: row.computedAt,
  }));
}

export interface RunComparison {
  goldStandardId: string;
  goldStandardName: string;
  rows: { run: store.RunRecord; metrics: RunMetricsRecord | null; sparsity: number | null }[];
}

/** Several runs of one project side by side against one gold standard (metrics computed where missing). */
export async function compareRuns(ctx: ServiceContext, raw: ProjectScoped): Promise<RunComparison> {
  await requireProjectRole(ctx, raw.projectId, 'viewer');
  const input = parseInput(compareRunsInput, raw);
  const goldName = await requireGoldInProject(ctx, input.goldStandardId, input.projectId);
  await requireAllInProject(ctx, input.projectId, 'run', input.runIds, 'runIds');
  const found = new Map((await store.findRuns(ctx.db, input.runIds)).map((r) => [r.id, r]));
  const rows: RunComparison['rows'] = [];
  for (const id of new Set(input.runIds)) {
    const run = found.get(id)!;
    const metrics = run.status === 'succeeded' ? await metricsFor(ctx.db, run, input.goldStandardId, goldName) : null;
    rows.push({ run, metrics, sparsity: run.summary?.sparsity ?? null });
  }
  return { goldStandardId: input.goldStandardId, goldStandardName: goldName, rows };
}

export async function runGoldStandardFits(ctx: ServiceContext, runId: string): Promise<GoldStandardFit[]> {
  const { projectId } = await requireRunRole(ctx, runId, 'viewer');
  const run = await store.findRun(ctx.db, runId);
  return run ? goldStandardFits(ctx.db, projectId, run.datasetId) : [];
}
