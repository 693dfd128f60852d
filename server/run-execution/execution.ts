import { randomUUID } from 'node:crypto';
import { FormatError, LevelEffectsRecorder, type SquareMatrix, type TrainResult } from '@/compute';
import type { TrainInput } from '@/compute/train';
import type { Database } from '@/db/client';
import { loadDatasetExpression } from '../datasets/load';
import { isDomainError } from '../errors';
import { isTransientDatabaseError } from '../db-errors';
import type { Logger } from '../log';
import { loadPriorMatrix } from '../priors/load';
import type { TakenJob, TrainRunJob } from '../queue';
import { codeVersion } from '@/server/runs/code-version';
import { findRunToTrain } from '@/server/runs/store';
import * as writes from '@/server/runs/writes';
import { saveLevelNetworks } from './level-networks-store';
import { ProgressReporter, type RunContext } from './progress';
import { hasNonFinite, rankEffects, saveEpochs, saveInferredEdges } from './results';
import { scoresAtRunEnd, storeScores } from './scores';

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

/** Runs one training job: claim the run, train with progress and checkpoints, store the outcome. */
export async function executeRun(settings: ExecutionSettings, job: TakenJob<TrainRunJob>): Promise<void> {
  const { db, log } = settings;
  const runId = job.data.runId;
  const hold = await claimRun(settings, job);
  if (hold === null) return;
  job.lease.onRenew((tx) => writes.heartbeat(tx, hold));
  const ctx: RunContext = { settings, job, hold };
  try {
    await trainAndStore(ctx);
  } catch (error) {
    if (job.lease.lost) return;
    // Retried jobs resume from the checkpoint: after a shutdown, or when the database went away for a moment.
    if (error instanceof RunInterrupted || isTransientDatabaseError(error)) throw error;
    await writes.finishFailed(db, hold, failureReason(error, log, runId));
  }
}

/**
 * Takes the run for this attempt (writes.claim), or says why not. Returns the attempt, whose number fences
 * every later write.
 */
async function claimRun({ db, workerId, leaseSeconds, log }: ExecutionSettings, job: TakenJob<TrainRunJob>): Promise<writes.RunAttempt | null> {
  const runId = job.data.runId;
  const claimed = await writes.claim(db, { runId, workerId, jobId: job.id, leaseSeconds, codeVersion: codeVersion() });
  if (claimed) return claimed;

  const run = await writes.claimState(db, runId, leaseSeconds);
  if (!run || run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled') return null;
  if (run.cancelRequested && !run.live) {
    // Cancelled while its worker was gone: nobody will see the flag, so finish the cancel here.
    await writes.cancelOrphaned(db, runId, leaseSeconds);
    return null;
  }
  log.warn('run is held by a live worker; the job will be retried', { runId, jobId: job.id });
  throw new Error(`Run ${runId} is held by another live worker`);
}

async function trainAndStore(ctx: RunContext): Promise<void> {
  const { settings, job, hold } = ctx;
  const { db } = settings;
  const { runId } = hold;
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
    attempt: hold.attempt,
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
    await writes.finishCancelled(db, hold, { ...reporter.progress, phase: 'cancelled' });
    return;
  }
  if (result.summary.cancelled) {
    // Stopped by a worker shutdown: hand the run back; the retried job resumes from the last checkpoint.
    await writes.requeue(db, hold, { ...reporter.progress, phase: 'interrupted' });
    throw new RunInterrupted('The worker shut down; the run will resume from its last checkpoint.');
  }
  if (hasNonFinite(result.effects)) {
    throw new RunInputError('Training diverged: the effects matrix holds values that are not finite numbers. Try a smaller learning rate.');
  }
  await reporter.write({ ...reporter.progress, phase: 'saving' });
  const edges = rankEffects(result.effects, data.genes);
  const scores = await scoresOrNone(settings, run, result.effects, data.genes);
  await db.transaction(async (tx) => {
    if (!(await writes.stillHeld(tx, hold, { lock: true }))) return;
    await saveEpochs(tx, runId, result.history);
    await saveInferredEdges(tx, runId, edges);
    await saveLevelNetworks(tx, runId, levels.result());
    await writes.finishSucceeded(tx, hold, {
      summary: { ...result.summary, inferredEdges: edges.length, genes: data.genes.length, prior: priorInfo, workerId: settings.workerId },
      model: result.model,
      progress: { ...reporter.progress, phase: 'done' },
    });
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

/** Expected problems are shown as they are; anything else is logged in full and shown with an id to find it. */
function failureReason(error: unknown, log: Logger, runId: string): string {
  if (error instanceof RunInputError || error instanceof FormatError || isDomainError(error)) return error.message;
  const errorId = randomUUID().slice(0, 8);
  log.error('run failed unexpectedly', { runId, errorId, error: error instanceof Error ? error : String(error) });
  return `Training stopped because of an internal error (id ${errorId}). The worker's log has the details; relaunching may help if it was a passing problem.`;
}
