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
  | 'invalid-value';

/** A problem with an input file; `line` and `column` are 1-based and point at the offending cell. */
export class FormatError extends Error {
  readonly kind: FormatErrorKind;
  readonly line?: number;
  readonly column?: number;

  constructor(kind: FormatErrorKind, message: string, where: { line?: number; column?: number } = {}) {
    super(FormatError.locate(message, where));
    this.name = 'FormatError';
    this.kind = kind;
    this.line = where.line;
    this.column = where.column;
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
}
