import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  edgeCommentRevisions,
  edgeComments,
  edgeReviews,
  goldStandardEdges,
  goldStandards,
  inferredEdges,
  memberships,
  priorNetworks,
  priorVersions,
  reviewVerdictChanges,
  reviewVerdicts,
  reviewVersionLinks,
  runs,
  users,
  type EvidenceEntry,
} from '@/db/schema';
import type { Transaction } from '../context';
import type { EdgeStatus, SettledStatus, VerdictKind } from './status';

/** Reading and writing review state; no authorisation here (see service.ts). */

type Reader = Pick<Database, 'select' | 'selectDistinct' | 'execute'>;

export interface EdgeKey {
  projectId: string;
  regulator: string;
  target: string;
}

export type EdgeRow = typeof edgeReviews.$inferSelect;

export async function findEdge(db: Reader, key: EdgeKey): Promise<EdgeRow | null> {
  const [row] = await db
    .select()
    .from(edgeReviews)
    .where(and(eq(edgeReviews.projectId, key.projectId), eq(edgeReviews.regulator, key.regulator), eq(edgeReviews.target, key.target)));
  return row ?? null;
}

export async function findEdgeById(db: Reader, id: string): Promise<EdgeRow | null> {
  const [row] = await db.select().from(edgeReviews).where(eq(edgeReviews.id, id));
  return row ?? null;
}

/**
 * The edge's row, created at version 0 when missing, locked until the transaction ends: every write on
 * one edge passes here, so concurrent writers queue and the second sees the first's version.
 */
export async function lockEdge(tx: Transaction, key: EdgeKey): Promise<EdgeRow>;
export async function lockEdge(tx: Transaction, key: EdgeKey, create: boolean): Promise<EdgeRow | null>;
export async function lockEdge(tx: Transaction, key: EdgeKey, create = true): Promise<EdgeRow | null> {
  const select = () =>
    tx
      .select()
      .from(edgeReviews)
      .where(and(eq(edgeReviews.projectId, key.projectId), eq(edgeReviews.regulator, key.regulator), eq(edgeReviews.target, key.target)))
      .for('update');
  const [found] = await select();
  if (found || !create) return found ?? null;
  await tx.insert(edgeReviews).values({ projectId: key.projectId, regulator: key.regulator, target: key.target }).onConflictDoNothing();
  const [row] = await select();
  return row;
}

