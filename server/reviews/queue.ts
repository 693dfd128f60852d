import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { ServiceContext } from '../context';
import { badInput } from '../errors';
import { requireProjectRole } from '../authz/access';
import { requireInProject } from '../authz/in-project';
import { parseInput } from '../validation';
import type { EdgeStatus, VerdictKind } from './status';
import * as store from './store';
import { queueInput, type QueueInput } from './validation';
import { levelEdges } from '../levels/service';

export interface ReviewQueueItem {
  regulator: string;
  target: string;
  effect: number;
  rank: number;
  confidence: number | null;
  inPrior: boolean;
  inGold: boolean | null;
  status: EdgeStatus;
  version: number;
  verdictCount: number;
  commentCount: number;
  myVerdict: VerdictKind | null;
}

export interface ReviewQueuePage {
  items: ReviewQueueItem[];
  total: number;
  reviewed: number;
  offset: number;
  limit: number;
  runEdges: number;
}

/**
 * Replicates of a run: finished runs of the project on the same data, prior and strategy whose
 * configuration differs only in the seed. With two or more, an edge's confidence is the share of them
 * that kept it.
 */
async function replicateRunIds(db: Database, runId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select o.id from runs r join runs o
      on o.project_id = r.project_id and o.dataset_id = r.dataset_id
     and o.prior_version_id is not distinct from r.prior_version_id and o.strategy = r.strategy
     and (o.config - 'seed') = (r.config - 'seed') and o.status = 'succeeded'
    where r.id = ${runId}`);
  const ids = result.rows.map((r) => r.id);
  return ids.length >= 2 ? ids : [];
}

/**
 * Edges to review other than the run's kept network, strongest first (rank = position + 1): a pruning level's
 * network, or a list of the replicate analysis. `pairs[k]` is regulator j, target i as j·n + i over `genes`.
 * `confidence` (one per pair) replaces the replicates' share of kept models the queue computes otherwise.
 */
export interface QueueEdges {
  genes: readonly string[];
  pairs: readonly number[];
  effects: readonly number[];
  confidence?: readonly number[];
}

/**
 * One page of a run's inferred edges joined to their review state, prior-version and gold-standard
 * membership, ranked by |effect| (or by confidence across seeds), filtered and counted in the database.
 * With `level`, the edges of that pruning level's network instead (verdicts are per edge, so they show at every level).
 */
export async function reviewQueue(ctx: ServiceContext, raw: QueueInput): Promise<ReviewQueuePage> {
  return reviewQueueOver(ctx, raw, (input) => (input.level == null ? null : levelEdges(ctx, input.runId, input.level)));
}

/**
 * The review queue over the edges `edgesOf` gives for the run (null: its inferred edges). Authorises and
 * validates the queue's input before `edgesOf` runs, so a caller's loader sees a checked run of the project.
 */
export async function reviewQueueOver(
  ctx: ServiceContext,
  raw: QueueInput,
  edgesOf: (input: { projectId: string; runId: string; level?: number | null }) => Promise<QueueEdges | null> | null,
): Promise<ReviewQueuePage> {
  const { viewer } = await requireProjectRole(ctx, raw.projectId, 'viewer');
  const input = parseInput(queueInput, raw);
  const f = input.filter;
  await requireInProject(ctx, input.projectId, 'run', input.runId);
  const run = (await store.runInProject(ctx.db, input.runId))!;
  const source = await edgesOf(input);
  const priorVersionId = f.priorVersionId ?? run.priorVersionId;
  if (f.priorVersionId) await requireInProject(ctx, input.projectId, 'priorVersion', f.priorVersionId, 'filter.priorVersionId');
  if (f.goldStandardId) await requireInProject(ctx, input.projectId, 'goldStandard', f.goldStandardId, 'filter.goldStandardId');
  if (f.novelty && !priorVersionId)
    throw badInput('The run used no prior; choose a prior version to tell novel edges from known ones.', { field: 'filter.priorVersionId' });
  if (f.inGold != null && !f.goldStandardId) throw badInput('Choose a gold standard to filter by it.', { field: 'filter.goldStandardId' });

  const replicates = source?.confidence ? [] : await replicateRunIds(ctx.db, run.id);
  const noId = '00000000-0000-0000-0000-000000000000';
  const conditions: SQL[] = source ? [] : [sql`ie.run_id = ${run.id}`];
  if (f.statuses?.length)
    conditions.push(
      sql`coalesce(re.status, 'unreviewed') in (${sql.join(
        f.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.gene) conditions.push(sql`(ie.regulator = ${f.gene} or ie.target = ${f.gene})`);
  if (f.novelty === 'novel') conditions.push(sql`pe.version_id is null`);
  if (f.novelty === 'in_prior') conditions.push(sql`pe.version_id is not null`);
  if (f.inGold === true) conditions.push(sql`ge.gold_standard_id is not null`);
  if (f.inGold === false) conditions.push(sql`ge.gold_standard_id is null`);
  const from = sql`
    from ${source ? edgeRows(source) : sql`inferred_edges ie`}
    left join edge_reviews re on re.project_id = ${input.projectId} and re.regulator = ie.regulator and re.target = ie.target
    left join prior_edges pe on pe.version_id = ${priorVersionId ?? noId} and pe.regulator = ie.regulator and pe.target = ie.target
    left join gold_standard_edges ge on ge.gold_standard_id = ${f.goldStandardId ?? noId} and ge.regulator = ie.regulator and ge.target = ie.target
    ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}`;

  const [counts] = (
    await ctx.db.execute<{ total: number; reviewed: number; run_edges: number }>(sql`
      select count(*)::int as total, count(*) filter (where coalesce(re.status, 'unreviewed') <> 'unreviewed')::int as reviewed,
        ${source ? sql`${source.pairs.length}::int` : sql`(select count(*)::int from inferred_edges where run_id = ${run.id})`} as run_edges
      ${from}`)
  ).rows;
  // The replicates' confidence is a few primary-key probes per edge, taken after the page is cut when the
  // order is by rank. (A join to the replicates' grouped edges let the planner pick a nested loop over both
  // sides: 11–13 s for the demo's 12,787-edge kept network against 3 replicates.)
  const byConfidence = input.order === 'confidence' && (source?.confidence !== undefined || replicates.length > 0);
  const base = sql`
      select ie.regulator, ie.target, ${source ? sql`null::float8` : sql`ie.effect`} as effect, ie.rank,
        ${source?.confidence ? sql`ie.confidence` : sql`null::float8`} as confidence,
        pe.version_id is not null as in_prior, ge.gold_standard_id is not null as in_gold,
        re.status, re.version, re.verdict_count, re.comment_count, re.id as edge_id
      ${from}`;
  const page = sql`offset ${input.offset} limit ${input.limit}`;
  const replicateConfidence = sql`left join lateral (select nullif(count(*), 0)::float8 / ${replicates.length} as confidence from inferred_edges r
      where r.run_id in (${sql.join(
        replicates.map((id) => sql`${id}`),
        sql`, `,
      )}) and r.regulator = b.regulator and r.target = b.target) conf on true`;
  const withConfidence = sql`b.regulator, b.target, b.effect, b.rank, conf.confidence, b.in_prior, b.in_gold, b.status, b.version,
      b.verdict_count, b.comment_count, b.edge_id`;
  const pageQuery = !replicates.length
    ? sql`select b.* from (${base}) b order by ${byConfidence ? sql`b.confidence desc nulls last, b.rank` : sql`b.rank`} ${page}`
    : byConfidence
      ? sql`select ${withConfidence} from (${base}) b ${replicateConfidence} order by conf.confidence desc nulls last, b.rank ${page}`
      : sql`select ${withConfidence} from (${base} order by ie.rank ${page}) b ${replicateConfidence} order by b.rank`;
  const rows = (
    await ctx.db.execute<{
      regulator: string;
      target: string;
      effect: number;
      rank: number;
      confidence: number | null;
      in_prior: boolean;
      in_gold: boolean;
      status: EdgeStatus | null;
      version: number | null;
      verdict_count: number | null;
      comment_count: number | null;
      edge_id: string | null;
    }>(pageQuery)
  ).rows;
  const edgeIds = rows.map((r) => r.edge_id).filter((id): id is string => id !== null);
  const mine = new Map<string, VerdictKind>();
  if (edgeIds.length) {
    const result = await ctx.db.execute<{ edge_id: string; verdict: VerdictKind }>(sql`
      select edge_id, verdict from review_verdicts where reviewer_id = ${viewer.userId} and edge_id in (${sql.join(
        edgeIds.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    for (const r of result.rows) mine.set(r.edge_id, r.verdict);
  }
  return {
    items: rows.map((r) => ({
      regulator: r.regulator,
      target: r.target,
      // Derived edges keep their effects here: only the page's rows need them.
      effect: source ? source.effects[Number(r.rank) - 1] : Number(r.effect),
      rank: Number(r.rank),
      confidence: r.confidence === null ? null : Number(r.confidence),
      inPrior: Boolean(r.in_prior),
      inGold: f.goldStandardId ? Boolean(r.in_gold) : null,
      status: r.status ?? 'unreviewed',
      version: r.version ?? 0,
      verdictCount: r.verdict_count ?? 0,
      commentCount: r.comment_count ?? 0,
      myVerdict: r.edge_id ? (mine.get(r.edge_id) ?? null) : null,
    })),
    total: Number(counts.total),
    reviewed: Number(counts.reviewed),
    offset: input.offset,
    limit: input.limit,
    runEdges: Number(counts.run_edges),
  };
}

/** The derived edges as a table `ie` (regulator, target, rank[, confidence]): two arrays, the names looked up in the database. */
function edgeRows(e: QueueEdges): SQL {
  const n = e.genes.length;
  const withConfidence = e.confidence !== undefined;
  return sql`(select g.genes[s.pair / ${n} + 1] as regulator, g.genes[s.pair % ${n} + 1] as target, s.rank::int as rank
      ${withConfidence ? sql`, s.confidence` : sql``}
    from unnest(${sql.param(e.pairs)}::int[]${withConfidence ? sql`, ${sql.param(e.confidence)}::float8[]` : sql``})
      with ordinality as s(pair${withConfidence ? sql`, confidence` : sql``}, rank),
      (select ${sql.param(e.genes)}::text[] as genes) g) ie`;
}

/** Review status of the given edges of a project (unreviewed when nothing was recorded). */
export async function statusesOf(db: Database, projectId: string, pairs: { regulator: string; target: string }[]): Promise<Map<string, EdgeStatus>> {
  const out = new Map<string, EdgeStatus>();
  if (!pairs.length) return out;
  const genes = [...new Set(pairs.flatMap((p) => [p.regulator, p.target]))];
  const result = await db.execute<{ regulator: string; target: string; status: EdgeStatus }>(sql`
    select regulator, target, status from edge_reviews
    where project_id = ${projectId} and regulator in (${sql.join(
      genes.map((g) => sql`${g}`),
      sql`, `,
    )})
      and target in (${sql.join(
        genes.map((g) => sql`${g}`),
        sql`, `,
      )})`);
  for (const r of result.rows) out.set(`${r.regulator}\u0000${r.target}`, r.status);
  return out;
}
