import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import type { Logger } from '../log';
import { type Consumer, startConsumer, SYNTHETIC_BENCHMARK_DEAD_QUEUE, SYNTHETIC_BENCHMARK_QUEUE, type SyntheticBenchmarkJob } from '../queue';
import { executeBenchmark, type Simulator } from './execution';
import { failBenchmark } from './store';

export interface BenchmarkConsumerOptions {
  db: Database;
  boss: PgBoss;
  log: Logger;
  leaseSeconds: number;
  heartbeatSeconds: number;
  pollingIntervalMs: number;
  /** compute's simulator unless a test gives another. */
  simulate?: Simulator;
}

/**
 * The compute worker's benchmark slot (server/runs/worker.ts starts it beside training): one benchmark
 * at a time, and the dead letters of benchmarks whose retries ran out (their worker kept dying), which
 * would otherwise stay "running" for ever.
 */
export function startBenchmarkConsumer(options: BenchmarkConsumerOptions): Consumer {
  const { db, boss, log, leaseSeconds, heartbeatSeconds, pollingIntervalMs } = options;
  const simulating = startConsumer<SyntheticBenchmarkJob>({
    db,
    boss,
    queue: SYNTHETIC_BENCHMARK_QUEUE,
    concurrency: 1,
    leaseSeconds,
    heartbeatSeconds,
    pollingIntervalMs,
    handle: (job) => executeBenchmark({ db, log, simulate: options.simulate }, job),
    onError: (error, jobId) => log.warn('benchmark job did not complete', { jobId, error: error instanceof Error ? error : String(error) }),
  });
  const deadLetters = startConsumer<SyntheticBenchmarkJob>({
    db,
    boss,
    queue: SYNTHETIC_BENCHMARK_DEAD_QUEUE,
    concurrency: 1,
    leaseSeconds,
    heartbeatSeconds,
    pollingIntervalMs: pollingIntervalMs * 5,
    handle: (job) =>
      failBenchmark(db, job.data.benchmarkId, null, 'The worker simulating it stopped every time it was tried; nothing was stored. Create it again to retry.'),
    onError: (error) => log.warn('benchmark dead-letter job did not complete', { error: error instanceof Error ? error : String(error) }),
  });
  return {
    get activeJobs() {
      return simulating.activeJobs;
    },
    async stop(stopOptions) {
      await Promise.all([simulating.stop(stopOptions), deadLetters.stop(stopOptions)]);
    },
    async kill() {
      await Promise.all([simulating.kill(), deadLetters.kill()]);
    },
  };
}
