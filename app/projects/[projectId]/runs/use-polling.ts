'use client';
import { useEffect, useRef } from 'react';

/** Calls `tick` every `ms` while `active` (e.g. while a run is queued or running), one call at a time. */
export function usePolling(tick: () => Promise<unknown>, active: boolean, ms = 2000): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const loop = async () => {
      await latest.current().catch(() => undefined);
      if (!stopped) timer = setTimeout(loop, ms);
    };
    timer = setTimeout(loop, ms);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, ms]);
}
