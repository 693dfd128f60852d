import type { ExpressionData } from '../types';
import { detectDelimiter, formatNumber, parseDelimited, parseNumberCell, parseOptionalNumberCell, writeRow, type CsvRow } from './csv';
import { FormatError, checkExpansion, checkInput, type ParseOptions } from './errors';

const COLUMNS = ['gene', 'trajectory', 'time', 'value'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Tidy long CSV (or TSV) with the header `gene,trajectory,time,value` in any column order.
 * Genes and trajectories keep the order of first appearance; each trajectory's times are sorted,
 * and a gene not observed at one of its trajectory's times is missing (null) there.
 */
export function parseTidyCsv(text: string, options: ParseOptions = {}): ExpressionData {
  checkInput(text, 'tidy expression file', options);
  const [header, ...body] = parseDelimited(text, detectDelimiter(text));
  const index = readHeader(header);
  if (body.length === 0) throw new FormatError('empty-file', 'the tidy expression file has a header but no observations');

  const geneIndex = new Map<string, number>();
  const trajectories = new Map<string, Map<number, Map<number, number | null>>>();
  const seenAt = new Map<string, number>();
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      throw new FormatError('ragged-row', `expected ${header.cells.length} cells like the header, found ${row.cells.length}`, { line: row.line });
    }
    const gene = cell(row, index.gene).trim();
    const trajectory = cell(row, index.trajectory).trim();
    if (gene === '') throw new FormatError('invalid-value', 'empty gene name', { line: row.line, column: index.gene + 1 });
    if (trajectory === '') throw new FormatError('invalid-value', 'empty trajectory id', { line: row.line, column: index.trajectory + 1 });
    const timeCell = cell(row, index.time);
    if (timeCell.trim() === '') throw new FormatError('missing-time', 'the observation has no time', { line: row.line, column: index.time + 1 });
    const time = parseNumberCell(timeCell, row.line, index.time + 1);
    const value = parseOptionalNumberCell(cell(row, index.value), row.line, index.value + 1);

    const key = JSON.stringify([gene, trajectory, time]);
    const first = seenAt.get(key);
    if (first !== undefined) {
      throw new FormatError('duplicate-entry', `gene '${gene}' in trajectory '${trajectory}' at time ${time} is given twice (first at line ${first})`, {
        line: row.line,
      });
    }
    seenAt.set(key, row.line);
    if (!geneIndex.has(gene)) geneIndex.set(gene, geneIndex.size);
    let byTime = trajectories.get(trajectory);
    if (!byTime) trajectories.set(trajectory, (byTime = new Map()));
    let byGene = byTime.get(time);
    if (!byGene) byTime.set(time, (byGene = new Map()));
    byGene.set(geneIndex.get(gene) as number, value);
  }

  const n = geneIndex.size;
  let timePoints = 0;
  for (const byTime of trajectories.values()) timePoints += byTime.size;
  checkExpansion(
    'tidy expression file',
    body.length,
    timePoints * n,
    `${n.toLocaleString('en')} genes × ${timePoints.toLocaleString('en')} time points (over ${trajectories.size.toLocaleString('en')} trajectories)`,
  );
  return {
    genes: [...geneIndex.keys()],
    trajectories: [...trajectories.values()].map((byTime) => {
      const times = [...byTime.keys()].sort((a, b) => a - b);
      const values = times.map((t) => {
        const byGene = byTime.get(t) as Map<number, number | null>;
        return Array.from({ length: n }, (_, g) => byGene.get(g) ?? null);
      });
      return { times, values };
    }),
  };
}

function readHeader(header: CsvRow): Record<Column, number> {
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = {} as Record<Column, number>;
  for (const column of COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) {
      throw new FormatError(
        'wrong-header',
        `the header must name the columns gene, trajectory, time, value; '${column}' is missing (found '${header.cells.join(',')}')`,
        { line: header.line },
      );
    }
    index[column] = at;
  }
  return index;
}

function cell(row: CsvRow, at: number): string {
  return row.cells[at] ?? '';
}

/** Tidy long CSV of every observed (non-missing) value; trajectories are named by their 1-based index. */
export function writeTidyCsv(data: ExpressionData): string {
  const lines = [COLUMNS.join(',')];
  data.trajectories.forEach((t, ti) => {
    t.values.forEach((row, k) => {
      row.forEach((v, g) => {
        if (v !== null) lines.push(writeRow([data.genes[g], String(ti + 1), formatNumber(t.times[k]), formatNumber(v)]));
      });
    });
  });
  return lines.join('\n') + '\n';
}
