import { ranksByMagnitude } from './replicates';
import type { SparseEffects } from './sparse-effects';

/** An edge both networks have, with both effects. */
export interface SharedEdge {
  index: number;
  a: number;
  b: number;
  /** Same sign of effect in both networks. */
  sameSign: boolean;
}

/** An edge only one network has. */
export interface OwnEdge {
  index: number;
  value: number;
}

export interface TopKOverlap {
  /** The k asked for; each side takes min(k, its edge count). */
  k: number;
  inA: number;
  inB: number;
  intersection: number;
  union: number;
  /** |A ∩ B| / |A ∪ B| of the two top-k sets; null when both are empty. */
  jaccard: number | null;
}

export interface EdgeOverlap {
  /** Sorted by the larger |effect| of the two, strongest first (ties: pair order). */
  shared: SharedEdge[];
  /** Sorted by |effect|, strongest first (ties: pair order). */
  onlyA: OwnEdge[];
  onlyB: OwnEdge[];
  sameSign: number;
  oppositeSign: number;
  /** Jaccard overlap of all edges; null when both networks are empty. */
  jaccard: number | null;
  topK: TopKOverlap;
}

const jaccardOf = (intersection: number, union: number) => (union === 0 ? null : intersection / union);

/** The pairs of the k strongest edges (by |effect|; ties in pair order, as ranksByMagnitude ranks them). */
function topPairs(s: SparseEffects, k: number): Set<number> {
  const ranks = ranksByMagnitude(s.value);
  const top = new Set<number>();
  for (let e = 0; e < s.index.length; e++) if (ranks[e] <= k) top.add(s.index[e]);
  return top;
}

const strongestFirst =
  <T extends { index: number }>(strength: (x: T) => number) =>
  (p: T, q: T) =>
    strength(q) - strength(p) || p.index - q.index;

/** The network without zero entries (a stored network has none; a dense one read back may). */
function nonzero(s: SparseEffects): SparseEffects {
  const keep = [...s.value.keys()].filter((i) => s.value[i] !== 0);
  return { n: s.n, index: keep.map((i) => s.index[i]), value: keep.map((i) => s.value[i]) };
}

/**
 * Two networks over the same genes (the same n and pair numbering) compared edge by edge: the edges
 * they share (and whether their signs agree), those only one has, and the Jaccard overlap of all edges
 * and of the k strongest of each. Zero effects count as absent.
 */
export function compareEdgeSets(rawA: SparseEffects, rawB: SparseEffects, k: number): EdgeOverlap {
  if (rawA.n !== rawB.n) throw new RangeError('compareEdgeSets: the networks have different gene counts');
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`compareEdgeSets: k must be a positive integer, not ${k}`);
  const a = nonzero(rawA);
  const b = nonzero(rawB);
  const inB = new Map(b.index.map((e, i) => [e, b.value[i]]));
  const shared: SharedEdge[] = [];
  const onlyA: OwnEdge[] = [];
  const seenInA = new Set<number>();
  a.index.forEach((e, i) => {
    const va = a.value[i];
    seenInA.add(e);
    const vb = inB.get(e);
    if (vb === undefined) onlyA.push({ index: e, value: va });
    else shared.push({ index: e, a: va, b: vb, sameSign: Math.sign(va) === Math.sign(vb) });
  });
  const onlyB: OwnEdge[] = [];
  for (const [e, vb] of inB) if (!seenInA.has(e)) onlyB.push({ index: e, value: vb });

  shared.sort(strongestFirst<SharedEdge>((x) => Math.max(Math.abs(x.a), Math.abs(x.b))));
  onlyA.sort(strongestFirst<OwnEdge>((x) => Math.abs(x.value)));
  onlyB.sort(strongestFirst<OwnEdge>((x) => Math.abs(x.value)));
  const sameSign = shared.filter((s) => s.sameSign).length;

  const topA = topPairs(a, k);
  const topB = topPairs(b, k);
  let intersection = 0;
  for (const e of topA) if (topB.has(e)) intersection++;
  const union = topA.size + topB.size - intersection;

  return {
    shared,
    onlyA,
    onlyB,
    sameSign,
    oppositeSign: shared.length - sameSign,
    jaccard: jaccardOf(shared.length, shared.length + onlyA.length + onlyB.length),
    topK: { k, inA: topA.size, inB: topB.size, intersection, union, jaccard: jaccardOf(intersection, union) },
  };
}
