import { FormatError } from './errors';

/** Runs `fn` and returns the FormatError it throws; fails the test when it throws nothing or something else. */
export function formatError(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('expected a FormatError, but nothing was thrown');
}
