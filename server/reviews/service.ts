import { recordAudit } from '../audit/service';
import type { ServiceContext, Transaction, Viewer } from '../context';
import { badInput, conflict, type DomainError } from '../errors';
import { emailNotifications, notify, type NewNotification } from '../notifications/service';
import { requireProjectRole, type ProjectRole } from '../authz/access';
import { requireInProject } from '../authz/in-project';
import { parseInput } from '../validation';
import { edgeStatus, type EdgeStatus, type SettledStatus } from './status';
import * as store from './store';
import {
  bulkVerdictInput,
  edgeInput,
  edgeWriteInput,
  setVerdictInput,
  settleInput,
  type BulkVerdictInput,
  type SetVerdictInput,
  type SettleInput,
} from './validation';

export interface ReviewedEdgeRecord {
  /** Opaque: "<projectId>:<regulator>:<target>". */
  id: string;
  projectId: string;
  regulator: string;
  target: string;
  /** Null while nothing was ever recorded on the edge. */
  edgeId: string | null;
  status: EdgeStatus;
  version: number;
  settlement: { status: SettledStatus; note: string; byId: string | null; byName: string | null; at: Date } | null;
}

/** Audit details spell statuses and verdicts as the GraphQL enums do, so activity can show them as they are. */
const upper = (v: string | null | undefined) => (v ? v.toUpperCase() : null);

export const edgeLabel = (regulator: string, target: string) => `${regulator}→${target}`;

async function toRecord(db: ServiceContext['db'], key: store.EdgeKey, row: store.EdgeRow | null): Promise<ReviewedEdgeRecord> {
  const base = { id: `${key.projectId}:${key.regulator}:${key.target}`, ...key };
  if (!row) return { ...base, edgeId: null, status: 'unreviewed', version: 0, settlement: null };
  const settlement =
    row.settledStatus && row.settledAt
      ? {
          status: row.settledStatus as SettledStatus,
          note: row.settledNote ?? '',
          byId: row.settledBy,
          byName: await store.userName(db, row.settledBy),
          at: row.settledAt,
        }
      : null;
  return { ...base, edgeId: row.id, status: row.status, version: row.version, settlement };
}

/**
 * Authorises, then checks the edge names genes the project knows (an edge already under review was
 * checked when it was first written). Returns the existing row, if any.
 */
export async function requireEdgeAccess(ctx: ServiceContext, raw: { projectId: string; regulator: string; target: string }, needed: ProjectRole) {
  const access = await requireProjectRole(ctx, raw.projectId, needed);
  const key = parseInput(edgeInput, raw);
  const existing = await store.findEdge(ctx.db, key);
  if (!existing) await requireKnownGenes(ctx, key);
  return { ...access, key, existing };
}

async function requireKnownGenes(ctx: ServiceContext, key: store.EdgeKey, known = new Set<string>(), fieldPrefix = '') {
  for (const field of ['regulator', 'target'] as const) {
    if (known.has(key[field])) continue;
    if (await store.projectKnowsGene(ctx.db, key.projectId, key[field])) known.add(key[field]);
    else {
      throw badInput(`Gene “${key[field]}” is not in this project (no dataset, prior, gold standard or run names it).`, { field: fieldPrefix + field });
    }
  }
}

export async function getReviewedEdge(ctx: ServiceContext, raw: { projectId: string; regulator: string; target: string }): Promise<ReviewedEdgeRecord> {
  const { key, existing } = await requireEdgeAccess(ctx, raw, 'viewer');
  return toRecord(ctx.db, key, existing);
}

export async function reviewedEdgeByKey(ctx: ServiceContext, key: store.EdgeKey): Promise<ReviewedEdgeRecord> {
  return toRecord(ctx.db, key, await store.findEdge(ctx.db, key));
}

// ── writes: every one names the version it saw ──────────────────────────────

async function staleVersion(tx: Transaction, edge: store.EdgeRow, expected: number): Promise<DomainError> {
  const who = (await store.userName(tx, edge.updatedBy)) ?? 'Someone';
  return conflict(
    `${who} changed ${edge.regulator} → ${edge.target} meanwhile (it is at version ${edge.version}; you saw version ${expected}). ` +
      'Reload the edge and try again.',
    { field: 'expectedVersion', expectedVersion: expected, currentVersion: edge.version, changedBy: who },
  );
}

interface EdgeChange {
  action: string;
  details: Record<string, unknown>;
  /** undefined: settlement unchanged; null: unsettled. */
  settled?: { status: SettledStatus; note: string } | null;
  notifyReviewers?: 'verdict' | 'settled';
}

