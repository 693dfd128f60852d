import PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import type { Transaction } from '../context';
import { bossExecutor } from './executor';

/** pg-boss keeps its tables in this schema (its default). */
export const BOSS_SCHEMA = 'pgboss';
export const TRAIN_RUN_QUEUE = 'train-run';
/** Jobs whose retries ran out land here, so the run they carry can be marked failed instead of hanging. */
export const TRAIN_RUN_DEAD_QUEUE = 'train-run-dead';

export interface TrainRunJob {
  runId: string;
}

/** After a gold standard is imported: score the project's finished runs against it. */
export const SCORE_GOLD_QUEUE = 'score-gold-standard';

export interface ScoreGoldJob {
  goldStandardId: string;
}

/** A synthetic benchmark to simulate and store (server/benchmarks); dead letters mark it failed. */
export const SYNTHETIC_BENCHMARK_QUEUE = 'synthetic-benchmark';
export const SYNTHETIC_BENCHMARK_DEAD_QUEUE = 'synthetic-benchmark-dead';

export interface SyntheticBenchmarkJob {
  benchmarkId: string;
}

/**
 * How long a worker holds a job without renewing it (the lease), and how often a lost job is retried.
 * Workers renew every `leaseSeconds / 4`, so only a dead or frozen worker lets its lease run out.
 */
export interface QueueSettings {
  leaseSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
}

/** A job that crashes its worker (or fails for a passing reason) is tried at most 3 times in all. */
export const defaultQueueSettings: QueueSettings = { leaseSeconds: 300, retryLimit: 2, retryDelaySeconds: 5 };

export interface StartBossOptions {
  /** Workers supervise: they run pg-boss maintenance, which expires lapsed leases and schedules retries. */
  supervise: boolean;
  maintenanceIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

/** Starts pg-boss over the given drizzle database (creating or migrating its schema) and makes sure our queues exist. */
export async function startBoss(db: Database, options: StartBossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossExecutor(db),
    schema: BOSS_SCHEMA,
    supervise: options.supervise,
    schedule: false,
    migrate: true,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  boss.on('error', (e) => options.onError?.(e));
  await boss.start();
  await boss.createQueue(TRAIN_RUN_DEAD_QUEUE, { name: TRAIN_RUN_DEAD_QUEUE });
  await boss.createQueue(TRAIN_RUN_QUEUE, { name: TRAIN_RUN_QUEUE, deadLetter: TRAIN_RUN_DEAD_QUEUE });
  await boss.createQueue(SCORE_GOLD_QUEUE, { name: SCORE_GOLD_QUEUE });
  await boss.createQueue(SYNTHETIC_BENCHMARK_DEAD_QUEUE, { name: SYNTHETIC_BENCHMARK_DEAD_QUEUE });
  await boss.createQueue(SYNTHETIC_BENCHMARK_QUEUE, { name: SYNTHETIC_BENCHMARK_QUEUE, deadLetter: SYNTHETIC_BENCHMARK_DEAD_QUEUE });
  return boss;
}

/**
 * Services enqueue through one boss per database (it only sends: no maintenance, no polling), created on
 * first use. Cached on globalThis for the same reason as the connection pool: Next evaluates modules more
 * than once.
 */
const cache = globalThis as typeof globalThis & { __grnSenders?: WeakMap<Database, Promise<PgBoss>> };

function senderFor(db: Database): Promise<PgBoss> {
  cache.__grnSenders ??= new WeakMap();
  let sender = cache.__grnSenders.get(db);
  if (!sender) {
    sender = startBoss(db, { supervise: false }).catch((e: unknown) => {
      cache.__grnSenders?.delete(db);
      throw e;
    });
    cache.__grnSenders.set(db, sender);
  }
  return sender;
}

/** Enqueues one kind of job inside the caller's transaction: the record and its job commit together or not at all. */
export interface JobSender<Job> {
  /** Returns the job id. */
  enqueue(tx: Transaction, job: Job): Promise<string>;
}

/**
 * A sender factory for one queue. Get the sender before opening the transaction: starting it the first
 * time uses another pooled connection, which a small pool might not have to give while the caller holds
 * one in a transaction.
 */
function jobSender<Job extends object>(queue: string, what: string, deadLetter?: string) {
  return async (db: Database, settings: QueueSettings = defaultQueueSettings): Promise<JobSender<Job>> => {
    const boss = await senderFor(db);
    return {
      async enqueue(tx, job) {
        const id = await boss.send(queue, job, {
          db: bossExecutor(tx),
          retryLimit: settings.retryLimit,
          retryDelay: settings.retryDelaySeconds,
          expireInSeconds: settings.leaseSeconds,
          ...(deadLetter ? { deadLetter } : {}),
        });
        if (!id) throw new Error(`pg-boss did not accept the ${what} job`);
        return id;
      },
    };
  };
}

export type TrainRunSender = JobSender<TrainRunJob>;
export const trainRunSender = jobSender<TrainRunJob>(TRAIN_RUN_QUEUE, 'training', TRAIN_RUN_DEAD_QUEUE);

/** No gold standard without its scoring job, and no job without it. */
export type ScoreGoldSender = JobSender<ScoreGoldJob>;
export const scoreGoldSender = jobSender<ScoreGoldJob>(SCORE_GOLD_QUEUE, 'scoring');

/** The simulation is enqueued inside the transaction that stores the benchmark's record. */
export type SyntheticBenchmarkSender = JobSender<SyntheticBenchmarkJob>;
export const syntheticBenchmarkSender = jobSender<SyntheticBenchmarkJob>(SYNTHETIC_BENCHMARK_QUEUE, 'benchmark', SYNTHETIC_BENCHMARK_DEAD_QUEUE);
