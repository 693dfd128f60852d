import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { runs } from '@/db/schema';
import type { Transaction } from '../context';

/**
 * The one module that writes the runs table: launching (insertRun, setJob), cancelling (requestCancel) and
 * every state change a worker makes (claim, heartbeat, progress, checkpoint, and the end of an attempt).
 * A run's lifecycle is the set of these statements, so it reads in one place, and the fence that keeps a
 * worker that lost its run from writing is written once. scripts/architecture.test.ts fails when any other
 * source file inserts, updates or deletes runs (tests may set up rows directly).
 */
type Writer = Pick<Database, 'insert' | 'update' | 'select' | 'execute'> | Pick<Transaction, 'insert' | 'update' | 'select' | 'execute'>;

/** The progress JSON a worker writes (server/run-execution/progress.ts); read back through columns.ts. */
type Progress = { phase: string };

/** Appends a phase to the stored progress without losing what a previous attempt recorded. */
const withPhase = (phase: string) => sql`coalesce(${runs.progress}, '{}'::jsonb) || ${JSON.stringify({ phase })}::jsonb`;

export type NewRunRow = Omit<typeof runs.$inferInsert, 'id'>;

export async function insertRun(tx: Writer, values: NewRunRow): Promise<string> {
  const [row] = await tx.insert(runs).values(values).returning({ id: runs.id });
  return row.id;
}

/** The queue job that will train the run (known only after the run's row exists: the job names the run). */
export async function setJob(tx: Writer, runId: string, jobId: string): Promise<void> {
  await tx.update(runs).set({ jobId }).where(eq(runs.id, runId));
}

/**
 * Cancel in one statement so it cannot race a worker taking the run: a queued run is cancelled at once,
 * a running one is asked to stop (the worker polls the flag between optimiser steps).
 */
export async function requestCancel(tx: Writer, runId: string): Promise<{ status: string; name: string } | null> {
  const result = await tx.execute<{ status: string; name: string }>(sql`
    UPDATE ${runs} SET
      cancel_requested = true,
      status = CASE WHEN status = 'queued' THEN 'cancelled'::run_status ELSE status END,
      finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
    WHERE id = ${runId} AND status IN ('queued', 'running')
    RETURNING status, name`);
  return result.rows[0] ?? null;
}

/** Benchmark fixtures only: a run marked finished without training, so its (inserted) edges can be reviewed. */
export async function markSucceededUntrained(tx: Writer, runId: string): Promise<void> {
  await tx.update(runs).set({ status: 'succeeded' }).where(eq(runs.id, runId));
}

// ---- The worker's writes ----------------------------------------------------------------------------

/** One worker's hold on a run: the attempt number is the fencing token of every write it makes. */
export interface RunAttempt {
  runId: string;
  attempt: number;
}

/** Matches the run only while this attempt still holds it (running, not taken over by a later attempt). */
const held = ({ runId, attempt }: RunAttempt): SQL => and(eq(runs.id, runId), eq(runs.attempts, attempt), eq(runs.status, 'running'))!;

/** A heartbeat older than the lease: the run's worker is gone and another may take the run over. */
const stale = (leaseSeconds: number): SQL => sql`${runs.heartbeatAt} IS NULL OR ${runs.heartbeatAt} < now() - make_interval(secs => ${leaseSeconds})`;

/**
 * Takes the run for a new attempt. Only a queued run, or a running one whose worker's heartbeat has lapsed,
 * can be taken: this conditional UPDATE is what keeps a run from executing twice even if two jobs for it
 * existed. Returns the attempt, or null when the run cannot be taken (claimState says why).
 */
