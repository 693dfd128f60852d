/**
 * `npm run worker`: a compute worker. `npm start` runs one beside the web app; more can run on other
 * machines against the same PostgreSQL (DATABASE_URL), each taking training jobs safely from the queue.
 *
 *   DATABASE_URL=postgres://… COMPUTE_BACKEND=wasm WORKER_CONCURRENCY=1 npm run worker
 *
 * SIGTERM/SIGINT stop it gracefully: a training in progress stops at its next step and goes back to the
 * queue, to resume from its last checkpoint on whichever worker takes it next.
 */
import { sql } from 'drizzle-orm';
import { connectDatabase } from '@/db/client';
import { env } from '@/server/env';
import { createLogger } from '@/server/log';
import { startRunWorker } from '@/server/run-execution/worker';

const log = createLogger('worker');

async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set. A worker trains runs stored in the app’s database: point it at the same PostgreSQL as the app ' +
        '(npm start passes it to the worker it starts itself).',
    );
  }
  const handle = connectDatabase(env.DATABASE_URL, { max: env.WORKER_CONCURRENCY + 3 });
  try {
    await handle.db.execute(sql`select 1 from runs limit 1`);
  } catch (e) {
    await handle.close();
    throw new Error(`The database at DATABASE_URL has no GRN Studio tables yet (start the app once to migrate it): ${(e as Error).message}`);
  }
  const worker = await startRunWorker({
    db: handle.db,
    log,
    backend: env.COMPUTE_BACKEND,
    concurrency: env.WORKER_CONCURRENCY,
    leaseSeconds: env.RUN_LEASE_SECONDS,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal, activeJobs: worker.activeJobs });
    // npm start allows its children 10 s before SIGKILL; a training stops within one optimiser step.
    await worker.stop({ timeoutMs: 8_000 });
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  log.error('worker failed to start', { error: e instanceof Error ? e : String(e) });
  process.exit(1);
});
