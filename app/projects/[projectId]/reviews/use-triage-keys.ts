'use client';
import { useEffect, useRef } from 'react';

export type TriageAction = 'next' | 'previous' | 'accept' | 'reject' | 'evidence' | 'comment' | 'select' | 'bulkAccept';

/** Which key does what; `A` is shift-a. */
export const TRIAGE_KEYS: Record<string, TriageAction> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  a: 'accept',
  r: 'reject',
  e: 'evidence',
  c: 'comment',
  x: 'select',
  A: 'bulkAccept',
};

/** Keys typed into a form control belong to it, never to triage. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useTriageKeys(onAction: (action: TriageAction) => void, enabled: boolean) {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      // Escape leaves a text box, so the next key triages again.
      if (e.key === 'Escape' && isTypingTarget(e.target)) return (e.target as HTMLElement).blur();
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const action = TRIAGE_KEYS[e.key];
      if (!action) return;
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