/**
 * One write on one locked edge: checks the version, applies the change, derives the status by the rule,
 * bumps the version, audits, and stores notifications, all in `tx`. Returns the notifications to email.
 */
async function changeLockedEdge(
  tx: Transaction,
  viewer: Viewer,
  edge: store.EdgeRow,
  expectedVersion: number,
  apply: (edge: store.EdgeRow) => Promise<EdgeChange>,
): Promise<NewNotification[]> {
  if (edge.version !== expectedVersion) throw await staleVersion(tx, edge, expectedVersion);
  const change = await apply(edge);
  const verdicts = await store.currentVerdictKinds(tx, edge.id);
  const settled = change.settled === undefined ? (edge.settledStatus as SettledStatus | null) : (change.settled?.status ?? null);
  const status = edgeStatus(verdicts, settled);
  const version = edge.version + 1;
  await store.saveEdgeState(tx, edge.id, { status, version, verdictCount: verdicts.length, actorId: viewer.userId, settled: change.settled });
  await recordAudit(tx, {
    projectId: edge.projectId,
    actorId: viewer.userId,
    action: change.action,
    objectType: 'Edge',
    objectId: edgeLabel(edge.regulator, edge.target),
    details: { regulator: edge.regulator, target: edge.target, fromStatus: upper(edge.status), status: upper(status), version, ...change.details },
  });
  const reviewers = await store.everReviewed(tx, edge.id);
  const about = { projectId: edge.projectId, regulator: edge.regulator, target: edge.target, actorId: viewer.userId };
  const kind = status === 'disputed' && edge.status !== 'disputed' ? 'dispute' : change.notifyReviewers;
  return kind
    ? notify(
        tx,
        reviewers.map((userId) => ({ ...about, userId, kind })),
      )
    : [];
}

async function writeEdge(
  ctx: ServiceContext,
  viewer: Viewer,
  key: store.EdgeKey,
  expectedVersion: number,
  apply: (tx: Transaction, edge: store.EdgeRow) => Promise<EdgeChange>,
): Promise<ReviewedEdgeRecord> {
  const sent = await ctx.db.transaction(async (tx) => {
    const edge = await store.lockEdge(tx, key);
    return changeLockedEdge(tx, viewer, edge, expectedVersion, (e) => apply(tx, e));
  });
  void emailNotifications(ctx, sent);
  return reviewedEdgeByKey(ctx, key);
}

/** The run a verdict was judged on, and the edge's effect there; the run must be in the project. */
async function judgedOn(ctx: ServiceContext, projectId: string, runId: string | null | undefined, regulator: string, target: string) {
  if (!runId) return { runId: null, effect: null };
  await requireInProject(ctx, projectId, 'run', runId);
  return { runId, effect: await store.runEffect(ctx.db, runId, regulator, target) };
}

const verdictWrite = (
  v: {
    verdict: store.VerdictWrite['verdict'];
    reason?: string | null;
    reasonNote?: string | null;
    sign?: number | null;
    evidence: store.VerdictWrite['evidence'];
  },
  judged: { runId: string | null; effect: number | null },
): store.VerdictWrite => ({
  verdict: v.verdict,
  reason: v.verdict === 'rejected' ? (v.reason ?? null) : null,
  reasonNote: v.reasonNote || null,
  sign: v.sign ?? null,
  evidence: v.evidence,
  ...judged,
});

const verdictChange =
  (tx: Transaction, viewer: Viewer, write: store.VerdictWrite) =>
  async (edge: store.EdgeRow): Promise<EdgeChange> => {
    const previous = await store.writeVerdict(tx, edge.id, viewer.userId, write);
    return {
      action: 'review.verdict',
      details: {
        verdict: upper(write.verdict),
        from: upper(previous),
        to: upper(write.verdict),
        reason: upper(write.reason),
        sign: write.sign,
        evidence: write.evidence.length,
        runId: write.runId,
        effect: write.effect,
      },
      notifyReviewers: 'verdict',
    };
  };

export async function setVerdict(ctx: ServiceContext, input: SetVerdictInput): Promise<ReviewedEdgeRecord> {
  const { viewer, key } = await requireEdgeAccess(ctx, input, 'editor');
  const v = parseInput(setVerdictInput, input);
  const write = verdictWrite(v, await judgedOn(ctx, key.projectId, v.runId, key.regulator, key.target));
  return writeEdge(ctx, viewer, key, v.expectedVersion, (tx, edge) => verdictChange(tx, viewer, write)(edge));
}

