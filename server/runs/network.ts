import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { datasets, inferredEdges, priorEdges, runs } from '@/db/schema';
import type { ServiceContext } from '../context';
import { requireInProject } from '../authz/in-project';
import { env } from '../env';
import { badInput, notFound } from '../errors';
import { statusesOf } from '../reviews/queue';
import type { EdgeStatus } from '../reviews/status';
import { parseInput } from '../validation';
import { requireRunRole } from './service';
import { PromiseLru } from './network-cache';
import { heatmapInput, networkQueryInput, type NetworkQueryInput } from './validation';

export interface NetworkEdge {
  regulator: string;
  target: string;
  effect: number;
  sign: number;
  rank: number;
  /** The edge is in the prior version the run used. */
  priorSupported: boolean;
  /** Against the chosen gold standard: true positive, false positive; null without one. */
  gold: 'tp' | 'fp' | null;
  /** The project's review status of the edge (server/reviews/status.ts). */
  reviewStatus: EdgeStatus;
}

export interface NetworkNode {
  id: string;
  isFocus: boolean;
  inDegree: number;
  outDegree: number;
}

export interface GoldEdgeAmongNodes {
  regulator: string;
  target: string;
  sign: number;
  /** Whether the run predicted it at all (at any rank); false = a missed edge (false negative). */
  predicted: boolean;
  shown: boolean;
}

export interface RunNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Nonzero effects of the run. */
  totalEdges: number;
  /** Edges that pass the regulator / neighbourhood filters, before the top-k cut. */
  matchingEdges: number;
  truncated: boolean;
  /** The most edges this server returns at once (NETWORK_MAX_EDGES). */
  maxEdges: number;
  goldStandardId: string | null;
  /** Gold-standard edges whose both genes are shown (capped), so missed edges can be drawn. */
  goldEdges: GoldEdgeAmongNodes[];
}

const maxGoldEdges = 2000;

let maxNetworkEdges = env.NETWORK_MAX_EDGES;

/** Tests set a small cap to reach it; returns the previous one. */
export function configureNetworkMaxEdges(max: number): number {
  const before = maxNetworkEdges;
  maxNetworkEdges = max;
  return before;
}

/**
 * The part of a run's network the browser should draw, chosen in the database: the strongest k edges,
 * optionally only from one regulator and/or within `hops` of a gene, annotated with prior support and
 * true/false positive status against a gold standard.
 */
export async function runNetwork(ctx: ServiceContext, runId: string, raw: NetworkQueryInput = {}): Promise<RunNetwork> {
  const { projectId } = await requireRunRole(ctx, runId, 'viewer');
  const input = parseInput(networkQueryInput, raw);
  if (input.topK > maxNetworkEdges) {
    throw badInput(`This server draws at most ${maxNetworkEdges} edges at once (NETWORK_MAX_EDGES); ask for fewer.`, { field: 'topK' });
  }
  if (input.goldStandardId) await requireInProject(ctx, projectId, 'goldStandard', input.goldStandardId);
  // Authorised above; only now is the cache read. What it holds depends on the run's saved results, its prior
  // version and the gold standard, none of which change once the run has succeeded (the key names the run's
  // finish, in case a run were ever finished again). Review statuses change at any time: read on every request.
  const [run] = await ctx.db
    .select({ datasetId: runs.datasetId, priorVersionId: runs.priorVersionId, status: runs.status, finishedAt: runs.finishedAt })
    .from(runs)
    .where(eq(runs.id, runId));
  if (!run) throw notFound('Run');
  const build = () => buildNetwork(ctx.db, { id: runId, ...run }, input);
  const built =
    run.status === 'succeeded' ? await networkCache.get(`${runId}\u0000${run.finishedAt?.toISOString()}\u0000${JSON.stringify(input)}`, build) : await build();
  const reviewed = await statusesOf(ctx.db, projectId, built.edges);
  return {
    ...built,
    edges: built.edges.map((e) => ({ ...e, reviewStatus: reviewed.get(key(e.regulator, e.target)) ?? 'unreviewed' })),
    maxEdges: maxNetworkEdges,
  };
}

type BuiltNetwork = Omit<RunNetwork, 'maxEdges' | 'edges'> & { edges: Omit<NetworkEdge, 'reviewStatus'>[] };

/** Built networks, about 3 KB a 100 nodes and edges: a weight of 200,000 holds some 6 MB. */
const networkCache = new PromiseLru<BuiltNetwork>(200_000, (n) => n.nodes.length + n.edges.length + n.goldEdges.length + 1);

/** Tests: forget every cached network. */
export function clearNetworkCache(): void {
  networkCache.clear();
}

interface RunSource {
  id: string;
  datasetId: string;
  priorVersionId: string | null;
}

