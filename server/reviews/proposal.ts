import { and, eq, inArray } from 'drizzle-orm';
import { edgeReviews, reviewVersionLinks } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext } from '../context';
import { badInput } from '../errors';
import type { EdgeChange, PriorEdge, Sign } from '../priors/edges';
import { commitEdgeChanges, requireVersionRole } from '../priors/service';
import * as priorStore from '../priors/store';
import { parseInput } from '../validation';
import type { EdgeStatus } from './status';
import * as store from './store';
import { commitProposalInput, type CommitProposalInput } from './validation';

export interface ProposedEdgeChange {
  edgeId: string;
  regulator: string;
  target: string;
  sign: Sign;
  previousSign: Sign | null;
  evidence: string;
  status: EdgeStatus;
  reviewers: string[];
  verdicts: number;
}

export interface ReviewProposal {
  base: priorStore.PriorVersionRecord;
  isHead: boolean;
  add: ProposedEdgeChange[];
  remove: ProposedEdgeChange[];
  flip: ProposedEdgeChange[];
  rejectedKept: number;
}

/** The sign most verdicts that give one agree on; null when none give one or they tie. */
export function majoritySign(signs: (number | null)[]): Sign | null {
  const counts = new Map<number, number>();
  for (const s of signs) if (s !== null) counts.set(s, (counts.get(s) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return ranked[0][0] as Sign;
}

const effectSign = (v: store.VerdictRecord[]): Sign => majoritySign(v.map((x) => (x.effect ? Math.sign(x.effect) : null))) ?? 0;

/** What the prior edge's evidence says about the review: PMIDs, DOIs, databases, then who decided. */
function evidenceText(status: EdgeStatus, verdicts: store.VerdictRecord[]): string {
  const cited = new Set<string>();
  for (const v of verdicts) {
    for (const e of v.evidence) {
      if (e.kind === 'pmid') cited.add(`PMID:${e.value}`);
      else if (e.kind === 'doi') cited.add(`doi:${e.value}`);
      else if (e.kind === 'database') cited.add(e.value);
    }
  }
  const who = verdicts.map((v) => v.reviewerName ?? 'a former member').join(', ');
  return [...cited, `review: ${status} (${who})`].join('; ');
}

/**
 * The prior version the reviews argue for: accepted edges the base lacks are added, rejected ones it has
 * removed, signs reviewers judged wrong flipped. Disputed and needs-evidence edges are left alone;
 * rejected edges the base lacks stay out (negative knowledge), so no proposal re-adds them.
 */
export async function buildProposal(ctx: ServiceContext, base: priorStore.PriorVersionRecord, db = ctx.db): Promise<ReviewProposal> {
  const baseEdges = new Map((await priorStore.loadVersionEdges(db, base.id)).map((e) => [`${e.regulator}\u0000${e.target}`, e]));
  const decided = await db
    .select()
    .from(edgeReviews)
    .where(and(eq(edgeReviews.projectId, base.projectId), inArray(edgeReviews.status, ['accepted', 'rejected'])));
  const verdicts = await store.listVerdicts(
    db,
    decided.map((e) => e.id),
  );
  const byEdge = new Map<string, store.VerdictRecord[]>();
  for (const v of verdicts) byEdge.set(v.edgeId, [...(byEdge.get(v.edgeId) ?? []), v]);

  const proposal: ReviewProposal = { base, isHead: base.isHead, add: [], remove: [], flip: [], rejectedKept: 0 };
  for (const edge of decided) {
    const vs = byEdge.get(edge.id) ?? [];
    const inBase = baseEdges.get(`${edge.regulator}\u0000${edge.target}`);
    const judged = majoritySign(vs.map((v) => v.sign));
    const change = (sign: Sign, previousSign: Sign | null): ProposedEdgeChange => ({
      edgeId: edge.id,
      regulator: edge.regulator,
      target: edge.target,
      sign,
      previousSign,
      evidence: evidenceText(edge.status, vs),
      status: edge.status,
      reviewers: vs.map((v) => v.reviewerName ?? 'a former member'),
      verdicts: vs.length,
    });
    if (edge.status === 'accepted') {
      if (!inBase) proposal.add.push(change(judged ?? effectSign(vs), null));
      else if (judged !== null && judged !== inBase.sign) proposal.flip.push(change(judged, inBase.sign));
    } else if (!inBase) {
      proposal.rejectedKept++;
    } else {
      // Rejected as the wrong sign, with the right one given: a flip, or nothing once the prior has that sign.
      const wrongSign = judged !== null && vs.some((v) => v.verdict === 'rejected' && v.reason === 'wrong_sign' && v.sign !== null);
      if (!wrongSign) proposal.remove.push(change(inBase.sign, inBase.sign));
      else if (judged !== inBase.sign) proposal.flip.push(change(judged, inBase.sign));
    }
  }
  for (const list of [proposal.add, proposal.remove, proposal.flip]) {
    list.sort((a, b) => (a.regulator < b.regulator ? -1 : a.regulator > b.regulator ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  }
  return proposal;
}

export async function reviewProposal(ctx: ServiceContext, priorVersionId: string): Promise<ReviewProposal> {
  const { version } = await requireVersionRole(ctx, priorVersionId, 'viewer');
  return buildProposal(ctx, version);
}

const toChanges = (p: ReviewProposal, base: Map<string, PriorEdge>): EdgeChange[] => [
  ...p.add.map((c): EdgeChange => ({ op: 'add', regulator: c.regulator, target: c.target, sign: c.sign, evidence: c.evidence })),
  ...p.remove.map((c): EdgeChange => ({ op: 'remove', regulator: c.regulator, target: c.target })),
  ...p.flip.flatMap((c): EdgeChange[] => {
    const old = base.get(`${c.regulator}\u0000${c.target}`)?.evidence;
    const evidence = old ? `${old}; ${c.evidence}` : c.evidence;
    return [
      { op: 'set_sign', regulator: c.regulator, target: c.target, sign: c.sign },
      { op: 'set_evidence', regulator: c.regulator, target: c.target, evidence },
    ];
  }),
];

/**
 * Commits the proposal (minus the edges the editor trimmed) as the prior's next version, kind `review`,
 * and links each changed edge to it. The base must be the head: CONFLICT otherwise.
 */
export async function commitReviewProposal(ctx: ServiceContext, input: CommitProposalInput) {
  const { viewer, version: base } = await requireVersionRole(ctx, input.priorVersionId, 'editor');
  const v = parseInput(commitProposalInput, input);
  const excluded = new Set(v.exclude.map((e) => `${e.regulator}\u0000${e.target}`));
  const id = await ctx.db.transaction(async (tx) => {
    const full = await buildProposal(ctx, base, tx as unknown as ServiceContext['db']);
    const keep = (c: ProposedEdgeChange) => !excluded.has(`${c.regulator}\u0000${c.target}`);
    const p = { ...full, add: full.add.filter(keep), remove: full.remove.filter(keep), flip: full.flip.filter(keep) };
    const changed = [
      ...p.add.map((c) => ({ c, change: 'add' })),
      ...p.remove.map((c) => ({ c, change: 'remove' })),
      ...p.flip.map((c) => ({ c, change: 'flip' })),
    ];
    if (!changed.length) throw badInput('Nothing is left to commit: the proposal is empty or every edge was trimmed.', { field: 'exclude' });
    const verdictCount = changed.reduce((n, x) => n + x.c.verdicts, 0);
    const message = `${v.message} (from reviews: ${changed.length} edge${changed.length === 1 ? '' : 's'}, ${verdictCount} verdict${verdictCount === 1 ? '' : 's'})`;
    const baseEdges = new Map((await priorStore.loadVersionEdges(tx, base.id)).map((e) => [`${e.regulator}\u0000${e.target}`, e]));
    const { prior, version } = await commitEdgeChanges(tx, {
      base,
      actorId: viewer.userId,
      kind: 'review',
      message,
      changes: toChanges(p, baseEdges),
      auditDetails: { fromReviews: true },
    });
    await tx.insert(reviewVersionLinks).values(changed.map(({ c, change }) => ({ versionId: version.id, edgeId: c.edgeId, change })));
    await recordAudit(tx, {
      projectId: prior.projectId,
      actorId: viewer.userId,
      action: 'prior.version_from_reviews',
      objectType: 'prior_version',
      objectId: version.id,
      details: {
        priorId: prior.id,
        priorName: prior.name,
        versionId: version.id,
        versionNumber: version.number,
        fromVersionId: base.id,
        added: p.add.length,
        removed: p.remove.length,
        flipped: p.flip.length,
        trimmed: excluded.size,
        verdicts: verdictCount,
        edges: changed.map(({ c, change }) => `${change}:${c.regulator}→${c.target}`).slice(0, 200),
      },
    });
    return version.id;
  });
  return priorStore.requireVersion(ctx.db, id);
}
