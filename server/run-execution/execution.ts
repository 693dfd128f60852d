import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { FormatError, type EpochReport, type SquareMatrix, type TrainCheckpoint, type TrainResult } from '@/compute';
import type { TrainInput } from '@/compute/train';
import type { Database } from '@/db/client';
import { runs } from '@/db/schema';
import { loadDatasetExpression } from '../datasets/load';
import { isDomainError } from '../errors';
import type { Logger } from '../log';
import { loadPriorMatrix } from '../priors/load';
import type { TakenJob, TrainRunJob } from '../queue';
import { codeVersion } from '@/server/runs/code-version';
import type { RunConfig } from '@/server/runs/config';
import { scoresAtRunEnd, storeScores } from '@/server/runs/metrics';
import { LevelEffectsRecorder } from '@/compute';
import { saveLevelNetworks } from './level-networks-store';
import { hasNonFinite, rankEffects, saveEpochs, saveInferredEdges } from './results';
import { findRunToTrain } from '@/server/runs/store';

/** compute's `train`, or a stand-in in tests. */
export type Trainer = (input: TrainInput) => Promise<TrainResult>;

export interface ExecutionSettings {
  db: Database;
  workerId: string;
  /** A run whose heartbeat is older than this may be taken over (its worker is gone). */
  leaseSeconds: number;
  backend: string;
  /** Store a checkpoint every this many epochs (the last one is what a retried job resumes from). */
  checkpointEvery: number;
  /** Least time between progress writes from optimiser steps (epoch ends are always written). */
  progressIntervalMs: number;
  /** Least time between reads of the cancel flag. */
  cancelPollMs: number;
  trainer: Trainer;
  log: Logger;
}

/** The worker is shutting down: the run went back to the queue and the job must be retried, not completed. */
class RunInterrupted extends Error {
  override name = 'RunInterrupted';
}

/** Problems with the run's inputs that the user can fix: shown as the failure reason. */
export class RunInputError extends Error {
  override name = 'RunInputError';
}

export interface RunProgress {
  phase: 'queued' | 'loading' | 'training' | 'saving' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  epoch: number;
  totalEpochs: number;
  step?: number;
  stepsPerEpoch?: number;
  trainLoss?: number;
  valLoss?: number;
  sparsity?: number;
  learningRate?: number;
  bestEpoch?: number;
  bestValLoss?: number;
  /** The epoch of the model the run keeps so far (under one-SE it can be later and sparser than bestEpoch). */
  keptEpoch?: number;
  lastPruningEpoch?: number;
  resumedFromEpoch?: number;
  attempt?: number;
  updatedAt?: string;
}

/** Runs one training job: claim the run, train with progress and checkpoints, store the outcome. */
export async function executeRun(settings: ExecutionSettings, job: TakenJob<TrainRunJob>): Promise<void> {
  const { db, log } = settings;
  const runId = job.data.runId;
  const attempt = await claimRun(settings, job);
  if (attempt === null) return;
  const fence = and(eq(runs.id, runId), eq(runs.attempts, attempt), eq(runs.status, 'running'));
  job.lease.onRenew(async (tx) => {
    const renewed = await tx.update(runs).set({ heartbeatAt: sql`now()` }).where(fence).returning({ id: runs.id });
    return renewed.length === 1;
  });
  const ctx: RunContext = { settings, job, runId, attempt, fence };
  try {
    await trainAndStore(ctx);
  } catch (error) {
    if (job.lease.lost) return;
    // Retried jobs resume from the checkpoint: after a shutdown, or when the database went away for a moment.
    if (error instanceof RunInterrupted || isTransientDatabaseError(error)) throw error;
    const reason = failureReason(error, log, runId);
    await db
      .update(runs)
      .set({
        status: 'failed',
        error: reason,
        finishedAt: sql`now()`,
        progress: sql`coalesce(${runs.progress}, '{}'::jsonb) || ${JSON.stringify({ phase: 'failed' })}::jsonb`,
      })
      .where(fence);
  }
}

