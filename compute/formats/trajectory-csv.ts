import { maxOf } from '../extent';
import type { ExpressionData, Trajectory } from '../types';
import { formatNumber, parseDelimited, parseNumberCell, parseOptionalNumberCell, type CsvRow } from './csv';
import { FormatError, checkInput, type ParseOptions } from './errors';

/**
 * The authors' trajectory CSV (spec §1): a row `n,T`, then per trajectory n gene rows and one time row.
 * Empty cells are missing values; a shorter trajectory leaves its trailing time cells empty.
 * Without `genes`, genes are named G1…Gn.
 */
export function parseTrajectoryCsv(text: string, genes?: readonly string[], options: ParseOptions = {}): ExpressionData {
  checkInput(text, 'trajectory file', options);
  const rows = parseDelimited(text);
  const { geneCount, trajectoryCount } = readHeader(rows[0]);
  if (genes && genes.length !== geneCount) {
    throw new FormatError('wrong-shape', `the gene list has ${genes.length} names but the trajectory file declares ${geneCount} genes`, { line: rows[0].line });
  }
  const blockSize = geneCount + 1;
  const expectedRows = trajectoryCount * blockSize;
  const body = rows.slice(1);
  if (body.length < expectedRows) {
    throw new FormatError(
      'wrong-shape',
      `the file declares ${trajectoryCount} trajectories of ${geneCount} genes (${expectedRows} rows after the header) but has only ${body.length} rows`,
    );
  }
  if (body.length > expectedRows) {
    throw new FormatError('wrong-shape', `extra rows after the last of the ${trajectoryCount} declared trajectories`, { line: body[expectedRows].line });
  }
  const width = rows[0].cells.length > 2 ? rows[0].cells.length : body[0].cells.length;
  for (const row of body) checkWidth(row, width);

  const trajectories: Trajectory[] = [];
  for (let b = 0; b < trajectoryCount; b++) {
    const block = body.slice(b * blockSize, (b + 1) * blockSize);
    trajectories.push(readTrajectory(block.slice(0, geneCount), block[geneCount], width));
  }
  const names = genes ? [...genes] : Array.from({ length: geneCount }, (_, i) => `G${i + 1}`);
  return { genes: names, trajectories };
}

function readHeader(row: CsvRow): { geneCount: number; trajectoryCount: number } {
  const [a, b, ...rest] = row.cells;
  const wrong = () =>
    new FormatError('wrong-header', `the first row must be 'n,T' (number of genes, number of trajectories), found '${row.cells.join(',')}'`, {
      line: row.line,
    });
  if (a === undefined || b === undefined || rest.some((c) => c.trim() !== '')) throw wrong();
  const geneCount = Number(a.trim());
  const trajectoryCount = Number(b.trim());
  if (!/^\d+$/.test(a.trim()) || !/^\d+$/.test(b.trim()) || geneCount < 1 || trajectoryCount < 1) throw wrong();
  return { geneCount, trajectoryCount };
}

function checkWidth(row: CsvRow, width: number): void {
  const extraFilled = row.cells.slice(width).some((c) => c.trim() !== '');
  if (row.cells.length < width || extraFilled) {
    throw new FormatError('ragged-row', `expected ${width} cells like the rows before, found ${row.cells.length}`, { line: row.line });
  }
}

function readTrajectory(geneRows: CsvRow[], timeRow: CsvRow, width: number): Trajectory {
  const times = readTimes(timeRow, width);
  const values: (number | null)[][] = times.map(() => new Array<number | null>(geneRows.length));
  geneRows.forEach((row, g) => {
    for (let c = 0; c < width; c++) {
      const raw = row.cells[c];
      if (c < times.length) {
        values[c][g] = parseOptionalNumberCell(raw, row.line, c + 1);
      } else if (raw.trim() !== '') {
        throw new FormatError('missing-time', `a value has no time point (the time row at line ${timeRow.line} is empty there)`, {
          line: row.line,
          column: c + 1,
        });
      }
    }
  });
  return { times, values };
}

function readTimes(row: CsvRow, width: number): number[] {
  const cells = row.cells.slice(0, width);
  let count = 0;
  while (count < cells.length && cells[count].trim() !== '') count++;
  const gap = cells.findIndex((c, i) => i > count && c.trim() !== '');
  if (gap >= 0) {
    throw new FormatError('missing-time', `the time row has an empty cell at column ${count + 1} before later times`, { line: row.line, column: count + 1 });
  }
  if (count === 0) throw new FormatError('missing-time', 'the time row of this trajectory is empty', { line: row.line });
  const times = cells.slice(0, count).map((c, i) => parseNumberCell(c, row.line, i + 1));
  for (let k = 1; k < times.length; k++) {
    if (times[k] < times[k - 1]) {
      throw new FormatError('invalid-value', `time ${times[k]} comes after the later time ${times[k - 1]}; times must not decrease`, {
        line: row.line,
        column: k + 1,
      });
    }
  }
  return times;
}

/** Writes the authors' layout; shorter trajectories are padded with empty cells. */
export function writeTrajectoryCsv(data: ExpressionData): string {
  const n = data.genes.length;
  const width = Math.max(1, maxOf(data.trajectories.map((t) => t.times.length)));
  const pad = (cells: string[], to: number) => cells.concat(new Array<string>(Math.max(0, to - cells.length)).fill(''));
  const lines = [pad([String(n), String(data.trajectories.length)], width).join(',')];
  for (const t of data.trajectories) {
    for (let g = 0; g < n; g++) {
      lines.push(
        pad(
          t.values.map((row) => (row[g] === null ? '' : formatNumber(row[g] as number))),
          width,
        ).join(','),
      );
    }
    lines.push(pad(t.times.map(formatNumber), width).join(','));
  }
  return lines.join('\n') + '\n';
}
