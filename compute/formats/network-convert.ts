import type { NamedEdge, SquareMatrix } from '../types';

export interface EdgesAsMatrix {
  /** [i*n + j] concerns regulator i → target j. */
  matrix: SquareMatrix;
  /** Names used by edges but absent from the gene list, sorted. */
  unknownGenes: string[];
  /** Edges left out because one of their genes is unknown. */
  outsideEdges: number;
}

/**
 * Places named edges on a gene list. `value: 'sign'` (priors, gold standards) stores ±1, an edge of
 * unknown sign as 1; `value: 'weight'` (effects) stores the weight, falling back to the sign.
 */
export function edgesToMatrix(edges: readonly NamedEdge[], genes: readonly string[], value: 'sign' | 'weight' = 'sign'): EdgesAsMatrix {
  const n = genes.length;
  const index = new Map(genes.map((g, i) => [g, i]));
  const data = new Float64Array(n * n);
  const unknown = new Set<string>();
  let outsideEdges = 0;
  for (const e of edges) {
    const i = index.get(e.regulator);
    const j = index.get(e.target);
    if (i === undefined) unknown.add(e.regulator);
    if (j === undefined) unknown.add(e.target);
    if (i === undefined || j === undefined) {
      outsideEdges++;
      continue;
    }
    const sign = e.sign === 0 ? 1 : Math.sign(e.sign);
    data[i * n + j] = value === 'weight' && e.weight !== undefined ? e.weight : sign;
  }
  return { matrix: { n, data }, unknownGenes: [...unknown].sort(), outsideEdges };
}

/** Every nonzero entry as an edge, row-major; the entry itself is kept as the weight. */
export function matrixToEdges(matrix: SquareMatrix, genes: readonly string[]): NamedEdge[] {
  const { n, data } = matrix;
  if (genes.length !== n) throw new RangeError(`matrixToEdges: ${genes.length} gene names for a ${n}×${n} matrix`);
  const edges: NamedEdge[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const w = data[i * n + j];
      if (w !== 0) edges.push({ regulator: genes[i], target: genes[j], sign: Math.sign(w), weight: w });
    }
  }
  return edges;
}
