import { isDecimalNumber } from './number';

const ACTIVATING = new Set(['+', '+1', '1', 'activation', 'activates', 'activator', 'activating', 'positive', 'up', '->', 'increases', 'induces']);
const REPRESSING = new Set([
  '-',
  '-1',
  'repression',
  'represses',
  'repressor',
  'repressing',
  'inhibition',
  'inhibits',
  'inhibitor',
  'negative',
  'down',
  '-|',
  'decreases',
]);
const UNKNOWN = new Set(['', '0', '?', 'unknown', 'na', 'regulates', 'regulation']);

/** +1, −1, 0 (unknown), or null when the text is not a sign; numbers give their sign. */
export function parseSign(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (ACTIVATING.has(s)) return 1;
  if (REPRESSING.has(s)) return -1;
  if (UNKNOWN.has(s)) return 0;
  if (isDecimalNumber(s)) return Math.sign(Number(s));
  return null;
}

export const SIGN_HELP = '+1, -1, 1, +, -, activation or repression';
