import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '@/db/client';
import { startBenchmarkConsumer } from '@/server/benchmarks/worker';
import type { Logger } from '../log';
import {
  SCORE_GOLD_QUEUE,
  startBoss,
  startConsumer,
  TRAIN_RUN_DEAD_QUEUE,
  TRAIN_RUN_QUEUE,
  type Consumer,
  type ScoreGoldJob,
  type TrainRunJob,
} from '../queue';
import { executeRun, type Trainer } from './execution';
import { HEARTBEAT_MAX_SECONDS } from '@/server/runs/liveness';
import { failRetriesRanOut } from '@/server/runs/writes';

/** The failure reason of a run whose job was tried `attempts` times: what went wrong the last time. */
export function retriesRanOutReason(attempts: number, output: unknown): string {
  const message = typeof (output as { message?: unknown } | null)?.message === 'string' ? (output as { message: string }).message : null;
  const last = message === null || /failed by timeout/.test(message) ? 'its worker stopped responding (crashed, was killed, or lost the database)' : message;
  return `The run was tried ${attempts} times and stopped each time; the last time ${last}. Relaunch it to try again.`;
}
import { scoreFinishedRunsAgainst } from './scores';

export interface RunWorkerOptions {
  db: Database;
  log: Logger;
  /** TensorFlow.js backend for training (wasm, cpu, or a GPU backend where one loads). */
  backend: string;
  /** Jobs trained at the same time by this process. */
  concurrency: number;
  /** This worker's RUN_LEASE_SECONDS: every job it takes expires this long after its last renewal. */
  leaseSeconds: number;
  heartbeatSeconds?: number;
  /** How often this worker's pg-boss maintenance expires lapsed leases. */
  maintenanceIntervalSeconds?: number;
  pollingIntervalMs?: number;
  checkpointEvery?: number;
  progressIntervalMs?: number;
  cancelPollMs?: number;
  /** compute's `train` unless a test gives another. */
  trainer?: Trainer;
  workerId?: string;
}

export interface RunWorker {
  readonly workerId: string;
  readonly activeJobs: number;
  /** Graceful: running trainings stop at the next step, keep their checkpoint and go back to the queue. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** For tests: vanish mid-job like a killed process, leaving the jobs for the lease to recover. */
  kill(): Promise<void>;
}

/**
 * A compute worker: takes `train-run` jobs from the queue one at a time per slot, trains them with compute,
 * and keeps the run's row current. Safe to run many against one database (see server/queue/consumer.ts).
 */
export async function startRunWorker(options: RunWorkerOptions): Promise<RunWorker> {
  const { db, log } = options;
  const workerId = options.workerId ?? newWorkerId();
  // Loaded here, on first use: only processes that train load TensorFlow.js (compute's heavy door).
  const trainer = options.trainer ?? (await import('@/compute/train')).train;
  // Often enough for the lease, and for the UI to tell a lost worker within a minute (server/runs/liveness.ts).
  const heartbeatSeconds = options.heartbeatSeconds ?? Math.max(1, Math.min(HEARTBEAT_MAX_SECONDS, Math.floor(options.leaseSeconds / 4)));
  const boss = await startBoss(db, {
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? Math.max(1, Math.min(60, Math.floor(options.leaseSeconds / 2))),
    onError: (error) => log.warn('queue maintenance problem', { error }),
  });
  const pollingIntervalMs = options.pollingIntervalMs ?? 1000;

  const training: Consumer = startConsumer<TrainRunJob>({
    db,
    boss,
    queue: TRAIN_RUN_QUEUE,
    concurrency: options.concurrency,
    leaseSeconds: options.leaseSeconds,
    heartbeatSeconds,
    pollingIntervalMs,
    handle: (job) =>
      executeRun(
        {
          db,
          workerId,
          leaseSeconds: options.leaseSeconds,
          backend: options.backend,
          checkpointEvery: options.checkpointEvery ?? 5,
          progressIntervalMs: options.progressIntervalMs ?? 1000,
          cancelPollMs: options.cancelPollMs ?? 1000,
          trainer,
          log,
        },
        job,
      ),
    onError: (error, jobId) => log.warn('training job did not complete', { jobId, error: error instanceof Error ? error : String(error) }),
  });

  // Jobs whose retries ran out: their run would otherwise stay queued or running for ever.
  const deadLetters: Consumer = startConsumer<TrainRunJob>({
    db,
    boss,
    queue: TRAIN_RUN_DEAD_QUEUE,
    concurrency: 1,
    leaseSeconds: options.leaseSeconds,
    heartbeatSeconds,
    pollingIntervalMs: pollingIntervalMs * 5,
    handle: async (job) => {
      await failRetriesRanOut(db, job.data.runId, retriesRanOutReason(job.retryLimit + 1, job.output));
    },
    onError: (error) => log.warn('dead-letter job did not complete', { error: error instanceof Error ? error : String(error) }),
  });

  // A new gold standard: score the finished runs against it here, not in the import request.
  const scoring: Consumer = startConsumer<ScoreGoldJob>({
    db,
    boss,
    queue: SCORE_GOLD_QUEUE,
    concurrency: 1,
    leaseSeconds: options.leaseSeconds,
    heartbeatSeconds,
    pollingIntervalMs,
    handle: async (job) => {
      await scoreFinishedRunsAgainst(db, job.data.goldStandardId, log);
    },
    onError: (error, jobId) => log.warn('scoring job did not complete', { jobId, error: error instanceof Error ? error : String(error) }),
  });

  // Synthetic benchmarks (server/benchmarks): their own slot, so a long simulation never waits behind a training.
  const benchmarks = startBenchmarkConsumer({ db, boss, log, leaseSeconds: options.leaseSeconds, heartbeatSeconds, pollingIntervalMs });

  // The host stays in the operator's log; users see only the random id (run pages show it).
  log.info('compute worker started', {
    workerId,
    host: hostname(),
    pid: process.pid,
    backend: options.backend,
    concurrency: options.concurrency,
    leaseSeconds: options.leaseSeconds,
  });

  const stopBoss = () => boss.stop({ graceful: false, close: false, wait: true });
  return {
    workerId,
    get activeJobs() {
      return training.activeJobs;
    },
    async stop({ timeoutMs = 60_000 } = {}) {
      await Promise.all([training.stop({ timeoutMs }), deadLetters.stop({ timeoutMs }), scoring.stop({ timeoutMs }), benchmarks.stop({ timeoutMs })]);
      await stopBoss();
      log.info('compute worker stopped', { workerId });
    },
    async kill() {
      await Promise.all([training.kill(), deadLetters.kill(), scoring.kill(), benchmarks.kill()]);
      await stopBoss();
    },
  };
}

/** Random, so the id shown to users on a run says nothing about the machines behind the product. */
export function newWorkerId(): string {
  return `worker-${randomBytes(6).toString('hex')}`;
}