export async function withdrawVerdict(ctx: ServiceContext, input: { projectId: string; regulator: string; target: string; expectedVersion: number }) {
  const { viewer, key, existing } = await requireEdgeAccess(ctx, input, 'editor');
  const v = parseInput(edgeWriteInput, input);
  if (!existing) throw badInput('You have no verdict on this edge to withdraw.', { field: 'regulator' });
  return writeEdge(ctx, viewer, key, v.expectedVersion, async (tx, edge) => {
    const mine = (await store.currentVerdictKinds(tx, edge.id)).find((r) => r.reviewerId === viewer.userId);
    if (!mine) throw badInput('You have no verdict on this edge to withdraw.', { field: 'regulator' });
    await store.writeVerdict(tx, edge.id, viewer.userId, null);
    return { action: 'review.withdraw', details: { from: upper(mine.verdict), to: null } };
  });
}

export async function settleEdge(ctx: ServiceContext, input: SettleInput) {
  const { viewer, key } = await requireEdgeAccess(ctx, input, 'owner');
  const v = parseInput(settleInput, input);
  return writeEdge(ctx, viewer, key, v.expectedVersion, async () => ({
    action: 'review.settle',
    details: { note: v.note },
    settled: { status: v.status, note: v.note },
    notifyReviewers: 'settled',
  }));
}

export async function unsettleEdge(ctx: ServiceContext, input: { projectId: string; regulator: string; target: string; expectedVersion: number }) {
  const { viewer, key, existing } = await requireEdgeAccess(ctx, input, 'owner');
  const v = parseInput(edgeWriteInput, input);
  if (!existing?.settledStatus) throw badInput('This edge is not settled.', { field: 'regulator' });
  return writeEdge(ctx, viewer, key, v.expectedVersion, async (_tx, edge) => {
    if (!edge.settledStatus) throw badInput('This edge is not settled.', { field: 'regulator' });
    return { action: 'review.unsettle', details: { was: upper(edge.settledStatus) }, settled: null };
  });
}

/**
 * One verdict on many edges. Bad input refuses the whole request; an edge whose version moved is
 * reported as a conflict and left alone while the others are written (one transaction, edges locked
 * in a fixed order so two bulk writers cannot deadlock).
 */
export async function bulkSetVerdict(ctx: ServiceContext, input: BulkVerdictInput) {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'editor');
  const v = parseInput(bulkVerdictInput, input);
  const keys = v.edges.map((e) => ({ projectId: v.projectId, regulator: e.regulator, target: e.target, expectedVersion: e.expectedVersion }));
  const seen = new Set<string>();
  const known = new Set<string>();
  for (const [i, k] of keys.entries()) {
    const label = edgeLabel(k.regulator, k.target);
    if (seen.has(label)) throw badInput(`The edge ${k.regulator} → ${k.target} is listed twice.`, { field: `edges.${i}` });
    seen.add(label);
    await requireKnownGenes(ctx, k, known, `edges.${i}.`);
  }
  if (v.runId) await judgedOn(ctx, v.projectId, v.runId, keys[0].regulator, keys[0].target);
  const writes = new Map<string, store.VerdictWrite>();
  for (const k of keys) writes.set(edgeLabel(k.regulator, k.target), verdictWrite(v, await judgedOn(ctx, v.projectId, v.runId, k.regulator, k.target)));
  const ordered = [...keys].sort((a, b) => (a.regulator + '\u0000' + a.target < b.regulator + '\u0000' + b.target ? -1 : 1));

  const conflicts: { regulator: string; target: string; message: string }[] = [];
  const written: store.EdgeKey[] = [];
  const sent = await ctx.db.transaction(async (tx) => {
    const all: NewNotification[] = [];
    for (const k of ordered) {
      const edge = await store.lockEdge(tx, k, k.expectedVersion === 0);
      if (!edge || edge.version !== k.expectedVersion) {
        const message = edge
          ? (await staleVersion(tx, edge, k.expectedVersion)).message
          : `Nothing was recorded on ${k.regulator} → ${k.target} yet (version 0; you named version ${k.expectedVersion}). Reload and try again.`;
        conflicts.push({ regulator: k.regulator, target: k.target, message });
        continue;
      }
      all.push(...(await changeLockedEdge(tx, viewer, edge, k.expectedVersion, verdictChange(tx, viewer, writes.get(edgeLabel(k.regulator, k.target))!))));
      written.push(k);
    }
    return all;
  });
  void emailNotifications(ctx, sent);
  const updated = await Promise.all(written.map((k) => reviewedEdgeByKey(ctx, { projectId: k.projectId, regulator: k.regulator, target: k.target })));
  return { updated, conflicts };
}
