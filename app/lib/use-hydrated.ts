'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server-rendered HTML, true once React runs in the browser. Buttons that need JavaScript stay
 * disabled until then, so an early click is not lost and an early submit does not post the form natively.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
