import { FormatError } from './errors';
import { isDecimalNumber, isNonFiniteWord } from './number';

/** One parsed record: its 1-based starting line in the file and its cells (unquoted, untrimmed). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Splits delimited text into rows (RFC 4180 quoting, CRLF or LF, optional BOM).
 * Blank lines are skipped but still counted, so line numbers match what an editor shows.
 */
export function parseDelimited(text: string, delimiter = ','): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    let rowDone = false;
    while (!rowDone) {
      let cell = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new FormatError('malformed-csv', 'a quoted cell is never closed', { line: quoteLine, column: cells.length + 1 });
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          throw new FormatError('malformed-csv', 'unexpected text after a closing quote', { line, column: cells.length + 1 });
        }
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        cell = text.slice(start, i);
      }
      cells.push(cell);
      if (i >= n) {
        rowDone = true;
      } else if (text[i] === delimiter) {
        i++;
      } else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        rowDone = true;
      }
    }
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** Tab when the first non-blank line has one, otherwise comma. */
export function detectDelimiter(text: string): ',' | '\t' {
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return firstLine.includes('\t') ? '\t' : ',';
}

/** Parses one cell as a finite number, or explains exactly why it is not one. */
export function parseNumberCell(raw: string, line: number, column: number): number {
  const s = raw.trim();
  if (isDecimalNumber(s)) {
    const value = Number(s);
    if (Number.isFinite(value)) return value;
    throw new FormatError('not-finite', `'${truncate(s)}' is too large for a double (it overflows to Infinity)`, { line, column });
  }
  if (isNonFiniteWord(s)) {
    throw new FormatError('not-finite', `'${s}' is not a finite number (NaN and Infinity are not allowed)`, { line, column });
  }
  if (s === '') throw new FormatError('malformed-number', 'empty cell where a number is required', { line, column });
  throw new FormatError('malformed-number', `'${truncate(s)}' is not a number`, { line, column });
}

/** Like parseNumberCell, but an empty cell or R's NA means a missing value. */
export function parseOptionalNumberCell(raw: string, line: number, column: number): number | null {
  const s = raw.trim();
  if (s === '' || s === 'NA') return null;
  return parseNumberCell(s, line, column);
}

export function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Quotes a cell when it holds the delimiter, a quote, a line break or edge whitespace. */
export function quoteCell(value: string, delimiter = ','): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/**
 * A text cell a spreadsheet will show as text: one starting with =, +, -, @, tab or CR would be read as a
 * formula (CSV injection), so it gets a leading apostrophe, which spreadsheets hide. Numbers are kept.
 */
export function spreadsheetSafe(text: string): string {
  if (text === '' || !'=+-@\t\r'.includes(text[0])) return text;
  return isDecimalNumber(text) ? text : `'${text}`;
}

export function writeRow(cells: readonly string[], delimiter = ','): string {
  return cells.map((c) => quoteCell(c, delimiter)).join(delimiter);
}

/** Shortest text that reads back as the same double. */
export function formatNumber(x: number): string {
  return String(x);
}

/** The cells of a row after dropping trailing empty ones (padding some writers add). */
export function trimTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end--;
  return cells.slice(0, end);
}