export async function claim(
  db: Writer,
  take: { runId: string; workerId: string; jobId: string; leaseSeconds: number; codeVersion: string },
): Promise<RunAttempt | null> {
  const [claimed] = await db
    .update(runs)
    .set({
      status: 'running',
      workerId: take.workerId,
      attempts: sql`${runs.attempts} + 1`,
      heartbeatAt: sql`now()`,
      startedAt: sql`coalesce(${runs.startedAt}, now())`,
      jobId: take.jobId,
      codeVersion: take.codeVersion,
      error: null,
      progress: withPhase('loading'),
    })
    .where(
      and(
        eq(runs.id, take.runId),
        eq(runs.cancelRequested, false),
        sql`(${runs.status} = 'queued' OR (${runs.status} = 'running' AND (${stale(take.leaseSeconds)})))`,
      ),
    )
    .returning({ attempts: runs.attempts });
  return claimed ? { runId: take.runId, attempt: claimed.attempts } : null;
}

/** Why a run could not be claimed: its status, its cancel flag, and whether its worker is still alive. */
export async function claimState(db: Writer, runId: string, leaseSeconds: number) {
  const [run] = await db
    .select({ status: runs.status, cancelRequested: runs.cancelRequested, live: sql<boolean>`NOT (${stale(leaseSeconds)})` })
    .from(runs)
    .where(eq(runs.id, runId));
  return run ?? null;
}

/** Finishes the cancel of a run cancelled while its worker was gone (nobody else will see the flag). */
export async function cancelOrphaned(db: Writer, runId: string, leaseSeconds: number): Promise<void> {
  await db
    .update(runs)
    .set({ status: 'cancelled', finishedAt: sql`now()` })
    .where(and(eq(runs.id, runId), sql`${runs.status} IN ('queued', 'running')`, sql`(${stale(leaseSeconds)})`));
}

/** Renews the attempt's heartbeat; false when the attempt no longer holds the run. */
export async function heartbeat(tx: Writer, attempt: RunAttempt): Promise<boolean> {
  const renewed = await tx.update(runs).set({ heartbeatAt: sql`now()` }).where(held(attempt)).returning({ id: runs.id });
  return renewed.length === 1;
}

/** Whether the attempt still holds the run; `lock` keeps it so until the transaction ends. */
export async function stillHeld(tx: Writer, attempt: RunAttempt, { lock = false } = {}): Promise<boolean> {
  const query = tx.select({ id: runs.id }).from(runs).where(held(attempt));
  const [row] = await (lock ? query.for('update') : query);
  return row !== undefined;
}

export async function saveProgress(db: Writer, attempt: RunAttempt, progress: Progress): Promise<void> {
  await db.update(runs).set({ progress }).where(held(attempt));
}

/** The latest checkpoint: what a retried job resumes from. */
export async function saveCheckpoint(db: Writer, attempt: RunAttempt, checkpoint: object): Promise<void> {
  await db.update(runs).set({ checkpoint }).where(held(attempt));
}

export async function finishSucceeded(tx: Writer, attempt: RunAttempt, outcome: { summary: object; model: object; progress: Progress }): Promise<void> {
  await tx
    .update(runs)
    .set({ status: 'succeeded', finishedAt: sql`now()`, summary: outcome.summary, model: outcome.model, checkpoint: null, progress: outcome.progress })
    .where(held(attempt));
}

export async function finishCancelled(db: Writer, attempt: RunAttempt, progress: Progress): Promise<void> {
  await db.update(runs).set({ status: 'cancelled', finishedAt: sql`now()`, progress }).where(held(attempt));
}

export async function finishFailed(db: Writer, attempt: RunAttempt, reason: string): Promise<void> {
  await db
    .update(runs)
    .set({ status: 'failed', error: reason, finishedAt: sql`now()`, progress: withPhase('failed') })
    .where(held(attempt));
}

/** Hands the run back to the queue (the worker is shutting down); the retried job resumes from the checkpoint. */
export async function requeue(db: Writer, attempt: RunAttempt, progress: Progress): Promise<void> {
  await db.update(runs).set({ status: 'queued', workerId: null, progress }).where(held(attempt));
}

/** A run whose job's retries ran out: failed with the reason, unless it already finished. */
export async function failRetriesRanOut(db: Writer, runId: string, reason: string): Promise<void> {
  await db
    .update(runs)
    .set({ status: 'failed', finishedAt: sql`now()`, error: reason, progress: withPhase('failed') })
    .where(and(eq(runs.id, runId), sql`${runs.status} IN ('queued', 'running')`));
}