export async function userName(db: Reader, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

export interface VerdictRecord {
  reviewerId: string;
  reviewerName: string | null;
  verdict: VerdictKind;
  reason: string | null;
  reasonNote: string | null;
  sign: number | null;
  evidence: EvidenceEntry[];
  runId: string | null;
  runName: string | null;
  effect: number | null;
  updatedAt: Date;
}

export async function listVerdicts(db: Reader, edgeIds: string[]): Promise<(VerdictRecord & { edgeId: string })[]> {
  if (!edgeIds.length) return [];
  return db
    .select({
      edgeId: reviewVerdicts.edgeId,
      reviewerId: reviewVerdicts.reviewerId,
      reviewerName: users.name,
      verdict: reviewVerdicts.verdict,
      reason: reviewVerdicts.reason,
      reasonNote: reviewVerdicts.reasonNote,
      sign: reviewVerdicts.sign,
      evidence: reviewVerdicts.evidence,
      runId: reviewVerdicts.runId,
      runName: runs.name,
      effect: reviewVerdicts.effect,
      updatedAt: reviewVerdicts.updatedAt,
    })
    .from(reviewVerdicts)
    .leftJoin(users, eq(users.id, reviewVerdicts.reviewerId))
    .leftJoin(runs, eq(runs.id, reviewVerdicts.runId))
    .where(inArray(reviewVerdicts.edgeId, edgeIds))
    .orderBy(asc(reviewVerdicts.createdAt), asc(reviewVerdicts.reviewerId));
}

export async function listChanges(db: Reader, edgeId: string) {
  return db
    .select({
      id: reviewVerdictChanges.id,
      reviewerId: reviewVerdictChanges.reviewerId,
      reviewerName: users.name,
      from: reviewVerdictChanges.fromVerdict,
      to: reviewVerdictChanges.toVerdict,
      reason: reviewVerdictChanges.reason,
      sign: reviewVerdictChanges.sign,
      evidence: reviewVerdictChanges.evidence,
      runId: reviewVerdictChanges.runId,
      runName: runs.name,
      effect: reviewVerdictChanges.effect,
      createdAt: reviewVerdictChanges.createdAt,
    })
    .from(reviewVerdictChanges)
    .leftJoin(users, eq(users.id, reviewVerdictChanges.reviewerId))
    .leftJoin(runs, eq(runs.id, reviewVerdictChanges.runId))
    .where(eq(reviewVerdictChanges.edgeId, edgeId))
    .orderBy(asc(reviewVerdictChanges.id));
}
export type VerdictChangeRecord = Awaited<ReturnType<typeof listChanges>>[number];

export interface VerdictWrite {
  verdict: VerdictKind;
  reason: string | null;
  reasonNote: string | null;
  sign: number | null;
  evidence: EvidenceEntry[];
  runId: string | null;
  effect: number | null;
}

type ReasonValue = (typeof reviewVerdicts.$inferInsert)['reason'];

/** Sets (or with `next` null withdraws) one reviewer's verdict and keeps the change. Returns the previous verdict. */
export async function writeVerdict(tx: Transaction, edgeId: string, reviewerId: string, next: VerdictWrite | null): Promise<VerdictKind | null> {
  const [previous] = await tx
    .select({ verdict: reviewVerdicts.verdict })
    .from(reviewVerdicts)
    .where(and(eq(reviewVerdicts.edgeId, edgeId), eq(reviewVerdicts.reviewerId, reviewerId)));
  if (next) {
    const values = { ...next, reason: next.reason as ReasonValue, updatedAt: new Date() };
    await tx
      .insert(reviewVerdicts)
      .values({ edgeId, reviewerId, ...values })
      .onConflictDoUpdate({ target: [reviewVerdicts.edgeId, reviewVerdicts.reviewerId], set: values });
  } else {
    await tx.delete(reviewVerdicts).where(and(eq(reviewVerdicts.edgeId, edgeId), eq(reviewVerdicts.reviewerId, reviewerId)));
  }
  await tx.insert(reviewVerdictChanges).values({
    edgeId,
    reviewerId,
    fromVerdict: previous?.verdict ?? null,
    toVerdict: next?.verdict ?? null,
    reason: (next?.reason ?? null) as ReasonValue,
    reasonNote: next?.reasonNote ?? null,
    sign: next?.sign ?? null,
    evidence: next?.evidence ?? [],
    runId: next?.runId ?? null,
    effect: next?.effect ?? null,
  });
  return previous?.verdict ?? null;
}

export async function currentVerdictKinds(tx: Reader, edgeId: string): Promise<{ reviewerId: string; verdict: VerdictKind }[]> {
  return tx.select({ reviewerId: reviewVerdicts.reviewerId, verdict: reviewVerdicts.verdict }).from(reviewVerdicts).where(eq(reviewVerdicts.edgeId, edgeId));
}

/** Reviewers who have ever given a verdict on the edge (current or withdrawn). */
export async function everReviewed(tx: Reader, edgeId: string): Promise<string[]> {
  const rows = await tx.selectDistinct({ id: reviewVerdictChanges.reviewerId }).from(reviewVerdictChanges).where(eq(reviewVerdictChanges.edgeId, edgeId));
  return rows.map((r) => r.id).filter((id): id is string => id !== null);
}

export async function saveEdgeState(
  tx: Transaction,
  edgeId: string,
  state: { status: EdgeStatus; version: number; verdictCount: number; actorId: string; settled?: { status: SettledStatus; note: string } | null },
) {
  const settlement =
    state.settled === undefined
      ? {}
      : state.settled
        ? { settledStatus: state.settled.status, settledNote: state.settled.note, settledBy: state.actorId, settledAt: new Date() }
        : { settledStatus: null, settledNote: null, settledBy: null, settledAt: null };
  await tx
    .update(edgeReviews)
    .set({ status: state.status, version: state.version, verdictCount: state.verdictCount, updatedBy: state.actorId, updatedAt: new Date(), ...settlement })
    .where(eq(edgeReviews.id, edgeId));
}

// ── genes and runs of a project ─────────────────────────────────────────────

/**
 * Whether the project knows a gene: named by one of its datasets, prior versions, gold standards or its
 * runs' inferred edges. Reviews of genes nobody in the project has heard of are typos.
 */
export async function projectKnowsGene(db: Reader, projectId: string, gene: string): Promise<boolean> {
  const result = await db.execute<{ known: boolean }>(sql`
    select (
      exists (select 1 from datasets d where d.project_id = ${projectId} and d.genes ? ${gene})
      or exists (select 1 from prior_edges pe join prior_versions pv on pv.id = pe.version_id join prior_networks pn on pn.id = pv.prior_id
                 where pn.project_id = ${projectId} and (pe.regulator = ${gene} or pe.target = ${gene}))
      or exists (select 1 from gold_standard_edges ge join gold_standards g on g.id = ge.gold_standard_id
                 where g.project_id = ${projectId} and (ge.regulator = ${gene} or ge.target = ${gene}))
      or exists (select 1 from inferred_edges ie join runs r on r.id = ie.run_id
                 where r.project_id = ${projectId} and (ie.regulator = ${gene} or ie.target = ${gene}))
    ) as known`);
  return Boolean(result.rows[0]?.known);
}

export async function runInProject(db: Reader, runId: string): Promise<{ id: string; projectId: string; priorVersionId: string | null; name: string } | null> {
  const [row] = await db
    .select({ id: runs.id, projectId: runs.projectId, priorVersionId: runs.priorVersionId, name: runs.name })
    .from(runs)
    .where(eq(runs.id, runId));
  return row ?? null;
}

export async function runEffect(db: Reader, runId: string, regulator: string, target: string): Promise<number | null> {
  const [row] = await db
    .select({ effect: inferredEdges.effect })
    .from(inferredEdges)
    .where(and(eq(inferredEdges.runId, runId), eq(inferredEdges.regulator, regulator), eq(inferredEdges.target, target)));
  return row?.effect ?? null;
}

/** The edge in every run of the project: its effect and rank there (null when pruned or absent). */
export async function edgeAcrossRuns(db: Reader, key: EdgeKey) {
  const result = await db.execute<{
    run_id: string;
    run_name: string;
    strategy: string;
    status: string;
    effect: number | null;
    rank: number | null;
    total_edges: number;
  }>(sql`
    select r.id as run_id, r.name as run_name, r.strategy, r.status, ie.effect, ie.rank,
      (select count(*)::int from inferred_edges c where c.run_id = r.id) as total_edges
    from runs r
    left join inferred_edges ie on ie.run_id = r.id and ie.regulator = ${key.regulator} and ie.target = ${key.target}
    where r.project_id = ${key.projectId}
    order by r.created_at desc, r.name`);
  return result.rows.map((r) => ({
    runId: r.run_id,
    runName: r.run_name,
    strategy: r.strategy,
    status: r.status,
    effect: r.effect === null ? null : Number(r.effect),
    rank: r.rank === null ? null : Number(r.rank),
    totalEdges: Number(r.total_edges),
    survived: r.effect !== null && Number(r.effect) !== 0,
  }));
}

/** Head versions of the project's priors that hold the edge. */
export async function headVersionsHolding(db: Reader, key: EdgeKey): Promise<string[]> {
  const rows = await db
    .select({ id: priorVersions.id })
    .from(priorNetworks)
    .innerJoin(priorVersions, eq(priorVersions.id, priorNetworks.headVersionId))
    .where(
      and(
        eq(priorNetworks.projectId, key.projectId),
        sql`exists (select 1 from prior_edges pe where pe.version_id = ${priorVersions.id} and pe.regulator = ${key.regulator} and pe.target = ${key.target})`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function goldStandardsHolding(db: Reader, key: EdgeKey): Promise<string[]> {
  const rows = await db
    .select({ id: goldStandards.id })
    .from(goldStandards)
    .innerJoin(goldStandardEdges, eq(goldStandardEdges.goldStandardId, goldStandards.id))
    .where(and(eq(goldStandards.projectId, key.projectId), eq(goldStandardEdges.regulator, key.regulator), eq(goldStandardEdges.target, key.target)));
  return rows.map((r) => r.id);
}

export async function versionLinks(db: Reader, edgeId: string) {
  return db
    .select({
      priorId: priorNetworks.id,
      priorName: priorNetworks.name,
      versionId: priorVersions.id,
      versionNumber: priorVersions.number,
      change: reviewVersionLinks.change,
    })
    .from(reviewVersionLinks)
    .innerJoin(priorVersions, eq(priorVersions.id, reviewVersionLinks.versionId))
    .innerJoin(priorNetworks, eq(priorNetworks.id, priorVersions.priorId))
    .where(eq(reviewVersionLinks.edgeId, edgeId))
    .orderBy(asc(priorVersions.createdAt));
}

// ── comments ────────────────────────────────────────────────────────────────

export type CommentRow = typeof edgeComments.$inferSelect;

export async function findComment(db: Reader, id: string) {
  const [row] = await db
    .select({ comment: edgeComments, regulator: edgeReviews.regulator, target: edgeReviews.target })
    .from(edgeComments)
    .innerJoin(edgeReviews, eq(edgeReviews.id, edgeComments.edgeId))
    .where(eq(edgeComments.id, id));
  return row ? { ...row.comment, regulator: row.regulator, target: row.target } : null;
}

export async function listComments(db: Reader, edgeId: string) {
  return db
    .select({ comment: edgeComments, authorName: users.name })
    .from(edgeComments)
    .leftJoin(users, eq(users.id, edgeComments.authorId))
    .where(eq(edgeComments.edgeId, edgeId))
    .orderBy(asc(edgeComments.createdAt), asc(edgeComments.id));
}

export async function commentRevisions(db: Reader, commentId: string) {
  return db
    .select({ body: edgeCommentRevisions.body, at: edgeCommentRevisions.writtenAt })
    .from(edgeCommentRevisions)
    .where(eq(edgeCommentRevisions.commentId, commentId))
    .orderBy(asc(edgeCommentRevisions.id));
}

export async function usersByIds(db: Reader, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt }).from(users).where(inArray(users.id, ids));
}

export async function projectMembers(db: Reader, projectId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId));
}
