import {
  FormatError,
  matrixToEdges,
  parseDenseMatrix,
  parseEdgeList,
  parseGeneNames,
  detectDelimiter,
  parseDelimited,
  checkEdgeListWidth,
  type NamedEdge,
} from '@/compute';
import { badInput } from '../errors';
import { checkFileSize, parseFile } from '../file-input';
import { sortEdges } from '../priors/edges';

export interface GoldEdge {
  regulator: string;
  target: string;
  sign: number;
  score: number | null;
}

/** True when the file's first row names its columns (the edge-list parser reads such a row as a header). */
function hasHeader(text: string): boolean {
  const first = parseDelimited(text.slice(0, text.indexOf('\n') + 1 || text.length), detectDelimiter(text))[0];
  try {
    parseEdgeList(first.cells.join(','));
    return false;
  } catch (e) {
    return e instanceof FormatError && e.kind === 'empty-file';
  }
}

/** Header names the edge-list parser reads as a sign column (compute/formats/edge-list.ts). */
const signColumnNames = new Set(['sign', 'type', 'mode', 'interaction', 'regulation']);

/**
 * ChIP-seq-style lists put a score, not a sign, in their third column. With a header the edge-list
 * parser maps `score`/`sign` columns by name; without one, this names the columns
 * regulator,target,score,sign and reports problems at the file's own line numbers.
 */
function parseGoldEdgeList(text: string): NamedEdge[] {
  const delimiter = detectDelimiter(text);
  const firstRow = parseDelimited(text.slice(0, text.indexOf('\n') + 1 || text.length), delimiter)[0];
  if (firstRow) checkEdgeListWidth(firstRow);
  const first = firstRow?.cells ?? [];
  const width = first.length;
  if (width < 3) return parseEdgeList(text);
  if (hasHeader(text)) {
    // The edge-list parser signs unsigned edges by their weight; a ChIP-seq score says nothing about sign.
    const signed = first.slice(2).some((c) => signColumnNames.has(c.trim().toLowerCase()));
    return signed ? parseEdgeList(text) : parseEdgeList(text).map((e) => ({ ...e, sign: 0 }));
  }
  const header = ['regulator', 'target', 'score', 'sign', ...Array.from({ length: Math.max(0, width - 4) }, (_, i) => `extra${i + 1}`)]
    .slice(0, width)
    .join(delimiter);
  try {
    const edges = parseEdgeList(`${header}\n${text}`);
    return width >= 4 ? edges : edges.map((e) => ({ ...e, sign: 0 }));
  } catch (e) {
    // The header line was added here: the user's line numbers are one lower.
    throw e instanceof FormatError ? e.movedBy(-1) : e;
  }
}

function denseMatrixEdges(text: string, genesText: string | undefined): GoldEdge[] {
  const genes = genesText === undefined ? undefined : parseFile('genes', 'gene names file', () => parseGeneNames(genesText));
  const { genes: names, matrix } = parseFile('text', 'matrix file', () => parseDenseMatrix(text, genes));
  const edges = matrixToEdges(matrix, names);
  // A signed 0/±1 matrix (sim350's truth) carries no scores; other entries are kept as scores.
  const scored = edges.some((e) => Math.abs(e.weight ?? 1) !== 1);
  return edges.map((e) => ({ regulator: e.regulator, target: e.target, sign: Math.sign(e.sign), score: scored ? Math.abs(e.weight ?? 1) : null }));
}

export function parseGoldStandardFile(format: 'edge_list' | 'dense_matrix', text: string, genesText?: string): GoldEdge[] {
  checkFileSize(text, 'text', 'gold standard file');
  if (genesText !== undefined) checkFileSize(genesText, 'genes', 'gene names file');
  const edges =
    format === 'dense_matrix'
      ? denseMatrixEdges(text, genesText)
      : parseFile('text', 'gold standard file', () => parseGoldEdgeList(text)).map((e) => ({
          regulator: e.regulator,
          target: e.target,
          sign: Math.sign(e.sign),
          score: e.weight ?? null,
        }));
  if (edges.length === 0) throw badInput('The gold standard has no edges.', { field: 'text' });
  const long = edges.find((e) => e.regulator.length > 200 || e.target.length > 200);
  if (long) throw badInput('Gene names are at most 200 characters.', { field: 'text' });
  return sortEdges(edges);
}
