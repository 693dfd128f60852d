import type { NamedEdge } from '../types';
import { detectDelimiter, formatNumber, parseDelimited, parseNumberCell, truncate, writeRow, type CsvRow } from './csv';
import { FormatError, checkInput, type ParseOptions } from './errors';
import { EdgeCollector } from './edge-set';
import { SIGN_HELP, parseSign } from './sign';

type Field = 'regulator' | 'target' | 'sign' | 'weight' | 'evidence';

/** Header names we recognise (lower case) for the optional columns. */
const ALIASES: Record<'sign' | 'weight' | 'evidence', string[]> = {
  sign: ['sign', 'type', 'mode', 'interaction', 'regulation'],
  weight: ['weight', 'effect', 'score', 'confidence', 'value'],
  evidence: ['evidence', 'reference', 'references', 'pmid', 'note', 'notes', 'comment'],
};
/** First-column headers: regulator, source, from, TF, Gene1 (BEELINE), with an optional _name/_id suffix. */
const REGULATOR_HEADER = /^(regulator|source|from|tf|transcription[ _]factor|gene ?1|node ?1)([ _-]?(name|gene|id|symbol))?$/i;
const TARGET_HEADER = /^(target|to|gene ?2|node ?2)([ _-]?(name|gene|id|symbol))?$/i;
const POSITIONAL: Field[] = ['regulator', 'target', 'sign', 'weight', 'evidence'];
/** Far more than any edge list has; a line of a million delimiters is not an edge list, and callers that name columns would build a header that size. */
export const MAX_EDGE_LIST_COLUMNS = 100;

export function checkEdgeListWidth(row: CsvRow): void {
  if (row.cells.length > MAX_EDGE_LIST_COLUMNS) {
    throw new FormatError(
      'ragged-row',
      `the line has ${row.cells.length} columns; an edge list has at most ${MAX_EDGE_LIST_COLUMNS} (regulator, target, sign, weight, evidence and a few more)`,
      { line: row.line },
    );
  }
}

/**
 * Edge list, CSV or TSV, columns `regulator,target[,sign,weight,evidence]`. The header is optional: a
 * first row whose first two cells name the regulator and target columns (regulator/source/TF/Gene1,
 * target/Gene2, optionally with a _name or _id suffix) is one; the other columns may then come in any
 * order and unknown ones are ignored. Without a sign column an edge takes the sign of its weight (so an
 * effects file `regulator,target,effect` keeps both), or 0 (unknown) without either. Repeated edges
 * with the same sign are merged (first kept); repeated with different signs they are an error.
 */
export function parseEdgeList(text: string, options: ParseOptions = {}): NamedEdge[] {
  checkInput(text, 'edge list', options);
  const rows = parseDelimited(text, detectDelimiter(text));
  checkEdgeListWidth(rows[0]);
  const header = readHeader(rows[0]);
  const body = header ? rows.slice(1) : rows;
  const columns = header ?? POSITIONAL.slice(0, Math.min(POSITIONAL.length, rows[0].cells.length));
  if (body.length === 0) throw new FormatError('empty-file', 'the edge list has a header but no edges');
  if (columns.length < 2 && !header) {
    throw new FormatError('ragged-row', 'each line needs at least a regulator and a target', { line: rows[0].line });
  }
  const width = rows[0].cells.length;
  const collector = new EdgeCollector();
  for (const row of body) {
    if (row.cells.length !== width) {
      throw new FormatError('ragged-row', `expected ${width} cells like line ${rows[0].line}, found ${row.cells.length}`, { line: row.line });
    }
    const edge = readEdge(row, columns);
    if (!columns.includes('sign') && edge.weight !== undefined) edge.sign = Math.sign(edge.weight);
    collector.add(edge, row.line);
  }
  return collector.edges;
}

function readHeader(row: CsvRow): (Field | null)[] | null {
  const [first = '', second = ''] = row.cells.map((c) => c.trim());
  const regulatorLike = REGULATOR_HEADER.test(first);
  const targetLike = TARGET_HEADER.test(second);
  if (!regulatorLike && !targetLike) return null;
  if (regulatorLike !== targetLike) {
    throw new FormatError(
      'wrong-header',
      `the header starts '${truncate(first)},${truncate(second)}'; name the first two columns regulator,target (or source,target, TF,target, Gene1,Gene2)`,
      { line: row.line },
    );
  }
  return row.cells.map((cell, i) => {
    if (i === 0) return 'regulator';
    if (i === 1) return 'target';
    const name = cell.trim().toLowerCase();
    const field = (['sign', 'weight', 'evidence'] as const).find((f) => ALIASES[f].includes(name));
    return field ?? null; // unrecognised extra columns are ignored
  });
}

function readEdge(row: CsvRow, columns: readonly (Field | null)[]): NamedEdge {
  const edge: NamedEdge = { regulator: '', target: '', sign: 0 };
  columns.forEach((field, c) => {
    const raw = row.cells[c] ?? '';
    const where = { line: row.line, column: c + 1 };
    if (field === 'regulator' || field === 'target') {
      const name = raw.trim();
      if (name === '') throw new FormatError('invalid-value', `empty ${field} name`, where);
      edge[field] = name;
    } else if (field === 'sign') {
      const sign = parseSign(raw);
      if (sign === null) throw new FormatError('invalid-value', `'${truncate(raw.trim())}' is not a sign (use ${SIGN_HELP})`, where);
      edge.sign = sign;
    } else if (field === 'weight' && raw.trim() !== '') {
      edge.weight = parseNumberCell(raw, row.line, c + 1);
    } else if (field === 'evidence' && raw.trim() !== '') {
      edge.evidence = raw.trim();
    }
  });
  return edge;
}

/** `regulator,target,sign,weight,evidence` with sign as 1, -1 or 0. */
export function writeEdgeListCsv(edges: readonly NamedEdge[], _genes?: readonly string[]): string {
  const lines = ['regulator,target,sign,weight,evidence'];
  for (const e of edges) {
    lines.push(writeRow([e.regulator, e.target, String(e.sign), e.weight === undefined ? '' : formatNumber(e.weight), e.evidence ?? '']));
  }
  return lines.join('\n') + '\n';
}
