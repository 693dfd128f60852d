/**
 * Whether a running run's worker is still there. Workers write a heartbeat at least every
 * HEARTBEAT_MAX_SECONDS (server/run-execution/worker.ts), whatever their lease; a run without one for
 * WORKER_LOST_AFTER_SECONDS has lost its worker, and its job comes back to the queue once the lease lapses.
 */
export const HEARTBEAT_MAX_SECONDS = 15;
export const WORKER_LOST_AFTER_SECONDS = 45;

export function runStatusDetail(run: { status: string; heartbeatAgeSeconds: number | null; attempts: number }, maxAttempts: number): string | null {
  if (run.status === 'running' && run.heartbeatAgeSeconds !== null && run.heartbeatAgeSeconds > WORKER_LOST_AFTER_SECONDS) {
    const left = maxAttempts - run.attempts;
    return left > 0
      ? `Worker lost, retrying: no word from its worker for ${Math.round(run.heartbeatAgeSeconds)} s. Another worker resumes it from its last checkpoint (attempt ${run.attempts + 1} of ${maxAttempts}).`
      : `Worker lost: no word from its worker for ${Math.round(run.heartbeatAgeSeconds)} s, and this was its last attempt (${maxAttempts}); it will be marked failed.`;
  }
  if (run.status === 'queued' && run.attempts > 0) {
    return `Waiting to be retried after its worker stopped (attempt ${run.attempts + 1} of ${maxAttempts}).`;
  }
  return null;
}
