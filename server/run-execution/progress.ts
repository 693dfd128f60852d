import type { EpochReport, TrainCheckpoint } from '@/compute';
import type { TakenJob, TrainRunJob } from '../queue';
import { findCancelState } from '@/server/runs/store';
import * as writes from '@/server/runs/writes';
import type { ExecutionSettings } from './execution';
import { saveEpochs } from './results';

/** One attempt at a run, as the code that trains it sees it. */
export interface RunContext {
  settings: ExecutionSettings;
  job: TakenJob<TrainRunJob>;
  hold: writes.RunAttempt;
}

/** The progress JSON the UI polls (read back through server/runs/columns.ts). */
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

/**
 * Writes what the UI polls: the latest progress (throttled during an epoch), one row per epoch for the
 * curves, and checkpoints. Every write is fenced on this attempt, so a worker that lost the run writes nothing.
 */
export class ProgressReporter {
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
        if (!(await writes.stillHeld(tx, this.ctx.hold))) return;
        await saveEpochs(tx, this.ctx.hold.runId, [r]);
        await writes.saveProgress(tx, this.ctx.hold, this.stamp());
      });
      this.lastWrite = Date.now();
    });
  }

  async checkpoint(c: TrainCheckpoint): Promise<void> {
    if (c.epoch % this.ctx.settings.checkpointEvery !== 0) return;
    await this.queue(async () => {
      if (this.ctx.job.lease.lost) return;
      await writes.saveCheckpoint(this.ctx.settings.db, this.ctx.hold, c);
    });
  }

  async shouldStop(): Promise<boolean> {
    const { job, settings, hold } = this.ctx;
    if (job.lease.signal.aborted || this.cancelRequested) return true;
    if (Date.now() - this.lastCancelPoll < settings.cancelPollMs) return false;
    this.lastCancelPoll = Date.now();
    const run = await findCancelState(settings.db, hold.runId);
    if (!run || run.attempts !== hold.attempt || run.status !== 'running') return true; // no longer ours
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
    await writes.saveProgress(this.ctx.settings.db, this.ctx.hold, this.stamp());
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
      this.ctx.settings.log.warn('progress write failed', { runId: this.ctx.hold.runId, error: e instanceof Error ? e : String(e) });
    });
    return next;
  }
}
