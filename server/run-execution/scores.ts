import { and, eq, sql } from 'drizzle-orm';
import type { SquareMatrix } from '@/compute';
import type { Database } from '@/db/client';
import { goldStandards, runMetrics, runs } from '@/db/schema';
import type { Transaction } from '@/server/context';
import type { Logger } from '@/server/log';
import { goldStandardFits, metricsFor, scoreEffects, type StoredScores } from '@/server/runs/scores';
import * as store from '@/server/runs/store';

/**
 * Scores a run that just finished against every gold standard of its project that shares edges with its
 * genes, from the effects still in memory, so the scores are stored in the same transaction that marks
 * the run succeeded (the worker calls it; no authorisation).
 */
export async function scoresAtRunEnd(
  db: Pick<Database, 'select'>,
  run: { projectId: string; datasetId: string },
  effects: SquareMatrix,
  genes: readonly string[],
): Promise<{ goldStandardId: string; metrics: StoredScores }[]> {
  const fits = await goldStandardFits(db, run.projectId, run.datasetId);
  const out: { goldStandardId: string; metrics: StoredScores }[] = [];
  for (const fit of fits) out.push({ goldStandardId: fit.goldStandardId, metrics: await scoreEffects(db, effects, genes, fit.goldStandardId) });
  return out;
}

export async function storeScores(tx: Transaction, runId: string, scores: { goldStandardId: string; metrics: StoredScores }[]): Promise<void> {
  if (scores.length)
    await tx
      .insert(runMetrics)
      .values(scores.map((s) => ({ runId, goldStandardId: s.goldStandardId, metrics: s.metrics })))
      .onConflictDoNothing();
}

/**
 * Scores every finished run of the gold standard's project that shares edges with it and has no scores
 * against it yet: the worker's job after a gold standard is imported (no authorisation). Returns how many
 * runs it scored.
 */
export async function scoreFinishedRunsAgainst(db: Database, goldStandardId: string, log?: Logger): Promise<number> {
  const [gold] = await db
    .select({ projectId: goldStandards.projectId, name: goldStandards.name })
    .from(goldStandards)
    .where(eq(goldStandards.id, goldStandardId));
  if (!gold) return 0; // deleted before the job ran
  const pending = await db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.projectId, gold.projectId),
        eq(runs.status, 'succeeded'),
        sql`not exists (select 1 from ${runMetrics} m where m.run_id = ${runs.id} and m.gold_standard_id = ${goldStandardId})`,
      ),
    );
  const fitsByDataset = new Map<string, boolean>();
  let scored = 0;
  for (const { id } of pending) {
    const run = await store.findRun(db, id);
    if (!run) continue;
    if (!fitsByDataset.has(run.datasetId)) {
      const fits = await goldStandardFits(db, gold.projectId, run.datasetId);
      fitsByDataset.set(
        run.datasetId,
        fits.some((f) => f.goldStandardId === goldStandardId),
      );
    }
    if (!fitsByDataset.get(run.datasetId)) continue;
    await metricsFor(db, run, goldStandardId, gold.name);
    scored += 1;
  }
  log?.info('scored finished runs against a new gold standard', { goldStandardId, runs: scored });
  return scored;
}
