import { compareEdgeSets, type EdgeOverlap, type SparseEffects } from '@/compute';
import type { ServiceContext } from '../context';
import { badInput, DomainError } from '../errors';
import { requireProjectRole } from '../authz/access';
import { requireInProject } from '../authz/in-project';
import { loadLevel } from '@/server/run-execution/level-networks-store';
import { parseInput } from '../validation';
import * as store from './store';
import { compareEdgesInput, edgePage, type CompareEdgesInput } from './validation';

export interface ComparedSide {
  runId: string;
  runName: string;
  /** null: the network the run kept. */
  level: number | null;
  edgeCount: number;
}

export interface EdgeComparison {
  a: ComparedSide;
  b: ComparedSide;
  overlap: EdgeOverlap;
  /** Gene names of the pair numbering the overlap uses (A's genes, then B's others). */
  genes: string[];
}

export interface ComparedEdge {
  regulator: string;
  target: string;
  effectA: number | null;
  effectB: number | null;
  sameSign: boolean | null;
}

export interface ComparedEdgePage {
  items: ComparedEdge[];
  total: number;
  offset: number;
  limit: number;
}

type Side = 'a' | 'b';

/** One side's network as named edges: the kept network, or the best model of one pruning level. */
async function namedNetwork(ctx: ServiceContext, side: Side, runId: string, level: number | null | undefined) {
  const run = (await store.runGenes(ctx.db, runId))!;
  if (level == null) {
    if (run.status !== 'succeeded') throw badInput(`Run “${run.name}” has not finished, so it has no network yet.`, { field: `${side}.runId` });
    return { run, edges: await store.keptEdges(ctx.db, runId) };
  }
  const loaded = await loadLevel(ctx.db, runId, level, run.genes.length);
  if (!loaded) throw new DomainError('NOT_FOUND', `Run “${run.name}” has no stored network at pruning level ${level}.`, { field: `${side}.level` });
  const n = run.genes.length;
  const { index, value } = loaded.effects;
  return { run, edges: index.map((e, k) => ({ regulator: run.genes[Math.floor(e / n)], target: run.genes[e % n], effect: value[k] })) };
}

/**
 * Two networks of the project (two runs, or two levels of one run) edge by edge: shared edges and their
 * sign agreement, edges only one has, and the Jaccard overlap of all edges and of each one's top k by
 * |effect| (compute/analysis/edge-overlap.ts). Runs on different datasets are matched by gene name.
 */
export async function compareEdges(ctx: ServiceContext, raw: CompareEdgesInput): Promise<EdgeComparison> {
  await requireProjectRole(ctx, raw.projectId, 'viewer');
  const input = parseInput(compareEdgesInput, raw);
  await requireInProject(ctx, input.projectId, 'run', input.a.runId, 'a.runId');
  await requireInProject(ctx, input.projectId, 'run', input.b.runId, 'b.runId');
  const a = await namedNetwork(ctx, 'a', input.a.runId, input.a.level);
  const b = await namedNetwork(ctx, 'b', input.b.runId, input.b.level);
  const genes = [...new Set([...a.run.genes, ...b.run.genes])];
  const n = genes.length;
  const position = new Map(genes.map((g, i) => [g, i]));
  const sparse = (edges: { regulator: string; target: string; effect: number }[]): SparseEffects => {
    const pairs = edges.map((e) => ({ k: position.get(e.regulator)! * n + position.get(e.target)!, v: e.effect })).sort((p, q) => p.k - q.k);
    return { n, index: pairs.map((p) => p.k), value: pairs.map((p) => p.v) };
  };
  const overlap = compareEdgeSets(sparse(a.edges), sparse(b.edges), input.k);
  const sideOf = (s: typeof a, runId: string, level: number | null | undefined): ComparedSide => ({
    runId,
    runName: s.run.name,
    level: level ?? null,
    edgeCount: s.edges.filter((e) => e.effect !== 0).length,
  });
  return { a: sideOf(a, input.a.runId, input.a.level), b: sideOf(b, input.b.runId, input.b.level), overlap, genes };
}

/** One page of one of the three lists, strongest first. */
export function edgesPage(c: EdgeComparison, list: 'shared' | 'onlyA' | 'onlyB', raw: unknown): ComparedEdgePage {
  const page = parseInput(edgePage, raw);
  const n = c.genes.length;
  const name = (index: number) => ({ regulator: c.genes[Math.floor(index / n)], target: c.genes[index % n] });
  const slice = <T>(xs: T[]) => xs.slice(page.offset, page.offset + page.limit);
  const items: ComparedEdge[] =
    list === 'shared'
      ? slice(c.overlap.shared).map((e) => ({ ...name(e.index), effectA: e.a, effectB: e.b, sameSign: e.sameSign }))
      : slice(c.overlap[list]).map((e) => ({
          ...name(e.index),
          effectA: list === 'onlyA' ? e.value : null,
          effectB: list === 'onlyB' ? e.value : null,
          sameSign: null,
        }));
  return { items, total: c.overlap[list].length, ...page };
}
