import { parseDenseMatrix, parseEdgeList, parseGeneNames, parseSif, matrixToEdges, type NamedEdge } from '@/compute';
import { badInput } from '../errors';
import { checkFileSize, parseFile } from '../file-input';
import { sortEdges, type PriorEdge, type Sign } from './edges';
import type { PriorFormat } from './validation';

const maxGeneNameLength = 200;

/** Compute's edges in the stored form: sign −1/0/+1, weight ≥ 0 (1 unless given), evidence text. */
export function toPriorEdges(edges: NamedEdge[], field: string): PriorEdge[] {
  for (const e of edges) {
    const long = [e.regulator, e.target].find((g) => g.length > maxGeneNameLength);
    if (long) throw badInput(`Gene names are at most ${maxGeneNameLength} characters; '${long.slice(0, 40)}…' is longer.`, { field });
  }
  return sortEdges(
    edges.map((e) => ({
      regulator: e.regulator,
      target: e.target,
      sign: Math.sign(e.sign) as Sign,
      weight: e.weight === undefined ? 1 : e.weight,
      evidence: e.evidence ?? '',
    })),
  );
}

/** A dense matrix's entries carry the sign; the stored weight is the entry's magnitude. */
function denseMatrixEdges(text: string, genesText: string | undefined): NamedEdge[] {
  const genes = genesText === undefined ? undefined : parseFile('genes', 'gene names file', () => parseGeneNames(genesText));
  const { genes: names, matrix } = parseFile('text', 'matrix file', () => parseDenseMatrix(text, genes));
  return matrixToEdges(matrix, names).map((e) => ({ ...e, weight: Math.abs(e.weight ?? 1) }));
}

/** Parses an uploaded prior network file into a sorted edge set; errors name the field, line and column. */
export function parsePriorFile(format: PriorFormat, text: string, genesText?: string): PriorEdge[] {
  checkFileSize(text, 'text', 'network file');
  if (genesText !== undefined) checkFileSize(genesText, 'genes', 'gene names file');
  const edges =
    format === 'edge_list'
      ? parseFile('text', 'edge list', () => parseEdgeList(text))
      : format === 'sif'
        ? parseFile('text', 'SIF file', () => parseSif(text))
        : denseMatrixEdges(text, genesText);
  if (edges.length === 0) throw badInput('The network has no edges.', { field: 'text' });
  return toPriorEdges(edges, 'text');
}
