import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import type { Transaction } from '../context';
import { BOSS_SCHEMA } from './boss';
import { bossExecutor } from './executor';

/**
 * A job-taking loop with a renewable lease.
 *
 * Why not pg-boss's `work()`: in pg-boss 10 a handler that outlives the job's `expireIn` is failed by the
 * worker itself and there is no heartbeat, so a fixed expiry would either cut long trainings short or leave
 * a killed worker's job waiting for hours. Here each taken job's lease (`started_on + expire_in`) is renewed
 * every `heartbeatSeconds`; only a dead or frozen worker lets it lapse, and then pg-boss's maintenance (run
 * by every supervising worker) fails it into a retry that another worker takes.
 *
 * A delivery is identified by (job id, retry_count): pg-boss re-uses the id for retries and bumps the count
 * at each fetch. Renewals, completion and failure are fenced on that pair, so a worker that lost its lease
 * can never complete or fail the delivery another worker now holds.
 */
export interface Lease {
  readonly jobId: string;
  /** Aborted when the lease is lost or the consumer shuts down: stop working (and, when `lost`, write nothing more). */
  readonly signal: AbortSignal;
  /** True once renewal failed: another worker may hold the job now. */
  readonly lost: boolean;
  /** Work to do in the same transaction as each renewal (e.g. a heartbeat on the domain row); false = lost. */
  onRenew(hook: (tx: Transaction) => Promise<boolean>): void;
}

export interface TakenJob<T> {
  id: string;
  data: T;
  retryCount: number;
  retryLimit: number;
  /** What pg-boss stored with the job: on a dead letter, the last failure (`{ message }`). */
  output: unknown;
  lease: Lease;
}

export interface ConsumerOptions<T> {
  db: Database;
  boss: PgBoss;
  queue: string;
  concurrency: number;
  /**
   * This worker's lease: set on each job as it is taken and at every renewal, so the job's expiry follows the
   * worker holding it, not the lease of whoever sent the job.
   */
  leaseSeconds: number;
  heartbeatSeconds: number;
  pollingIntervalMs: number;
  /** Resolve to complete the job; throw to fail it (pg-boss retries until its retry limit). */
  handle(job: TakenJob<T>): Promise<void>;
  onError(error: unknown, jobId?: string): void;
}

export interface Consumer {
  /** Stop taking jobs, abort the running ones, and wait (up to timeoutMs) for their handlers to return. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /**
   * Vanish as a crashed process would: stop renewing and never complete or fail the jobs in hand, so their
   * leases lapse and other workers take them over. Handlers see their lease lost and must write nothing.
   */
  kill(): Promise<void>;
  readonly activeJobs: number;
}

const job = sql.raw(`${BOSS_SCHEMA}.job`);

export function startConsumer<T>(options: ConsumerOptions<T>): Consumer {
  const shutdown = new AbortController();
  const killed = new AbortController();
  const running = new Set<Promise<void>>();
  const slots: Promise<void>[] = [];

  const slot = async () => {
    while (!shutdown.signal.aborted) {
      let taken: PgBoss.JobWithMetadata<T>[] = [];
      try {
        taken = await options.boss.fetch<T>(options.queue, { batchSize: 1, includeMetadata: true });
      } catch (e) {
        options.onError(e);
      }
      if (taken.length === 0) {
        await sleep(options.pollingIntervalMs, shutdown.signal);
        continue;
      }
      const run = runOne(options, taken[0], shutdown.signal, killed.signal);
      running.add(run);
      await run;
      running.delete(run);
    }
  };
  for (let i = 0; i < options.concurrency; i++) slots.push(slot());

  return {
    get activeJobs() {
      return running.size;
    },
    async stop({ timeoutMs = 30_000 } = {}) {
      shutdown.abort();
      const timeout = new AbortController();
      await Promise.race([Promise.all(slots), sleep(timeoutMs, timeout.signal)]);
      timeout.abort();
    },
    async kill() {
      killed.abort();
      shutdown.abort();
      await Promise.all(slots);
    },
  };
}

async function runOne<T>(options: ConsumerOptions<T>, taken: PgBoss.JobWithMetadata<T>, shutdown: AbortSignal, killed: AbortSignal): Promise<void> {
  const abort = new AbortController();
  let lost = false;
  const onShutdown = () => {
    if (killed.aborted) lost = true;
    abort.abort(new Error(lost ? 'worker killed' : 'worker shutting down'));
  };
  shutdown.addEventListener('abort', onShutdown);
  let hook: ((tx: Transaction) => Promise<boolean>) | null = null;
  const delivery = { name: options.queue, id: taken.id, retryCount: taken.retryCount, leaseSeconds: options.leaseSeconds };

  const renew = async () => {
    if (lost) return;
    try {
      const held = await options.db.transaction(async (tx) => {
        if (!(await renewLease(tx, delivery))) return false;
        return hook ? hook(tx) : true;
      });
      if (!held) {
        lost = true;
        abort.abort(new Error('lease lost'));
      }
    } catch (e) {
      // A failed renewal (database briefly away) is retried at the next beat; the lease has slack for that.
      options.onError(e, taken.id);
    }
  };
  await renew(); // takes the job on this worker's own lease at once
  const timer = setInterval(() => void renew(), options.heartbeatSeconds * 1000);

  const lease: Lease = {
    jobId: taken.id,
    signal: abort.signal,
    get lost() {
      return lost;
    },
    onRenew(h) {
      hook = h;
    },
  };

  let outcome: { ok: true } | { ok: false; error: unknown };
  try {
    await options.handle({ id: taken.id, data: taken.data, retryCount: taken.retryCount, retryLimit: taken.retryLimit, output: taken.output, lease });
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error };
  } finally {
    clearInterval(timer);
    shutdown.removeEventListener('abort', onShutdown);
  }
  if (lost) return;
  try {
    await options.db.transaction(async (tx) => {
      if (!(await lockDelivery(tx, delivery))) return;
      const executor = { db: bossExecutor(tx) };
      if (outcome.ok) await options.boss.complete(options.queue, taken.id, {}, executor);
      else await options.boss.fail(options.queue, taken.id, { message: describe(outcome.error) }, executor);
    });
  } catch (e) {
    options.onError(e, taken.id);
  }
  if (!outcome.ok) options.onError(outcome.error, taken.id);
}

interface Delivery {
  name: string;
  id: string;
  retryCount: number;
  leaseSeconds: number;
}

async function renewLease(tx: Transaction, d: Delivery): Promise<boolean> {
  const result = await tx.execute(sql`
    UPDATE ${job} SET started_on = now(), expire_in = make_interval(secs => ${d.leaseSeconds})
    WHERE name = ${d.name} AND id = ${d.id}::uuid AND state = 'active' AND retry_count = ${d.retryCount}
    RETURNING id`);
  return result.rows.length === 1;
}

async function lockDelivery(tx: Transaction, d: Delivery): Promise<boolean> {
  const result = await tx.execute(sql`
    SELECT id FROM ${job}
    WHERE name = ${d.name} AND id = ${d.id}::uuid AND state = 'active' AND retry_count = ${d.retryCount}
    FOR UPDATE`);
  return result.rows.length === 1;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
