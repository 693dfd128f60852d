import { and, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { bulkInsert, type BulkColumn } from '@/db/bulk-insert';
import { priorEdges, priorNetworks, priorVersions, runs, users } from '@/db/schema';
import type { Transaction } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../ids';
import { diffEdges, type EdgeDiff, type PriorEdge, type Sign } from './edges';

/** Reading and writing prior networks, versions and edges; no authorisation here (see service.ts). */

export type PriorRecord = typeof priorNetworks.$inferSelect & { createdByName: string | null };

export type PriorVersionRecord = typeof priorVersions.$inferSelect & {
  projectId: string;
  priorName: string;
  authorName: string | null;
  parentNumber: number | null;
  isHead: boolean;
};

type Reader = Pick<Database, 'select'>;

const priorSelection = { prior: priorNetworks, createdByName: users.name };

export async function findPrior(db: Reader, id: string): Promise<PriorRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(priorSelection).from(priorNetworks).leftJoin(users, eq(users.id, priorNetworks.createdBy)).where(eq(priorNetworks.id, id));
  return row ? { ...row.prior, createdByName: row.createdByName } : null;
}

export async function listProjectPriors(db: Reader, projectId: string): Promise<PriorRecord[]> {
  const rows = await db
    .select(priorSelection)
    .from(priorNetworks)
    .leftJoin(users, eq(users.id, priorNetworks.createdBy))
    .where(eq(priorNetworks.projectId, projectId))
    .orderBy(desc(priorNetworks.createdAt), desc(priorNetworks.id));
  return rows.map((r) => ({ ...r.prior, createdByName: r.createdByName }));
}

const versionSelection = {
  version: priorVersions,
  projectId: priorNetworks.projectId,
  priorName: priorNetworks.name,
  headVersionId: priorNetworks.headVersionId,
  authorName: users.name,
  parentNumber: sql<number | null>`(select pv.number from ${priorVersions} pv where pv.id = ${priorVersions.parentId})`,
};

type VersionRow = {
  version: typeof priorVersions.$inferSelect;
  projectId: string;
  priorName: string;
  headVersionId: string | null;
  authorName: string | null;
  parentNumber: number | null;
};

const toVersion = (r: VersionRow): PriorVersionRecord => ({
  ...r.version,
  projectId: r.projectId,
  priorName: r.priorName,
  authorName: r.authorName,
  parentNumber: r.parentNumber === null ? null : Number(r.parentNumber),
  isHead: r.headVersionId === r.version.id,
});

function versionQuery(db: Reader) {
  return db
    .select(versionSelection)
    .from(priorVersions)
    .innerJoin(priorNetworks, eq(priorNetworks.id, priorVersions.priorId))
    .leftJoin(users, eq(users.id, priorVersions.authorId));
}

export async function findVersion(db: Reader, id: string): Promise<PriorVersionRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await versionQuery(db).where(eq(priorVersions.id, id));
  return row ? toVersion(row) : null;
}

export async function requireVersion(db: Reader, id: string): Promise<PriorVersionRecord> {
  const version = await findVersion(db, id);
  if (!version) throw notFound('Prior version');
  return version;
}

/** Newest first. */
export async function listPriorVersions(db: Reader, priorId: string): Promise<PriorVersionRecord[]> {
  const rows = await versionQuery(db).where(eq(priorVersions.priorId, priorId)).orderBy(desc(priorVersions.number));
  return rows.map(toVersion);
}

const byteOrder = (column: AnyPgColumn) => sql`${column} collate "C"`;

const edgeColumns = {
  regulator: priorEdges.regulator,
  target: priorEdges.target,
  sign: priorEdges.sign,
  weight: priorEdges.weight,
  evidence: priorEdges.evidence,
};

const toEdge = (r: { regulator: string; target: string; sign: number; weight: number; evidence: string }): PriorEdge => ({
  ...r,
  sign: r.sign as Sign,
});

interface DiffRow {
  f_regulator: string | null;
  f_target: string | null;
  f_sign: number | null;
  f_weight: number | null;
  f_evidence: string | null;
  t_regulator: string | null;
  t_target: string | null;
  t_sign: number | null;
  t_weight: number | null;
  t_evidence: string | null;
}

/**
 * The edges that differ between two versions, found by the database (a merge of two primary-key ranges)
 * so that only changes travel: diffing two 500,000-edge versions in JavaScript took seconds. The rows
 * are then classified by the same rule as `diffEdges`, which stays the reference (edges.test.ts).
 */
export async function diffVersionEdges(db: Database, fromId: string, toId: string): Promise<EdgeDiff> {
  const result = await db.execute<DiffRow & Record<string, unknown>>(sql`
    select f.regulator as f_regulator, f.target as f_target, f.sign as f_sign, f.weight as f_weight, f.evidence as f_evidence,
           t.regulator as t_regulator, t.target as t_target, t.sign as t_sign, t.weight as t_weight, t.evidence as t_evidence
    from (select * from ${priorEdges} where version_id = ${fromId}) f
    full outer join (select * from ${priorEdges} where version_id = ${toId}) t
      on f.regulator = t.regulator and f.target = t.target
    where f.regulator is null or t.regulator is null
       or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence`);
  const side = (r: DiffRow, p: 'f' | 't'): PriorEdge =>
    toEdge({ regulator: r[`${p}_regulator`]!, target: r[`${p}_target`]!, sign: r[`${p}_sign`]!, weight: r[`${p}_weight`]!, evidence: r[`${p}_evidence`]! });
  const from: PriorEdge[] = [];
  const to: PriorEdge[] = [];
  for (const r of result.rows) {
    if (r.f_regulator !== null) from.push(side(r, 'f'));
    if (r.t_regulator !== null) to.push(side(r, 't'));
  }
  // Unchanged edges are absent from both sides, so the reference rule sees exactly the changes.
  return diffEdges(from, to);
}

