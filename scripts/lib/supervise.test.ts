import { describe, expect, it } from 'vitest';
import { supervise, type SupervisePolicy } from './supervise';

const policy: SupervisePolicy = { firstDelayMs: 1_000, maxDelayMs: 8_000, healthyAfterMs: 60_000, maxRestarts: 4, windowMs: 300_000 };

/** A fake clock and children that exit when told to. */
function rig(stopping = () => false) {
  let clock = 0;
  const pending: { at: number; fn: () => void }[] = [];
  const children: { exit(code: number | null): Promise<void> }[] = [];
  const events: string[] = [];
  supervise(policy, {
    start() {
      let exit!: (code: number | null) => void;
      const exited = new Promise<number | null>((r) => (exit = r));
      children.push({ exit: async (code) => (exit(code), await new Promise((r) => setImmediate(r))) });
      events.push(`start@${clock}`);
      return { exited };
    },
    stopping,
    onRestart: (code, delay) => void events.push(`restart(${code}) in ${delay}`),
    onGiveUp: (code, n) => void events.push(`give up(${code}) after ${n}`),
    now: () => clock,
    schedule: (fn, ms) => void pending.push({ at: clock + ms, fn }),
  });
  return {
    events,
    last: () => children[children.length - 1],
    advance(ms: number) {
      clock += ms;
      for (const p of pending.splice(0).filter((p) => p.at <= clock || (pending.push(p), false))) p.fn();
    },
  };
}

describe('supervise', () => {
  it('restarts a child that dies, waiting longer after each quick crash, and gives up after too many', async () => {
    const r = rig();
    for (let i = 0; i < 5; i++) {
      await r.last().exit(1);
      r.advance(10_000);
    }
    expect(r.events).toEqual([
      'start@0',
      'restart(1) in 1000',
      'start@10000',
      'restart(1) in 2000',
      'start@20000',
      'restart(1) in 4000',
      'start@30000',
      'restart(1) in 8000',
      'start@40000',
      'give up(1) after 4',
    ]);
  });

  it('waits the first delay again after a child ran long enough to count as healthy', async () => {
    const r = rig();
    await r.last().exit(1);
    r.advance(1_000);
    r.advance(120_000);
    await r.last().exit(137);
    expect(r.events.slice(-1)).toEqual(['restart(137) in 1000']);
  });

  it('does not restart while stopping', async () => {
    let stopping = false;
    const r = rig(() => stopping);
    stopping = true;
    await r.last().exit(0);
    r.advance(60_000);
    expect(r.events).toEqual(['start@0']);
  });
});