interface RunContext {
  settings: ExecutionSettings;
  job: TakenJob<TrainRunJob>;
  runId: string;
  attempt: number;
  fence: ReturnType<typeof and>;
}

/**
 * Takes the run for this attempt, or says why not. Only a queued run, or a running one whose worker's
 * heartbeat has lapsed, can be taken: the conditional UPDATE is what keeps a run from executing twice
 * even if two jobs for it existed. Returns the attempt number (the fencing token of every later write).
 */
async function claimRun({ db, workerId, leaseSeconds, log }: ExecutionSettings, job: TakenJob<TrainRunJob>): Promise<number | null> {
  const runId = job.data.runId;
  const stale = sql`${runs.heartbeatAt} IS NULL OR ${runs.heartbeatAt} < now() - make_interval(secs => ${leaseSeconds})`;
  const [claimed] = await db
    .update(runs)
    .set({
      status: 'running',
      workerId,
      attempts: sql`${runs.attempts} + 1`,
      heartbeatAt: sql`now()`,
      startedAt: sql`coalesce(${runs.startedAt}, now())`,
      jobId: job.id,
      codeVersion: codeVersion(),
      error: null,
      progress: sql`coalesce(${runs.progress}, '{}'::jsonb) || ${JSON.stringify({ phase: 'loading' })}::jsonb`,
    })
    .where(and(eq(runs.id, runId), eq(runs.cancelRequested, false), sql`(${runs.status} = 'queued' OR (${runs.status} = 'running' AND (${stale})))`))
    .returning({ attempts: runs.attempts });
  if (claimed) return claimed.attempts;

  const [run] = await db
    .select({ status: runs.status, cancelRequested: runs.cancelRequested, live: sql<boolean>`NOT (${stale})` })
    .from(runs)
    .where(eq(runs.id, runId));
  if (!run || run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled') return null;
  if (run.cancelRequested && !run.live) {
    // Cancelled while its worker was gone: nobody will see the flag, so finish the cancel here.
    await db
      .update(runs)
      .set({ status: 'cancelled', finishedAt: sql`now()` })
      .where(and(eq(runs.id, runId), sql`${runs.status} IN ('queued', 'running')`, sql`(${stale})`));
    return null;
  }
  log.warn('run is held by a live worker; the job will be retried', { runId, jobId: job.id });
  throw new Error(`Run ${runId} is held by another live worker`);
}

async function trainAndStore(ctx: RunContext): Promise<void> {
  const { settings, job, runId, fence } = ctx;
  const { db } = settings;
  const run = await findRunToTrain(db, runId);
  if (!run) throw new Error(`Run ${runId} no longer exists`);
  const config = run.config;
  const { data, test } = await loadDatasetExpression(db, run.datasetId);
  if (data.trajectories.length < 2) {
    throw new RunInputError('The dataset needs at least two training trajectories (one is held out for validation).');
  }
  let prior = null;
  let priorInfo: { edgesInDataset: number; edgesOutside: number } | null = null;
  if (run.priorVersionId) {
    const loaded = await loadPriorMatrix(db, run.priorVersionId, data.genes);
    prior = loaded.matrix;
    priorInfo = { edgesInDataset: prior.data.reduce((k, v) => k + (v !== 0 ? 1 : 0), 0), edgesOutside: loaded.outsideEdges };
  }
  const resumeFrom = run.checkpoint;
  const reporter = new ProgressReporter(ctx, {
    phase: 'training',
    epoch: resumeFrom?.epoch ?? 0,
    totalEpochs: config.epochs,
    attempt: ctx.attempt,
    ...(resumeFrom ? { resumedFromEpoch: resumeFrom.epoch } : {}),
  });
  await reporter.flush();

  // The network at every pruning level (issue 16 item 4); levels before a resume are not seen again.
  const levels = new LevelEffectsRecorder();
  const result = await settings.trainer({
    data,
    prior,
    test,
    config: { ...config, backend: settings.backend },
    resumeFrom,
    callbacks: {
      onStep: (s) => reporter.step(s),
      onEpoch: (r) => {
        levels.onEpoch(r);
        return reporter.epoch(r);
      },
      onEpochModel: (epoch, params) => levels.onEpochModel(epoch, params),
      onCheckpoint: (c) => reporter.checkpoint(c),
      shouldStop: () => reporter.shouldStop(),
    },
  });
  await reporter.idle();
  if (job.lease.lost) return;

  if (reporter.cancelRequested || (result.summary.cancelled && !job.lease.signal.aborted)) {
    await db
      .update(runs)
      .set({ status: 'cancelled', finishedAt: sql`now()`, progress: { ...reporter.progress, phase: 'cancelled' } })
      .where(fence);
    return;
  }
  if (result.summary.cancelled) {
    // Stopped by a worker shutdown: hand the run back; the retried job resumes from the last checkpoint.
    await db
      .update(runs)
      .set({ status: 'queued', workerId: null, progress: { ...reporter.progress, phase: 'interrupted' } })
      .where(fence);
    throw new RunInterrupted('The worker shut down; the run will resume from its last checkpoint.');
  }
  if (hasNonFinite(result.effects)) {
    throw new RunInputError('Training diverged: the effects matrix holds values that are not finite numbers. Try a smaller learning rate.');
  }
  await reporter.write({ ...reporter.progress, phase: 'saving' });
  const edges = rankEffects(result.effects, data.genes);
  const scores = await scoresOrNone(settings, run, result.effects, data.genes);
  await db.transaction(async (tx) => {
    const [held] = await tx.select({ id: runs.id }).from(runs).where(fence).for('update');
    if (!held) return;
    await saveEpochs(tx, runId, result.history);
    await saveInferredEdges(tx, runId, edges);
    await saveLevelNetworks(tx, runId, levels.result());
    await tx
      .update(runs)
      .set({
        status: 'succeeded',
        finishedAt: sql`now()`,
        summary: { ...result.summary, inferredEdges: edges.length, genes: data.genes.length, prior: priorInfo, workerId: settings.workerId },
        model: result.model,
        checkpoint: null,
        progress: { ...reporter.progress, phase: 'done' },
      })
      .where(fence);
    await storeScores(tx, runId, scores);
  });
}

/** Scores against the project's gold standards; a failure here must not fail the run (pages compute them on request). */
async function scoresOrNone(settings: ExecutionSettings, run: { projectId: string; datasetId: string }, effects: SquareMatrix, genes: readonly string[]) {
  try {
    return await scoresAtRunEnd(settings.db, run, effects, genes);
  } catch (error) {
    settings.log.warn('could not score the run against its gold standards', { error: error instanceof Error ? error : String(error) });
    return [];
  }
}

/**
 * Writes what the UI polls: the latest progress (throttled during an epoch), one row per epoch for the
 * curves, and checkpoints. Every write is fenced on this attempt, so a worker that lost the run writes nothing.
 */
class ProgressReporter {
  progress: RunProgress;
  cancelRequested = false;
  private lastWrite = 0;
  private lastCancelPoll = 0;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: RunContext,
    initial: RunProgress,
  ) {
    this.progress = initial;
  }

  step(s: { epoch: number; step: number; stepsPerEpoch: number; loss: number }): void {
    this.progress = { ...this.progress, epoch: Math.max(this.progress.epoch, s.epoch - 1), step: s.step, stepsPerEpoch: s.stepsPerEpoch };
    if (Date.now() - this.lastWrite >= this.ctx.settings.progressIntervalMs) {
      this.lastWrite = Date.now();
      this.queue(() => this.flush()).catch(() => undefined); // logged by queue(); the next write tries again
    }
  }

  async epoch(r: EpochReport): Promise<void> {
    this.progress = {
      ...this.progress,
      epoch: r.epoch,
      totalEpochs: r.totalEpochs,
      step: undefined,
      trainLoss: r.trainLoss,
      valLoss: r.valLoss,
      sparsity: r.sparsity,
      learningRate: r.learningRate,
      ...(r.isBest ? { bestEpoch: r.epoch, bestValLoss: r.valLoss } : {}),
      ...(r.keptEpoch !== undefined ? { keptEpoch: r.keptEpoch } : {}),
      ...(r.pruned ? { lastPruningEpoch: r.epoch } : {}),
    };
    await this.queue(async () => {
      if (this.ctx.job.lease.lost) return;
      await this.ctx.settings.db.transaction(async (tx) => {
        const [held] = await tx.select({ id: runs.id }).from(runs).where(this.ctx.fence);
        if (!held) return;
        await saveEpochs(tx, this.ctx.runId, [r]);
        await tx.update(runs).set({ progress: this.stamp() }).where(this.ctx.fence);
      });
      this.lastWrite = Date.now();
    });
  }

  async checkpoint(c: TrainCheckpoint): Promise<void> {
    if (c.epoch % this.ctx.settings.checkpointEvery !== 0) return;
    await this.queue(async () => {
      if (this.ctx.job.lease.lost) return;
      await this.ctx.settings.db.update(runs).set({ checkpoint: c }).where(this.ctx.fence);
    });
  }

  async shouldStop(): Promise<boolean> {
    const { job, settings, runId, attempt } = this.ctx;
    if (job.lease.signal.aborted || this.cancelRequested) return true;
    if (Date.now() - this.lastCancelPoll < settings.cancelPollMs) return false;
    this.lastCancelPoll = Date.now();
    const [run] = await settings.db
      .select({ cancelRequested: runs.cancelRequested, attempts: runs.attempts, status: runs.status })
      .from(runs)
      .where(eq(runs.id, runId));
    if (!run || run.attempts !== attempt || run.status !== 'running') return true; // no longer ours
    this.cancelRequested = run.cancelRequested;
    return this.cancelRequested;
  }

  flush(): Promise<void> {
    return this.write(this.progress);
  }

  async write(progress: RunProgress): Promise<void> {
    this.progress = progress;
    if (this.ctx.job.lease.lost) return;
    this.lastWrite = Date.now();
    await this.ctx.settings.db.update(runs).set({ progress: this.stamp() }).where(this.ctx.fence);
  }

  /** Waits for queued writes (training must not finish while its last epoch is still being written). */
  async idle(): Promise<void> {
    await this.pending;
  }

  private stamp(): RunProgress {
    return { ...this.progress, updatedAt: new Date().toISOString() };
  }

  /** Writes run one after another, in order; a failed write surfaces at the next await of idle(). */
  private queue(write: () => Promise<void>): Promise<void> {
    const next = this.pending.then(write);
    this.pending = next.catch((e: unknown) => {
      this.ctx.settings.log.warn('progress write failed', { runId: this.ctx.runId, error: e instanceof Error ? e : String(e) });
    });
    return next;
  }
}

/** Expected problems are shown as they are; anything else is logged in full and shown with an id to find it. */
function failureReason(error: unknown, log: Logger, runId: string): string {
  if (error instanceof RunInputError || error instanceof FormatError || isDomainError(error)) return error.message;
  const errorId = randomUUID().slice(0, 8);
  log.error('run failed unexpectedly', { runId, errorId, error: error instanceof Error ? error : String(error) });
  return `Training stopped because of an internal error (id ${errorId}). The worker's log has the details; relaunching may help if it was a passing problem.`;
}

/** Connection-level failures: the database went away, not the run. Retrying the job is the right answer. */
function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08003', '08001'].includes(code)) {
    return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}
