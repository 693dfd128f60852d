import type { NamedEdge } from '../types';
import { detectDelimiter, parseDelimited } from './csv';
import { parseDenseMatrix } from './dense-matrix';
import { parseEdgeList } from './edge-list';
import { checkInput, type ParseOptions } from './errors';
import { matrixToEdges } from './network-convert';
import { isNumberLike } from './number';
import { parseSif } from './sif';

export type NetworkFileKind = 'matrix' | 'edges' | 'sif';

export interface NetworkFileOptions extends ParseOptions {
  /** Force a layout; by default it is detected from the file name and the content. */
  kind?: NetworkFileKind;
  fileName?: string;
  /** Names for a dense matrix without gene names (sim350's prior files). */
  genes?: readonly string[];
}

/** Reads a network in any supported layout as named edges (a matrix's entries become weights). */
export function parseNetwork(text: string, options: NetworkFileOptions = {}): { kind: NetworkFileKind; edges: NamedEdge[] } {
  checkInput(text, 'network file', options);
  const kind = options.kind ?? detectNetworkKind(text, options.fileName);
  if (kind === 'sif') return { kind, edges: parseSif(text, options) };
  if (kind === 'edges') return { kind, edges: parseEdgeList(text, options) };
  const { genes, matrix } = parseDenseMatrix(text, options.genes, options);
  return { kind, edges: matrixToEdges(matrix, genes) };
}

/**
 * `.sif` files, or lines of space-separated words, are SIF. A square block of numbers (with or without
 * names around it) is a dense matrix: its second column holds a number, where an edge list names a target.
 */
export function detectNetworkKind(text: string, fileName?: string): NetworkFileKind {
  if (fileName && /\.sif$/i.test(fileName)) return 'sif';
  const firstLine =
    text
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)
      .find((l) => l.trim() !== '') ?? '';
  if (!firstLine.includes(',') && !firstLine.includes('\t') && firstLine.trim().split(/\s+/).length >= 3) return 'sif';
  const rows = parseDelimited(text, detectDelimiter(text));
  const last = rows[rows.length - 1].cells;
  const width = rows[0].cells.length;
  const squareish = Math.abs(rows.length - width) <= 1 && width >= 2;
  return squareish && isNumberLike((last[1] ?? '').trim()) && width > 2 ? 'matrix' : 'edges';
}
