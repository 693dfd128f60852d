export interface SupervisedChild {
  exited: Promise<number | null>;
}

export interface SupervisePolicy {
  /** Wait before the first restart; doubled after each quick crash. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A child that ran this long counts as healthy: the next crash waits firstDelayMs again. */
  healthyAfterMs: number;
  /** Give up after this many restarts within `windowMs` (a crash loop helps nobody). */
  maxRestarts: number;
  windowMs: number;
}

export interface SuperviseHooks<C extends SupervisedChild> {
  start(): C;
  stopping(): boolean;
  onStart?(child: C): void;
  onExit?(child: C): void;
  /** Says the child died and when it comes back. */
  onRestart(code: number | null, delayMs: number): void;
  /** The child kept dying: the caller decides what happens next (e.g. stop everything). */
  onGiveUp(code: number | null, restarts: number): void;
  now?(): number;
  schedule?(fn: () => void, ms: number): void;
}

/**
 * Keeps a child process running: restarts it when it exits unexpectedly, waiting longer after each
 * quick crash, and gives up after too many restarts in a short time.
 */
export function supervise<C extends SupervisedChild>(policy: SupervisePolicy, hooks: SuperviseHooks<C>): void {
  const now = hooks.now ?? Date.now;
  const schedule = hooks.schedule ?? ((fn, ms) => setTimeout(fn, ms).unref());
  let delayMs = policy.firstDelayMs;
  const restarts: number[] = [];
  const launch = () => {
    const child = hooks.start();
    const startedAt = now();
    hooks.onStart?.(child);
    void child.exited.then((code) => {
      hooks.onExit?.(child);
      if (hooks.stopping()) return;
      const t = now();
      while (restarts.length && t - restarts[0] > policy.windowMs) restarts.shift();
      if (restarts.length >= policy.maxRestarts) {
        hooks.onGiveUp(code, restarts.length);
        return;
      }
      if (t - startedAt > policy.healthyAfterMs) delayMs = policy.firstDelayMs;
      const wait = delayMs;
      delayMs = Math.min(delayMs * 2, policy.maxDelayMs);
      restarts.push(t);
      hooks.onRestart(code, wait);
      schedule(() => {
        if (!hooks.stopping()) launch();
      }, wait);
    });
  };
  launch();
}