async function buildNetwork(db: Database, run: RunSource, input: ReturnType<typeof networkQueryInput.parse>): Promise<BuiltNetwork> {
  const runId = run.id;
  if (input.regulator || input.gene) {
    const genes = await datasetGenes(db, run.datasetId);
    for (const [field, gene] of [
      ['regulator', input.regulator],
      ['gene', input.gene],
    ] as const) {
      if (gene && !genes.has(gene)) throw badInput(`Gene “${gene}” is not in this run’s dataset.`, { field });
    }
  }

  const byRun = eq(inferredEdges.runId, runId);
  const byRegulator = input.regulator ? eq(inferredEdges.regulator, input.regulator) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(inferredEdges).where(byRun);

  let picked: { regulator: string; target: string; effect: number; rank: number }[];
  let matchingEdges: number;
  if (input.gene) {
    const reached = await neighbourhoodEdges(db, and(byRun, byRegulator)!, input.gene, input.hops);
    matchingEdges = reached.edges.length;
    picked = strongestConnected(input.gene, reached, input.topK);
  } else {
    [{ total: matchingEdges }] = byRegulator ? await db.select({ total: count() }).from(inferredEdges).where(and(byRun, byRegulator)) : [{ total }];
    picked = await db
      .select({ regulator: inferredEdges.regulator, target: inferredEdges.target, effect: inferredEdges.effect, rank: inferredEdges.rank })
      .from(inferredEdges)
      .where(and(byRun, byRegulator))
      .orderBy(asc(inferredEdges.rank))
      .limit(input.topK);
  }

  const nodeIds = new Set<string>(picked.flatMap((e) => [e.regulator, e.target]));
  if (input.gene) nodeIds.add(input.gene);
  if (input.regulator) nodeIds.add(input.regulator);
  const names = [...nodeIds];
  const priorSet = run.priorVersionId ? await priorPairs(db, run.priorVersionId, names) : new Set<string>();
  const goldEdges = input.goldStandardId ? await goldAmong(db, input.goldStandardId, runId, names) : [];
  const goldSet = new Set(goldEdges.map((g) => key(g.regulator, g.target)));
  const shownSet = new Set(picked.map((e) => key(e.regulator, e.target)));

  const edges = picked.map((e) => ({
    ...e,
    sign: Math.sign(e.effect),
    priorSupported: priorSet.has(key(e.regulator, e.target)),
    gold: input.goldStandardId ? (goldSet.has(key(e.regulator, e.target)) ? ('tp' as const) : ('fp' as const)) : null,
  }));
  const degree = new Map(names.map((n) => [n, { inDegree: 0, outDegree: 0 }]));
  for (const e of edges) {
    degree.get(e.regulator)!.outDegree++;
    degree.get(e.target)!.inDegree++;
  }
  return {
    nodes: names.map((id) => ({ id, isFocus: id === input.gene || id === input.regulator, ...degree.get(id)! })),
    edges,
    totalEdges: total,
    matchingEdges,
    truncated: matchingEdges > edges.length,
    goldStandardId: input.goldStandardId,
    goldEdges: goldEdges.slice(0, maxGoldEdges).map((g) => ({ ...g, shown: shownSet.has(key(g.regulator, g.target)) })),
  };
}

const key = (regulator: string, target: string) => `${regulator}\u0000${target}`;

async function datasetGenes(db: Database, datasetId: string): Promise<Set<string>> {
  const [d] = await db.select({ genes: datasets.genes }).from(datasets).where(eq(datasets.id, datasetId));
  return new Set(d.genes);
}

type Edge = { regulator: string; target: string; effect: number; rank: number };

/**
 * Edges incident to genes within `hops − 1` steps of `gene` (direction ignored): its k-hop neighbourhood,
 * with each gene's distance from it.
 */
async function neighbourhoodEdges(db: Database, where: SQL, gene: string, hops: number) {
  const distance = new Map([[gene, 0]]);
  const found = new Map<string, Edge>();
  let frontier = [gene];
  for (let hop = 0; hop < hops && frontier.length; hop++) {
    const rows = await db
      .select({ regulator: inferredEdges.regulator, target: inferredEdges.target, effect: inferredEdges.effect, rank: inferredEdges.rank })
      .from(inferredEdges)
      .where(and(where, or(inArray(inferredEdges.regulator, frontier), inArray(inferredEdges.target, frontier))));
    const next: string[] = [];
    for (const r of rows) {
      found.set(key(r.regulator, r.target), r);
      for (const g of [r.regulator, r.target]) {
        if (!distance.has(g)) {
          distance.set(g, hop + 1);
          next.push(g);
        }
      }
    }
    frontier = next;
  }
  return { edges: [...found.values()], distance, hops };
}

/**
 * The `limit` strongest edges that stay connected to `gene`: grown best-first from the gene (the strongest
 * edge touching what is already shown, as long as it expands from a gene closer than `hops`), so a dense
 * neighbourhood shows its strongest paths around the gene instead of strong edges elsewhere in it.
 */
