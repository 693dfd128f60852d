/**
 * Pure edge-set logic of prior versions: diffs and edit batches. Versions are immutable full edge sets,
 * so a diff is a set difference and an edit produces the next full set.
 */
export type Sign = -1 | 0 | 1;

export interface PriorEdge {
  regulator: string;
  target: string;
  sign: Sign;
  weight: number;
  evidence: string;
}

export interface EdgePair {
  regulator: string;
  target: string;
  from: PriorEdge;
  to: PriorEdge;
}

export interface EdgeDiff {
  added: PriorEdge[];
  removed: PriorEdge[];
  signChanged: EdgePair[];
  /** Same sign, different weight or evidence. */
  annotationChanged: EdgePair[];
}

export const edgeKey = (e: { regulator: string; target: string }): string => `${e.regulator}\u0000${e.target}`;

const byRegulatorThenTarget = (a: { regulator: string; target: string }, b: { regulator: string; target: string }) =>
  a.regulator < b.regulator ? -1 : a.regulator > b.regulator ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0;

export const sortEdges = <T extends { regulator: string; target: string }>(edges: T[]): T[] => [...edges].sort(byRegulatorThenTarget);

export function indexEdges(edges: PriorEdge[]): Map<string, PriorEdge> {
  return new Map(edges.map((e) => [edgeKey(e), e]));
}

/** What changed from `from` to `to`, each list sorted by regulator then target. */
export function diffEdges(from: PriorEdge[], to: PriorEdge[]): EdgeDiff {
  const before = indexEdges(from);
  const after = indexEdges(to);
  const diff: EdgeDiff = { added: [], removed: [], signChanged: [], annotationChanged: [] };
  for (const [key, edge] of after) {
    const old = before.get(key);
    if (!old) diff.added.push(edge);
    else if (old.sign !== edge.sign) diff.signChanged.push(pair(old, edge));
    else if (old.weight !== edge.weight || old.evidence !== edge.evidence) diff.annotationChanged.push(pair(old, edge));
  }
  for (const [key, edge] of before) if (!after.has(key)) diff.removed.push(edge);
  return {
    added: sortEdges(diff.added),
    removed: sortEdges(diff.removed),
    signChanged: sortEdges(diff.signChanged),
    annotationChanged: sortEdges(diff.annotationChanged),
  };
}

const pair = (from: PriorEdge, to: PriorEdge): EdgePair => ({ regulator: to.regulator, target: to.target, from, to });

export const isEmptyDiff = (d: EdgeDiff): boolean => d.added.length + d.removed.length + d.signChanged.length + d.annotationChanged.length === 0;

export type EdgeChange =
  | { op: 'add'; regulator: string; target: string; sign: Sign; weight?: number; evidence?: string }
  | { op: 'remove'; regulator: string; target: string }
  | { op: 'flip_sign'; regulator: string; target: string }
  | { op: 'set_sign'; regulator: string; target: string; sign: Sign }
  | { op: 'set_evidence'; regulator: string; target: string; evidence: string; weight?: number };

/** A change that cannot apply to the base version; `index` is its position in the batch. */
export class EdgeChangeError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'EdgeChangeError';
  }
}

/**
 * Applies a batch of changes in order to a base edge set and returns the new set (sorted).
 * Every change must make sense against the set as it stands at that point of the batch, so a
 * batch built against an old view fails loudly instead of silently doing something else.
 */
export function applyEdgeChanges(base: PriorEdge[], changes: EdgeChange[]): PriorEdge[] {
  const edges = indexEdges(base);
  changes.forEach((change, index) => {
    const key = edgeKey(change);
    const existing = edges.get(key);
    const name = `${change.regulator} → ${change.target}`;
    const fail = (why: string): never => {
      throw new EdgeChangeError(`Change ${index + 1} (${change.op} ${name}): ${why}`, index);
    };
    if (change.op === 'add') {
      if (existing) fail('the edge is already in the network.');
      edges.set(key, {
        regulator: change.regulator,
        target: change.target,
        sign: change.sign,
        weight: change.weight ?? 1,
        evidence: change.evidence ?? '',
      });
      return;
    }
    if (!existing) return fail('the edge is not in the network.');
    switch (change.op) {
      case 'remove':
        edges.delete(key);
        break;
      case 'flip_sign':
        if (existing.sign === 0) fail('the edge has no sign to flip; set its sign instead.');
        edges.set(key, { ...existing, sign: -existing.sign as Sign });
        break;
      case 'set_sign':
        edges.set(key, { ...existing, sign: change.sign });
        break;
      case 'set_evidence':
        edges.set(key, { ...existing, evidence: change.evidence, weight: change.weight ?? existing.weight });
        break;
    }
  });
  return sortEdges([...edges.values()]);
}

/** Gene names appearing in an edge set, sorted. */
export function edgeGenes(edges: { regulator: string; target: string }[]): string[] {
  const genes = new Set<string>();
  for (const e of edges) {
    genes.add(e.regulator);
    genes.add(e.target);
  }
  return [...genes].sort();
}

/** Prior genes missing from a dataset and the edges that would be dropped because of them. */
export function geneMismatch(edges: { regulator: string; target: string }[], datasetGenes: string[]) {
  const inData = new Set(datasetGenes);
  const priorGenes = edgeGenes(edges);
  const missingGenes = priorGenes.filter((g) => !inData.has(g));
  const droppedEdgeCount = edges.filter((e) => !inData.has(e.regulator) || !inData.has(e.target)).length;
  return {
    priorGeneCount: priorGenes.length,
    datasetGeneCount: inData.size,
    matchedGeneCount: priorGenes.length - missingGenes.length,
    missingGenes,
    droppedEdgeCount,
    keptEdgeCount: edges.length - droppedEdgeCount,
  };
}
