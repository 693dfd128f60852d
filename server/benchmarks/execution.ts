import { randomUUID } from 'node:crypto';
import { BenchmarkInputError, simulateBenchmark, type SyntheticBenchmarkProgress } from '@/compute';
import type { Database } from '@/db/client';
import { recordAudit } from '../audit/service';
import { insertDataset, preparedTrajectories } from '../datasets/store';
import { isTransientDatabaseError } from '../db-errors';
import { isDomainError } from '../errors';
import { insertGoldStandard } from '../gold-standards/store';
import type { Logger } from '../log';
import { loadVersionEdges, versionGenes } from '../priors/store';
import type { SyntheticBenchmarkJob, TakenJob } from '../queue';
import { attemptFence, type BenchmarkProgress, type BenchmarkRecord, claimBenchmark, completeBenchmark, failBenchmark, writeProgress } from './store';

/** compute's simulator, or a stand-in in tests. */
export type Simulator = typeof simulateBenchmark;

export interface BenchmarkExecutionSettings {
  db: Database;
  log: Logger;
  simulate?: Simulator;
  /** Least time between progress writes (the last trajectory is always written). */
  progressIntervalMs?: number;
}

/**
 * One benchmark job: claim the record, simulate with progress, then store the dataset and the gold
 * standard and link them, all in one transaction, so a failure leaves no half of it behind. Failures
 * the simulation will repeat (bad input, a refused write) mark the benchmark failed; a lost lease or a
 * shutdown hands the job back to the queue.
 */
export async function executeBenchmark(settings: BenchmarkExecutionSettings, job: TakenJob<SyntheticBenchmarkJob>): Promise<void> {
  const { db, log } = settings;
  const id = job.data.benchmarkId;
  const claimed = await claimBenchmark(db, id, job.id);
  if (!claimed) return;
  const fence = attemptFence(id, claimed.attempt);
  try {
    await simulateAndStore(settings, job, claimed.record, fence);
  } catch (error) {
    if (job.lease.lost) return;
    if (job.lease.signal.aborted || isTransientDatabaseError(error)) throw error;
    await failBenchmark(db, id, fence, failureReason(error, log, id));
  }
}

async function simulateAndStore(
  settings: BenchmarkExecutionSettings,
  job: TakenJob<SyntheticBenchmarkJob>,
  b: BenchmarkRecord,
  fence: ReturnType<typeof attemptFence>,
): Promise<void> {
  const { db } = settings;
  if (!b.priorVersionId) throw new BenchmarkInputError('Its prior version was deleted before the benchmark ran.', 'priorVersionId');
  const [genes, edges] = await Promise.all([versionGenes(db, b.priorVersionId), loadVersionEdges(db, b.priorVersionId)]);
  const progress = throttledProgress(db, fence, settings.progressIntervalMs ?? 500);
  await progress.write({ phase: 'simulating', trajectoriesDone: 0, trajectories: b.trajectories }, true);
  const simulate = settings.simulate ?? simulateBenchmark;
  const result = await simulate(
    { genes, edges, trajectories: b.trajectories, timePoints: b.timePoints, noise: b.noise, seed: b.seed },
    {
      onProgress: (p: SyntheticBenchmarkProgress) => progress.write({ phase: 'simulating', ...p }, p.trajectoriesDone === p.trajectories),
      shouldStop: () => job.lease.signal.aborted,
    },
  );
  if (job.lease.lost) return;
  await progress.write({ phase: 'saving', trajectoriesDone: b.trajectories, trajectories: b.trajectories }, true);

  const version = `${b.priorName ?? 'prior'} v${b.priorVersionNumber ?? '?'}`;
  const settingsLine = `${b.trajectories} trajectories at t = ${b.timePoints.join(', ')}, noise σ = ${b.noise}, seed ${b.seed}`;
  await db
    .transaction(async (tx) => {
      const datasetId = await insertDataset(tx, {
        projectId: b.projectId,
        name: b.name,
        description: `Synthetic benchmark of ${version}: ${settingsLine}.`,
        sourceFormat: 'trajectory-csv',
        genes: result.data.genes,
        // Noise-free data is marked so runs may add σ noise at load, as with SIM350.
        isSynthetic: b.noise === 0,
        createdBy: b.createdBy,
        trajectories: preparedTrajectories(result.data),
      });
      // Not queued for scoring: no run uses the new dataset yet, and runs score against every gold standard when they end.
      const goldStandardId = await insertGoldStandard(tx, {
        projectId: b.projectId,
        name: `${b.name} (true network)`,
        source: `The network simulated for synthetic benchmark “${b.name}” (${version}; ${settingsLine}).`,
        createdBy: b.createdBy,
        edges: result.truth.map((e) => ({ ...e, score: null })),
      });
      const stored = await completeBenchmark(tx, fence, {
        datasetId,
        goldStandardId,
        geneCount: genes.length,
        edgeCount: result.truth.length,
        progress: { phase: 'done', trajectoriesDone: b.trajectories, trajectories: b.trajectories },
      });
      // Another attempt holds the benchmark now: roll back so it is stored once.
      if (!stored) throw new LostBenchmark();
      await recordAudit(tx, {
        projectId: b.projectId,
        actorId: b.createdBy,
        action: 'synthetic_benchmark.store',
        objectType: 'dataset',
        objectId: datasetId,
        details: { name: b.name, benchmarkId: b.id, goldStandardId, genes: genes.length, edgeCount: result.truth.length },
      });
    })
    .catch((e: unknown) => {
      if (!(e instanceof LostBenchmark)) throw e;
    });
}

class LostBenchmark extends Error {
  override name = 'LostBenchmark';
}

/** Progress writes at most every `ms` (a forced one always), one at a time. */
function throttledProgress(db: Database, fence: ReturnType<typeof attemptFence>, ms: number) {
  let last = 0;
  return {
    async write(p: BenchmarkProgress, force = false) {
      const now = Date.now();
      if (!force && now - last < ms) return;
      last = now;
      await writeProgress(db, fence, p);
    },
  };
}

function failureReason(error: unknown, log: Logger, benchmarkId: string): string {
  if (error instanceof BenchmarkInputError || isDomainError(error)) return error.message;
  const errorId = randomUUID().slice(0, 8);
  log.error('synthetic benchmark failed unexpectedly', { benchmarkId, errorId, error: error instanceof Error ? error : String(error) });
  return `The benchmark stopped because of an internal error (id ${errorId}); nothing was stored. The worker's log has the details.`;
}