/** A version's full edge set, by regulator then target (byte order, as JavaScript sorts). */
export async function loadVersionEdges(db: Reader, versionId: string): Promise<PriorEdge[]> {
  const rows = await db
    .select(edgeColumns)
    .from(priorEdges)
    .where(eq(priorEdges.versionId, versionId))
    .orderBy(byteOrder(priorEdges.regulator), byteOrder(priorEdges.target));
  return rows.map(toEdge);
}

/** The (regulator, target) key at `offset` in page order; no row (so no page) past the end. */
const nthKey = (versionId: string, offset: number) => sql`
  select regulator collate "C", target collate "C" from ${priorEdges} where version_id = ${versionId}
  order by regulator collate "C", target collate "C" offset ${offset} limit 1`;

/**
 * One page by regulator then target. `knownTotal` (a version's stored edge count) spares counting all of a
 * 500,000-edge version on every page, which cost more than the page itself.
 */
export async function pageVersionEdges(
  db: Reader,
  versionId: string,
  page: { gene?: string | null; offset: number; limit: number },
  knownTotal?: number,
): Promise<{ total: number; offset: number; edges: PriorEdge[] }> {
  const where = page.gene
    ? and(eq(priorEdges.versionId, versionId), or(eq(priorEdges.regulator, page.gene), eq(priorEdges.target, page.gene)))
    : eq(priorEdges.versionId, versionId);
  const total = knownTotal ?? (await db.select({ total: count() }).from(priorEdges).where(where))[0].total;
  // Deep unfiltered pages start at the offset-th key, found by an index-only scan of the primary key
  // (0.15 s at offset 499,900), instead of fetching and dropping every row before it (0.6 s).
  const deep = !page.gene && page.offset > 0;
  const rows = await db
    .select(edgeColumns)
    .from(priorEdges)
    .where(deep ? and(where, sql`(${byteOrder(priorEdges.regulator)}, ${byteOrder(priorEdges.target)}) >= (${nthKey(versionId, page.offset)})`) : where)
    .orderBy(byteOrder(priorEdges.regulator), byteOrder(priorEdges.target))
    .offset(deep ? 0 : page.offset)
    .limit(page.limit);
  return { total, offset: page.offset, edges: rows.map(toEdge) };
}

/** Genes named by a version's edges, sorted. */
export async function versionGenes(db: Database, versionId: string): Promise<string[]> {
  const result = await db.execute<{ gene: string }>(sql`
    select gene from (
      select regulator as gene from ${priorEdges} where version_id = ${versionId}
      union
      select target from ${priorEdges} where version_id = ${versionId}
    ) genes order by gene collate "C"`);
  return result.rows.map((r) => r.gene);
}

export async function countPriorRuns(db: Reader, priorId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(runs)
    .where(inArray(runs.priorVersionId, db.select({ id: priorVersions.id }).from(priorVersions).where(eq(priorVersions.priorId, priorId))));
  return row.n;
}

/** Locks the prior row so the head check and the new version happen as one step (concurrent edits wait here). */
export async function lockPrior(tx: Transaction, priorId: string) {
  const [prior] = await tx.select().from(priorNetworks).where(eq(priorNetworks.id, priorId)).for('update');
  if (!prior) throw notFound('Prior network');
  const [head] = prior.headVersionId
    ? await tx.select({ id: priorVersions.id, number: priorVersions.number }).from(priorVersions).where(eq(priorVersions.id, prior.headVersionId))
    : [];
  return { prior, head: head ?? null };
}

const priorEdgeColumns = (versionId: string): BulkColumn<PriorEdge>[] => [
  { name: 'version_id', type: 'uuid[]', value: () => versionId },
  { name: 'regulator', type: 'text[]', value: (e) => e.regulator },
  { name: 'target', type: 'text[]', value: (e) => e.target },
  { name: 'sign', type: 'smallint[]', value: (e) => e.sign },
  { name: 'weight', type: 'double precision[]', value: (e) => e.weight },
  { name: 'evidence', type: 'text[]', value: (e) => e.evidence },
];

export interface NewVersion {
  priorId: string;
  parent: { id: string; number: number } | null;
  kind: 'import' | 'edit' | 'revert' | 'review';
  message: string;
  authorId: string;
  /** The full edge set, or a version whose edges the new one copies (revert). */
  edges: PriorEdge[] | { copyOf: string; edgeCount: number };
}

/** Inserts the next version with its edges and makes it the head. Call with the prior locked. */
export async function insertVersion(tx: Transaction, v: NewVersion): Promise<{ id: string; number: number; edgeCount: number }> {
  const edgeCount = Array.isArray(v.edges) ? v.edges.length : v.edges.edgeCount;
  const number = (v.parent?.number ?? 0) + 1;
  const [version] = await tx
    .insert(priorVersions)
    .values({ priorId: v.priorId, number, parentId: v.parent?.id ?? null, message: v.message, kind: v.kind, edgeCount, authorId: v.authorId })
    .returning({ id: priorVersions.id });
  if (Array.isArray(v.edges)) {
    await bulkInsert(tx, 'prior_edges', priorEdgeColumns(version.id), v.edges);
  } else {
    await tx.execute(sql`
      insert into ${priorEdges} (version_id, regulator, target, sign, weight, evidence)
      select ${version.id}, regulator, target, sign, weight, evidence from ${priorEdges} where version_id = ${v.edges.copyOf}`);
  }
  await tx.update(priorNetworks).set({ headVersionId: version.id }).where(eq(priorNetworks.id, v.priorId));
  return { id: version.id, number, edgeCount };
}