function strongestConnected(gene: string, reached: { edges: Edge[]; distance: Map<string, number>; hops: number }, limit: number): Edge[] {
  const byGene = new Map<string, Edge[]>();
  for (const e of reached.edges) {
    for (const g of [e.regulator, e.target]) byGene.set(g, [...(byGene.get(g) ?? []), e]);
  }
  const shown = new Set<string>([gene]);
  const taken = new Set<Edge>();
  const candidates = new MinHeap<Edge>((a, b) => a.rank - b.rank);
  const expand = (g: string) => {
    if ((reached.distance.get(g) ?? Infinity) < reached.hops) for (const e of byGene.get(g) ?? []) candidates.push(e);
  };
  expand(gene);
  const out: Edge[] = [];
  while (out.length < limit && candidates.size) {
    const edge = candidates.pop()!;
    if (taken.has(edge)) continue;
    taken.add(edge);
    out.push(edge);
    for (const g of [edge.regulator, edge.target]) {
      if (!shown.has(g)) {
        shown.add(g);
        expand(g);
      }
    }
  }
  return out.sort((a, b) => a.rank - b.rank);
}

class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.less(a[i], a[parent]) >= 0) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.less(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

async function priorPairs(db: Database, versionId: string, genes: string[]): Promise<Set<string>> {
  if (!genes.length) return new Set();
  const rows = await db
    .select({ regulator: priorEdges.regulator, target: priorEdges.target })
    .from(priorEdges)
    .where(and(eq(priorEdges.versionId, versionId), inArray(priorEdges.regulator, genes), inArray(priorEdges.target, genes)));
  return new Set(rows.map((r) => key(r.regulator, r.target)));
}

/**
 * The gold standard's edges among `genes`, each marked whether the run predicted it: one primary-key probe
 * into the run's edges per gold edge. (A join let the planner scan the run's whole edge list once per gold
 * edge when the table's statistics were fresh or missing: 150 ms for the demo's top 200, now a few ms.)
 */
async function goldAmong(db: Database, goldStandardId: string, runId: string, genes: string[]) {
  if (!genes.length) return [];
  const list = sql.join(
    genes.map((g) => sql`${g}`),
    sql`, `,
  );
  const result = await db.execute<{ regulator: string; target: string; sign: number; predicted: boolean }>(sql`
    select g.regulator, g.target, g.sign, p.hit is not null as predicted
    from gold_standard_edges g
    left join lateral (select true as hit from inferred_edges i
      where i.run_id = ${runId} and i.regulator = g.regulator and i.target = g.target limit 1) p on true
    where g.gold_standard_id = ${goldStandardId} and g.regulator in (${list}) and g.target in (${list})`);
  return result.rows.map((r) => ({ regulator: r.regulator, target: r.target, sign: Number(r.sign), predicted: Boolean(r.predicted) }));
}

export interface EffectsHeatmap {
  regulators: string[];
  targets: string[];
  /** values[r][t]: effect of regulators[r] on targets[t]; 0 where pruned. */
  values: number[][];
  maxAbs: number;
  totalRegulators: number;
  totalTargets: number;
}

/** The strongest corner of the effects matrix: top regulators by Σ|effect|, then their top targets. */
export async function runHeatmap(ctx: ServiceContext, runId: string, raw: unknown = {}): Promise<EffectsHeatmap> {
  await requireRunRole(ctx, runId, 'viewer');
  const input = parseInput(heatmapInput, raw);
  const byRun = eq(inferredEdges.runId, runId);
  const strength = sql<number>`sum(abs(${inferredEdges.effect}))`;
  const [{ totalRegulators, totalTargets }] = await ctx.db
    .select({
      totalRegulators: sql<number>`count(distinct ${inferredEdges.regulator})::int`,
      totalTargets: sql<number>`count(distinct ${inferredEdges.target})::int`,
    })
    .from(inferredEdges)
    .where(byRun);
  const regulators = (
    await ctx.db
      .select({ gene: inferredEdges.regulator })
      .from(inferredEdges)
      .where(byRun)
      .groupBy(inferredEdges.regulator)
      .orderBy(desc(strength), asc(inferredEdges.regulator))
      .limit(input.regulators)
  ).map((r) => r.gene);
  if (!regulators.length) return { regulators: [], targets: [], values: [], maxAbs: 0, totalRegulators: 0, totalTargets: 0 };
  const fromTop = and(byRun, inArray(inferredEdges.regulator, regulators));
  const targets = (
    await ctx.db
      .select({ gene: inferredEdges.target })
      .from(inferredEdges)
      .where(fromTop)
      .groupBy(inferredEdges.target)
      .orderBy(desc(strength), asc(inferredEdges.target))
      .limit(input.targets)
  ).map((r) => r.gene);
  const cells = await ctx.db
    .select({ regulator: inferredEdges.regulator, target: inferredEdges.target, effect: inferredEdges.effect })
    .from(inferredEdges)
    .where(and(fromTop, inArray(inferredEdges.target, targets)));
  const row = new Map(regulators.map((g, i) => [g, i]));
  const col = new Map(targets.map((g, i) => [g, i]));
  const values = regulators.map(() => new Array<number>(targets.length).fill(0));
  let maxAbs = 0;
  for (const c of cells) {
    values[row.get(c.regulator)!][col.get(c.target)!] = c.effect;
    maxAbs = Math.max(maxAbs, Math.abs(c.effect));
  }
  return { regulators, targets, values, maxAbs, totalRegulators: Number(totalRegulators), totalTargets: Number(totalTargets) };
}
