/** What went wrong, so callers (the server's upload services) can map errors without parsing messages. */
export type FormatErrorKind =
  | 'empty-file'
  | 'too-large'
  | 'malformed-csv'
  | 'malformed-number'
  | 'not-finite'
  | 'ragged-row'
  | 'wrong-header'
  | 'duplicate-gene'
  | 'duplicate-entry'
  | 'missing-time'
  | 'unknown-gene'
  | 'unknown-cell'
  | 'wrong-shape'
  | 'invalid-value'
  | 'binary-content'
  | 'invalid-text'
  | 'too-sparse';

/** A problem with an input file; `line` and `column` are 1-based and point at the offending cell. */
export class FormatError extends Error {
  readonly kind: FormatErrorKind;
  /** What is wrong, without the location (`message` is "line L, column C: " + reason). */
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;

  constructor(kind: FormatErrorKind, message: string, where: { line?: number; column?: number } = {}) {
    super(FormatError.locate(message, where));
    this.name = 'FormatError';
    this.kind = kind;
    this.reason = message;
    this.line = where.line;
    this.column = where.column;
  }

  /** The same error `lines` lines further down (or up): for a caller that added or removed lines before parsing. */
  movedBy(lines: number): FormatError {
    return this.line === undefined ? this : new FormatError(this.kind, this.reason, { line: this.line + lines, column: this.column });
  }

  private static locate(message: string, where: { line?: number; column?: number }): string {
    if (where.line === undefined) return message;
    const at = where.column === undefined ? `line ${where.line}` : `line ${where.line}, column ${where.column}`;
    return `${at}: ${message}`;
  }
}

export interface ParseOptions {
  /** Refuse inputs larger than this many bytes (UTF-8). */
  maxBytes?: number;
}

/** UTF-8 length without allocating an encoded copy of a possibly large upload. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function checkInput(text: string, what: string, options: ParseOptions = {}): void {
  if (options.maxBytes !== undefined) {
    const bytes = utf8Length(text);
    if (bytes > options.maxBytes) {
      throw new FormatError('too-large', `the ${what} is ${bytes} bytes, over the limit of ${options.maxBytes} bytes`);
    }
  }
  if (text.trim() === '') throw new FormatError('empty-file', `the ${what} is empty`);
  checkCharacters(text, what);
}

/**
 * Text a person could have written: no NUL (a binary file), no lone UTF-16 surrogate (not encodable,
 * and the database refuses it), no U+FFFD (bytes that were not UTF-8, e.g. a spreadsheet saved as
 * .xlsx), no control characters other than tab, line breaks and form feed. One pass, positions 1-based.
 */
function checkCharacters(text: string, what: string): void {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c >= 0x20 && c < 0x7f) continue;
    const where = { line };
    const at = `character ${i - lineStart + 1}`;
    if (c === 0) {
      throw new FormatError(
        'binary-content',
        `${at}: the ${what} contains a NUL character, so it is a binary file, not CSV/TSV text; export it as text (UTF-8) and upload that`,
        where,
      );
    }
    if (c === 0xfffd) {
      throw new FormatError(
        'binary-content',
        `${at}: the ${what} holds bytes that are not UTF-8 text (shown as U+FFFD); is it a spreadsheet or another binary file? Save it as UTF-8 CSV`,
        where,
      );
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      throw new FormatError('invalid-text', `${at}: the ${what} contains a lone UTF-16 surrogate (U+${hex(c)}), which is not valid text`, where);
    }
    if ((c < 0x20 && c !== 9 && c !== 12 && c !== 13) || c === 0x7f) {
      throw new FormatError(
        'binary-content',
        `${at}: the ${what} contains the control character U+${hex(c)}, so it is not plain text (a binary file?); only tabs and line breaks may appear`,
        where,
      );
    }
  }
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

/**
 * Layouts that spread observations over a grid (tidy rows over genes × times, a matrix's cells over
 * pseudotime lineages) may build at most this many values per value read, above a floor that
 * small files never reach, and never more than the hard cap: a 403 KB tidy file of one gene per
 * time point asked for a 25,000 × 25,000 grid and ran the server out of memory.
 */
export const expansionLimits = { perInputValue: 8, floor: 1_000_000, cap: 16_000_000 } as const;

export function checkExpansion(what: string, inputValues: number, gridValues: number, layout: string): void {
  const allowed = Math.min(expansionLimits.cap, Math.max(expansionLimits.floor, expansionLimits.perInputValue * inputValues));
  if (gridValues <= allowed) return;
  throw new FormatError(
    'too-sparse',
    `the ${what} gives ${inputValues.toLocaleString('en')} values, but they spread over ${layout} = ${gridValues.toLocaleString('en')} cells; ` +
      `at most ${allowed.toLocaleString('en')} are allowed (${expansionLimits.perInputValue} per value given, at most ${expansionLimits.cap.toLocaleString('en')}). ` +
      'Most cells would be missing: check that genes share their time points, or upload the data in a dense layout',
  );
}
