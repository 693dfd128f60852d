import type { ExpressionData, Trajectory } from '../types';
import { detectDelimiter, parseDelimited, parseOptionalNumberCell, type CsvRow } from './csv';
import { FormatError, checkExpansion, checkInput, type ParseOptions } from './errors';
import { assertUniqueGenes } from './gene-names';

/**
 * BEELINE-style input: `ExpressionData.csv` (genes as rows, cells as columns, cell ids in the header)
 * and `PseudoTime.csv` (cell id, then one pseudotime column per lineage; empty or NA where a cell
 * is not on that lineage). Each lineage becomes one trajectory: its cells sorted by pseudotime
 * (ties keep the pseudotime file's order). Cells on no lineage are not used.
 */
export function parseMatrixWithPseudotime(matrixText: string, pseudotimeText: string, options: ParseOptions = {}): ExpressionData {
  checkInput(matrixText, 'expression matrix', options);
  checkInput(pseudotimeText, 'pseudotime file', options);
  const matrix = readExpressionMatrix(parseDelimited(matrixText, detectDelimiter(matrixText)));
  const lineages = readPseudotime(parseDelimited(pseudotimeText, detectDelimiter(pseudotimeText)), matrix.cellIndex);
  const placements = lineages.reduce((sum, l) => sum + l.cells.length, 0);
  const genes = matrix.genes.length;
  checkExpansion(
    'expression matrix',
    genes * matrix.cellIndex.size,
    genes * placements,
    `${genes.toLocaleString('en')} genes × ${placements.toLocaleString('en')} cell placements on ${lineages.length.toLocaleString('en')} lineages`,
  );
  const trajectories: Trajectory[] = lineages.map((lineage) => {
    const ordered = lineage.cells.map((c, order) => ({ ...c, order })).sort((a, b) => a.time - b.time || a.order - b.order);
    return {
      times: ordered.map((c) => c.time),
      values: ordered.map((c) => matrix.rows.map((geneValues) => geneValues[c.column])),
    };
  });
  return { genes: matrix.genes, trajectories };
}

interface ExpressionMatrix {
  genes: string[];
  cellIndex: Map<string, number>;
  /** rows[g][cell column] */
  rows: (number | null)[][];
}

function readExpressionMatrix(rows: CsvRow[]): ExpressionMatrix {
  const [header, ...body] = rows;
  if (body.length === 0) throw new FormatError('empty-file', 'the expression matrix has a header but no genes');
  const cellIds = header.cells.slice(1).map((c) => c.trim());
  if (cellIds.length === 0) throw new FormatError('wrong-header', 'the header must list the cell (sample) ids after the first cell', { line: header.line });
  const cellIndex = new Map<string, number>();
  cellIds.forEach((id, c) => {
    if (id === '') throw new FormatError('wrong-header', 'empty cell id in the header', { line: header.line, column: c + 2 });
    if (cellIndex.has(id)) throw new FormatError('duplicate-entry', `cell id '${id}' appears twice in the header`, { line: header.line, column: c + 2 });
    cellIndex.set(id, c);
  });
  const width = header.cells.length;
  for (const row of body) {
    if (row.cells.length !== width) {
      throw new FormatError('ragged-row', `expected ${width} cells like the header, found ${row.cells.length}`, { line: row.line });
    }
  }
  assertUniqueGenes(body.map((row) => ({ name: row.cells[0].trim(), line: row.line, column: 1 })));
  return {
    genes: body.map((row) => row.cells[0].trim()),
    cellIndex,
    rows: body.map((row) => row.cells.slice(1).map((v, c) => parseOptionalNumberCell(v, row.line, c + 2))),
  };
}

interface Lineage {
  cells: { column: number; time: number }[];
}

function readPseudotime(rows: CsvRow[], cellIndex: Map<string, number>): Lineage[] {
  const [header, ...body] = rows;
  const lineageNames = header.cells.slice(1).map((c) => c.trim());
  if (lineageNames.length === 0) {
    throw new FormatError('wrong-header', 'the pseudotime header must name at least one pseudotime column after the cell id', { line: header.line });
  }
  const lineages: Lineage[] = lineageNames.map(() => ({ cells: [] }));
  const seen = new Map<string, number>();
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      throw new FormatError('ragged-row', `expected ${header.cells.length} cells like the header, found ${row.cells.length}`, { line: row.line });
    }
    const id = row.cells[0].trim();
    const column = cellIndex.get(id);
    if (column === undefined) throw new FormatError('unknown-cell', `cell '${id}' is not a column of the expression matrix`, { line: row.line, column: 1 });
    const first = seen.get(id);
    if (first !== undefined) throw new FormatError('duplicate-entry', `cell '${id}' is listed twice (first at line ${first})`, { line: row.line, column: 1 });
    seen.set(id, row.line);
    row.cells.slice(1).forEach((raw, l) => {
      const time = parseOptionalNumberCell(raw, row.line, l + 2);
      if (time !== null) lineages[l].cells.push({ column, time });
    });
  }
  lineages.forEach((lineage, l) => {
    if (lineage.cells.length === 0) {
      throw new FormatError('missing-time', `pseudotime column '${lineageNames[l] || l + 1}' gives no cell a time`, { line: header.line, column: l + 2 });
    }
  });
  return lineages;
}
