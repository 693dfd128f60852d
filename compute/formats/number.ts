/**
 * The number grammar every parser shares: [+-]? (digits [. digits*] | . digits) ([eE] [+-]? digits)?
 * Scanned by hand in one pass: a regular expression with nested optional digit runs backtracks
 * quadratically on a long digit string that fails at its end (a 120,000-digit cell froze the server).
 */
export function isDecimalNumber(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (s[i] === '+' || s[i] === '-') i++;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  let fracDigits = 0;
  if (s[i] === '.') {
    i++;
    const fracStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracDigits = i - fracStart;
  }
  if (intDigits === 0 && fracDigits === 0) return false;
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    if (s[i] === '+' || s[i] === '-') i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart) return false;
  }
  return i === n;
}

const NOT_FINITE_WORDS = new Set(['nan', 'inf', 'infinity']);

/** NaN, Inf or Infinity (any case, optionally signed): text that names a value that is not finite. */
export function isNonFiniteWord(s: string): boolean {
  if (s.length > 9) return false;
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  return NOT_FINITE_WORDS.has(body.toLowerCase());
}

/** A number or a non-finite word: what a cell holding a value rather than a name looks like. */
export function isNumberLike(s: string): boolean {
  return isDecimalNumber(s) || isNonFiniteWord(s);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
