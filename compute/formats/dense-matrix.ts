import type { SquareMatrix } from '../types';
import { detectDelimiter, formatNumber, parseDelimited, parseNumberCell, writeRow, type CsvRow } from './csv';
import { FormatError, checkInput, type ParseOptions } from './errors';
import { assertUniqueGenes } from './gene-names';
import { isNumberLike } from './number';

const isName = (cell: string) => cell.trim() !== '' && !isNumberLike(cell.trim());

export interface NamedMatrix {
  genes: string[];
  /** Row i regulates column j (spec §4). */
  matrix: SquareMatrix;
}

/**
 * A square regulator × target matrix, CSV or TSV, with or without gene names as a header row and/or
 * first column (detected: a name is any cell that is not a number). Without names (sim350's prior
 * files) the caller passes `genes`; when the file names its genes those names are used and `genes`
 * is ignored (map onto a dataset by name with matrixToEdges + edgesToMatrix, which reports unknowns).
 */
export function parseDenseMatrix(text: string, genes?: readonly string[], options: ParseOptions = {}): NamedMatrix {
  checkInput(text, 'matrix file', options);
  const rows = parseDelimited(text, detectDelimiter(text));
  const hasHeader = rows[0].cells.slice(1).some((c) => c.trim() !== '') && rows[0].cells.slice(1).every((c) => c.trim() === '' || isName(c));
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length === 0) throw new FormatError('empty-file', 'the matrix file has a header but no rows');
  const hasRowNames = body.every((row) => isName(row.cells[0]));
  const width = body[0].cells.length;
  for (const row of body) {
    if (row.cells.length !== width) {
      throw new FormatError('ragged-row', `expected ${width} cells like line ${body[0].line}, found ${row.cells.length}`, { line: row.line });
    }
  }
  const offset = hasRowNames ? 1 : 0;
  const n = width - offset;
  if (body.length !== n) {
    throw new FormatError('wrong-shape', `the matrix has ${body.length} rows and ${n} columns of values; a network matrix must be square`);
  }
  const data = new Float64Array(n * n);
  body.forEach((row, i) => {
    for (let j = 0; j < n; j++) data[i * n + j] = parseNumberCell(row.cells[j + offset], row.line, j + offset + 1);
  });

  const columnNames = hasHeader ? readColumnNames(rows[0], n) : null;
  const rowNames = hasRowNames ? body.map((row) => ({ name: row.cells[0].trim(), line: row.line, column: 1 })) : null;
  if (rowNames) assertUniqueGenes(rowNames);
  const fileGenes = columnNames ?? rowNames?.map((r) => r.name) ?? null;
  let matrix: SquareMatrix = { n, data };
  if (columnNames && rowNames)
    matrix = permuteRows(
      matrix,
      rowNames.map((r) => r.name),
      columnNames,
    );

  if (!fileGenes) {
    if (!genes) throw new FormatError('wrong-header', 'the matrix has no gene names; pass the gene list (a genes file) with it');
    if (genes.length !== n) throw new FormatError('wrong-shape', `the matrix is ${n}×${n} but the gene list has ${genes.length} names`);
    return { genes: [...genes], matrix };
  }
  return { genes: fileGenes, matrix };
}

function readColumnNames(header: CsvRow, n: number): string[] {
  // R writes an empty corner cell before the names; some tools leave it out.
  const skip = header.cells.length === n + 1 ? 1 : 0;
  if (header.cells.length - skip !== n) {
    throw new FormatError('ragged-row', `the header names ${header.cells.length - skip} genes but the rows hold ${n} values`, { line: header.line });
  }
  const names = header.cells.slice(skip).map((c, j) => ({ name: c.trim(), line: header.line, column: j + skip + 1 }));
  assertUniqueGenes(names);
  return names.map((g) => g.name);
}

/** Puts rows in the order of the columns, so entry [i, j] pairs the same gene list on both axes. */
function permuteRows(matrix: SquareMatrix, rowNames: string[], columnNames: string[]): SquareMatrix {
  const rowOf = new Map(rowNames.map((g, i) => [g, i]));
  const missing = columnNames.filter((g) => !rowOf.has(g));
  if (missing.length > 0) {
    throw new FormatError('wrong-shape', `row and column genes differ: ${listNames(missing)} name columns but no rows`);
  }
  const { n, data } = matrix;
  const out = new Float64Array(n * n);
  columnNames.forEach((g, i) => out.set(data.subarray((rowOf.get(g) as number) * n, ((rowOf.get(g) as number) + 1) * n), i * n));
  return { n, data: out };
}

export function listNames(names: readonly string[], max = 5): string {
  const shown = names
    .slice(0, max)
    .map((g) => `'${g}'`)
    .join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** Dense CSV; with `genes`, a header row (empty corner) and a first column of names, as R writes it. */
export function writeDenseMatrix(matrix: SquareMatrix, genes?: readonly string[]): string {
  const { n, data } = matrix;
  const lines: string[] = genes ? [writeRow(['', ...genes])] : [];
  for (let i = 0; i < n; i++) {
    const values = Array.from(data.subarray(i * n, (i + 1) * n), formatNumber);
    lines.push(genes ? writeRow([genes[i], ...values]) : values.join(','));
  }
  return lines.join('\n') + '\n';
}
