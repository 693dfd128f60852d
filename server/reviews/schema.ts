import { UserRef } from '../accounts/schema';
import { builder } from '../graphql/builder';
import { NetworkEdgeRef, RunStatusEnum, StrategyEnum } from '../runs/schema';
import type { Strategy } from '../runs/validation';
import { PriorVersionRef } from '../priors/schema';
import * as comments from './comments';
import * as proposal from './proposal';
import * as queue from './queue';
import * as reviews from './service';
import * as store from './store';
import { edgeStatuses, evidenceKinds, evidenceUrl, rejectionReasons, verdictKinds, type QueueInput } from './validation';

/** GraphQL names are upper case; the database and services use the lower-case values. */
const upperValues = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<string, { value: T }>;

export const EdgeReviewStatusEnum = builder.enumType('EdgeReviewStatus', {
  description:
    'The review status by the one rule (README “Reviewing edges”): settled by an owner, else DISPUTED when accepts and rejects meet, else ACCEPTED / REJECTED / NEEDS_EVIDENCE, else UNREVIEWED.',
  values: upperValues(edgeStatuses),
});
builder.objectField(NetworkEdgeRef, 'reviewStatus', (t) =>
  t.field({ type: EdgeReviewStatusEnum, description: 'The project’s review status of this edge.', resolve: (e) => e.reviewStatus }),
);

const VerdictKindEnum = builder.enumType('VerdictKind', { values: upperValues(verdictKinds) });
const RejectionReasonEnum = builder.enumType('RejectionReason', { values: upperValues(rejectionReasons) });
const EvidenceKindEnum = builder.enumType('EvidenceKind', { values: upperValues(evidenceKinds) });
const EdgeNoveltyEnum = builder.enumType('EdgeNovelty', { values: upperValues(['novel', 'in_prior'] as const) });
export const ReviewQueueOrderEnum = builder.enumType('ReviewQueueOrder', { values: upperValues(['effect', 'confidence'] as const) });

type EvidenceRecord = store.VerdictRecord['evidence'][number];
const EvidenceRef = builder.objectRef<EvidenceRecord>('Evidence').implement({
  fields: (t) => ({
    kind: t.field({ type: EvidenceKindEnum, resolve: (e) => e.kind }),
    value: t.exposeString('value'),
    url: t.string({ nullable: true, description: 'PubMed or doi.org link for PMID and DOI entries.', resolve: (e) => evidenceUrl(e) }),
  }),
});
const EvidenceInput = builder.inputType('EvidenceInput', {
  fields: (t) => ({
    kind: t.field({ type: EvidenceKindEnum, required: true }),
    value: t.string({
      required: true,
      description:
        'PMID: 1–9 digits. DOI: 10.NNNN/…. DATABASE: YEASTRACT, SGD, RegulonDB, DoRothEA, TRRUST, ENCODE, JASPAR, STRING or other, optionally “NAME:accession”. TEXT: ≤ 2000 characters.',
    }),
  }),
});

const VerdictRef = builder.objectRef<store.VerdictRecord>('Verdict').implement({
  fields: (t) => ({
    reviewerId: t.exposeID('reviewerId'),
    reviewerName: t.exposeString('reviewerName', { nullable: true }),
    verdict: t.field({ type: VerdictKindEnum, resolve: (v) => v.verdict }),
    reason: t.field({ type: RejectionReasonEnum, nullable: true, resolve: (v) => v.reason as never }),
    reasonNote: t.exposeString('reasonNote', { nullable: true }),
    sign: t.exposeInt('sign', { nullable: true }),
    evidence: t.field({ type: [EvidenceRef], resolve: (v) => v.evidence }),
    runId: t.exposeID('runId', { nullable: true }),
    runName: t.exposeString('runName', { nullable: true }),
    effect: t.exposeFloat('effect', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const VerdictChangeRef = builder.objectRef<store.VerdictChangeRecord>('VerdictChange').implement({
  fields: (t) => ({
    id: t.id({ resolve: (c) => String(c.id) }),
    reviewerId: t.exposeID('reviewerId', { nullable: true }),
    reviewerName: t.exposeString('reviewerName', { nullable: true }),
    from: t.field({ type: VerdictKindEnum, nullable: true, description: 'Null: the reviewer’s first verdict.', resolve: (c) => c.from }),
    to: t.field({ type: VerdictKindEnum, nullable: true, description: 'Null: withdrawn.', resolve: (c) => c.to }),
    reason: t.field({ type: RejectionReasonEnum, nullable: true, resolve: (c) => c.reason as never }),
    sign: t.exposeInt('sign', { nullable: true }),
    evidence: t.field({ type: [EvidenceRef], resolve: (c) => c.evidence }),
    runId: t.exposeID('runId', { nullable: true }),
    runName: t.exposeString('runName', { nullable: true }),
    effect: t.exposeFloat('effect', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

type Settlement = NonNullable<reviews.ReviewedEdgeRecord['settlement']>;
const SettlementRef = builder.objectRef<Settlement>('Settlement').implement({
  fields: (t) => ({
    status: t.field({ type: EdgeReviewStatusEnum, resolve: (s) => s.status }),
    note: t.exposeString('note'),
    byId: t.exposeID('byId', { nullable: true }),
    byName: t.exposeString('byName', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

const CommentRevisionRef = builder.objectRef<{ body: string; at: Date }>('CommentRevision').implement({
  fields: (t) => ({ body: t.exposeString('body'), at: t.expose('at', { type: 'DateTime', description: 'When this body was written.' }) }),
});

export const EdgeCommentRef = builder.objectRef<comments.CommentRecord>('EdgeComment').implement({
  description: 'A comment on an edge. Bodies are plain text: render them as text, never as HTML.',
  fields: (t) => ({
    id: t.exposeID('id'),
    parentId: t.exposeID('parentId', { nullable: true, description: 'The thread’s first comment; null on a thread root.' }),
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    authorId: t.exposeID('authorId', { nullable: true }),
    authorName: t.exposeString('authorName', { nullable: true }),
    body: t.exposeString('body', { description: '"" once deleted.' }),
    deleted: t.exposeBoolean('deleted'),
    edited: t.exposeBoolean('edited'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    editedAt: t.expose('editedAt', { type: 'DateTime', nullable: true }),
    resolved: t.exposeBoolean('resolved', { description: 'Meaningful on thread roots.' }),
    resolvedByName: t.string({ nullable: true, resolve: (c, _a, ctx) => store.userName(ctx.db, c.resolvedBy) }),
    mentions: t.field({ type: [UserRef], resolve: (c, _a, ctx) => store.usersByIds(ctx.db, c.mentionIds) }),
    revisions: t.field({
      type: [CommentRevisionRef],
      description: 'Earlier bodies, oldest first (those of a deleted comment: only for its author and owners).',
      resolve: (c, _a, ctx) => comments.commentRevisions(ctx, c),
    }),
  }),
});

const EdgeInRunRef = builder.objectRef<Awaited<ReturnType<typeof store.edgeAcrossRuns>>[number]>('EdgeInRun').implement({
  description: 'The same edge in one run of the project.',
  fields: (t) => ({
    runId: t.exposeID('runId'),
    runName: t.exposeString('runName'),
    strategy: t.field({ type: StrategyEnum, resolve: (r) => r.strategy as Strategy }),
    status: t.field({ type: RunStatusEnum, resolve: (r) => r.status as never }),
    effect: t.exposeFloat('effect', { nullable: true, description: 'Null when the run has no such nonzero edge.' }),
    rank: t.exposeInt('rank', { nullable: true }),
    totalEdges: t.exposeInt('totalEdges'),
    survived: t.exposeBoolean('survived', { description: 'Nonzero effect in the kept model.' }),
  }),
});

const EdgeVersionLinkRef = builder.objectRef<Awaited<ReturnType<typeof store.versionLinks>>[number]>('EdgeVersionLink').implement({
  fields: (t) => ({
    priorId: t.exposeID('priorId'),
    priorName: t.exposeString('priorName'),
    versionId: t.exposeID('versionId'),
    versionNumber: t.exposeInt('versionNumber'),
    change: t.exposeString('change', { description: '`add`, `remove` or `flip`.' }),
  }),
});

export const ReviewedEdgeRef = builder.objectRef<reviews.ReviewedEdgeRecord>('ReviewedEdge').implement({
  description: 'An edge (regulator → target) under review in a project: one decision across all its runs and prior versions.',
  fields: (t) => ({
    id: t.exposeID('id'),
    projectId: t.exposeID('projectId'),
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    status: t.field({ type: EdgeReviewStatusEnum, resolve: (e) => e.status }),
    version: t.exposeInt('version', { description: '0 before anything was recorded; writes name it as expectedVersion.' }),
    settlement: t.field({ type: SettlementRef, nullable: true, resolve: (e) => e.settlement }),
    verdicts: t.field({ type: [VerdictRef], resolve: (e, _a, ctx) => (e.edgeId ? store.listVerdicts(ctx.db, [e.edgeId]) : []) }),
    myVerdict: t.field({
      type: VerdictRef,
      nullable: true,
      resolve: async (e, _a, ctx) =>
        (e.edgeId ? (await store.listVerdicts(ctx.db, [e.edgeId])).find((v) => v.reviewerId === ctx.viewer?.userId) : null) ?? null,
    }),
    history: t.field({
      type: [VerdictChangeRef],
      description: 'Every verdict change, oldest first.',
      resolve: (e, _a, ctx) => (e.edgeId ? store.listChanges(ctx.db, e.edgeId) : []),
    }),
    comments: t.field({
      type: [EdgeCommentRef],
      description: 'Flat, oldest first; nest by parentId.',
      resolve: (e, _a, ctx) => comments.listEdgeComments(ctx, e),
    }),
    acrossRuns: t.field({ type: [EdgeInRunRef], resolve: (e, _a, ctx) => store.edgeAcrossRuns(ctx.db, e) }),
    priorVersions: t.field({
      type: [EdgeVersionLinkRef],
      description: 'Prior versions committed from reviews that changed this edge.',
      resolve: (e, _a, ctx) => (e.edgeId ? store.versionLinks(ctx.db, e.edgeId) : []),
    }),
    inPriorVersionIds: t.idList({
      description: 'Head versions of the project’s priors that hold the edge.',
      resolve: (e, _a, ctx) => store.headVersionsHolding(ctx.db, e),
    }),
    goldStandardIds: t.idList({ resolve: (e, _a, ctx) => store.goldStandardsHolding(ctx.db, e) }),
  }),
});

// ── queue ───────────────────────────────────────────────────────────────────

export const ReviewQueueFilter = builder.inputType('ReviewQueueFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [EdgeReviewStatusEnum], description: 'Default: all.' }),
    gene: t.string({ description: 'Regulator or target.' }),
    novelty: t.field({ type: EdgeNoveltyEnum, description: 'NOVEL: not in priorVersionId; IN_PRIOR: in it.' }),
    priorVersionId: t.id({ description: 'Default: the run’s prior version.' }),
    goldStandardId: t.id(),
    inGold: t.boolean(),
  }),
});

const ReviewQueueItemRef = builder.objectRef<queue.ReviewQueueItem>('ReviewQueueItem').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    effect: t.exposeFloat('effect'),
    rank: t.exposeInt('rank'),
    confidence: t.exposeFloat('confidence', {
      nullable: true,
      description:
        'Share of replicate runs (same setup, other seeds) that kept the edge; null without replicates. In a replicate list’s queue, the list’s confidence.',
    }),
    inPrior: t.exposeBoolean('inPrior'),
    inGold: t.exposeBoolean('inGold', { nullable: true, description: 'Null when no gold standard was chosen.' }),
    status: t.field({ type: EdgeReviewStatusEnum, resolve: (i) => i.status }),
    version: t.exposeInt('version'),
    verdictCount: t.exposeInt('verdictCount'),
    commentCount: t.exposeInt('commentCount'),
    myVerdict: t.field({ type: VerdictKindEnum, nullable: true, resolve: (i) => i.myVerdict }),
  }),
});

export const ReviewQueuePageRef = builder.objectRef<queue.ReviewQueuePage>('ReviewQueuePage').implement({
  fields: (t) => ({
    items: t.field({ type: [ReviewQueueItemRef], resolve: (p) => p.items }),
    total: t.exposeInt('total', { description: 'Edges matching the filter.' }),
    reviewed: t.exposeInt('reviewed', { description: 'Of those, edges whose status is not UNREVIEWED.' }),
    offset: t.exposeInt('offset'),
    limit: t.exposeInt('limit'),
    runEdges: t.exposeInt('runEdges', { description: 'All inferred edges of the run (of the level, or of the replicate list, in those queues).' }),
  }),
});

type FilterArg =
  | {
      statuses?: (typeof edgeStatuses)[number][] | null;
      gene?: string | null;
      novelty?: 'novel' | 'in_prior' | null;
      priorVersionId?: string | number | null;
      goldStandardId?: string | number | null;
      inGold?: boolean | null;
    }
  | null
  | undefined;

/** The queue filter's GraphQL argument as the service takes it (ids as strings); shared with the replicate lists' queue. */
export function queueFilterArg(f: FilterArg): QueueInput['filter'] {
  return (
    f && {
      statuses: f.statuses,
      gene: f.gene,
      novelty: f.novelty,
      priorVersionId: f.priorVersionId == null ? null : String(f.priorVersionId),
      goldStandardId: f.goldStandardId == null ? null : String(f.goldStandardId),
      inGold: f.inGold,
    }
  );
}

builder.queryFields((t) => ({
  reviewQueue: t.field({
    type: ReviewQueuePageRef,
    description:
      'Viewers. A run’s inferred edges with their review state, paged on the server; with `level`, the network of that pruning level (Run.levels) instead.',
    args: {
      projectId: t.arg.id({ required: true }),
      runId: t.arg.id({ required: true }),
      level: t.arg.int({ description: 'A pruning level of the run (Run.levels); default: the kept model’s network.' }),
      filter: t.arg({ type: ReviewQueueFilter }),
      order: t.arg({ type: ReviewQueueOrderEnum, defaultValue: 'effect' }),
      offset: t.arg.int({ defaultValue: 0 }),
      limit: t.arg.int({ defaultValue: 50, description: '1 to 200' }),
    },
    resolve: (_r, a, ctx) =>
      queue.reviewQueue(ctx, {
        projectId: String(a.projectId),
        runId: String(a.runId),
        filter: queueFilterArg(a.filter),
        order: a.order ?? undefined,
        level: a.level,
        offset: a.offset ?? undefined,
        limit: a.limit ?? undefined,
      }),
  }),
  reviewEdge: t.field({
    type: ReviewedEdgeRef,
    args: { projectId: t.arg.id({ required: true }), regulator: t.arg.string({ required: true }), target: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => reviews.getReviewedEdge(ctx, { projectId: String(a.projectId), regulator: a.regulator, target: a.target }),
  }),
}));

// ── writes ──────────────────────────────────────────────────────────────────

const SetVerdictInput = builder.inputType('SetVerdictInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    regulator: t.string({ required: true }),
    target: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
    verdict: t.field({ type: VerdictKindEnum, required: true }),
    reason: t.field({ type: RejectionReasonEnum, description: 'Required with REJECTED.' }),
    reasonNote: t.string({ description: 'Required when reason is OTHER.' }),
    sign: t.int({ description: 'The judged sign: 1, -1 or 0.' }),
    evidence: t.field({ type: [EvidenceInput] }),
    runId: t.id({ description: 'The run the verdict was judged on (its effect is kept with the verdict).' }),
  }),
});

const EdgeRefInput = builder.inputType('EdgeRefInput', {
  fields: (t) => ({ regulator: t.string({ required: true }), target: t.string({ required: true }), expectedVersion: t.int({ required: true }) }),
});

const BulkVerdictInput = builder.inputType('BulkVerdictInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    runId: t.id(),
    edges: t.field({ type: [EdgeRefInput], required: true, description: 'At most 500.' }),
    verdict: t.field({ type: VerdictKindEnum, required: true }),
    reason: t.field({ type: RejectionReasonEnum }),
    reasonNote: t.string(),
    evidence: t.field({ type: [EvidenceInput] }),
  }),
});

const EdgeConflictRef = builder.objectRef<{ regulator: string; target: string; message: string }>('EdgeConflict').implement({
  fields: (t) => ({ regulator: t.exposeString('regulator'), target: t.exposeString('target'), message: t.exposeString('message') }),
});

const BulkVerdictResultRef = builder.objectRef<Awaited<ReturnType<typeof reviews.bulkSetVerdict>>>('BulkVerdictResult').implement({
  fields: (t) => ({
    updated: t.field({ type: [ReviewedEdgeRef], resolve: (r) => r.updated }),
    conflicts: t.field({
      type: [EdgeConflictRef],
      description: 'Edges changed by someone else since you loaded them; left as they were.',
      resolve: (r) => r.conflicts,
    }),
  }),
});

const SettleEdgeInput = builder.inputType('SettleEdgeInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    regulator: t.string({ required: true }),
    target: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
    status: t.field({ type: EdgeReviewStatusEnum, required: true, description: 'ACCEPTED or REJECTED.' }),
    note: t.string({ required: true }),
  }),
});

const AddCommentInput = builder.inputType('AddCommentInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    regulator: t.string({ required: true }),
    target: t.string({ required: true }),
    body: t.string({ required: true, description: '1 to 10000 characters, plain text; @email or @local-part mentions members.' }),
    parentId: t.id({ description: 'Reply to this comment’s thread.' }),
    runId: t.id(),
  }),
});

const edgeArgs = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => ({
  projectId: t.arg.id({ required: true }),
  regulator: t.arg.string({ required: true }),
  target: t.arg.string({ required: true }),
  expectedVersion: t.arg.int({ required: true }),
});

builder.mutationFields((t) => ({
  setVerdict: t.field({
    type: ReviewedEdgeRef,
    args: { input: t.arg({ type: SetVerdictInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      reviews.setVerdict(ctx, {
        ...input,
        projectId: String(input.projectId),
        runId: input.runId == null ? null : String(input.runId),
        evidence: input.evidence ?? undefined,
      }),
  }),
  withdrawVerdict: t.field({
    type: ReviewedEdgeRef,
    args: edgeArgs(t),
    resolve: (_r, a, ctx) => reviews.withdrawVerdict(ctx, { ...a, projectId: String(a.projectId) }),
  }),
  bulkSetVerdict: t.field({
    type: BulkVerdictResultRef,
    args: { input: t.arg({ type: BulkVerdictInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      reviews.bulkSetVerdict(ctx, {
        ...input,
        projectId: String(input.projectId),
        runId: input.runId == null ? null : String(input.runId),
        evidence: input.evidence ?? undefined,
      }),
  }),
  settleEdge: t.field({
    type: ReviewedEdgeRef,
    description: 'Owners: fix the edge’s status (ACCEPTED or REJECTED) with a note, whatever the verdicts say.',
    args: { input: t.arg({ type: SettleEdgeInput, required: true }) },
    resolve: (_r, { input }, ctx) => reviews.settleEdge(ctx, { ...input, projectId: String(input.projectId), status: input.status as never }),
  }),
  unsettleEdge: t.field({
    type: ReviewedEdgeRef,
    args: edgeArgs(t),
    resolve: (_r, a, ctx) => reviews.unsettleEdge(ctx, { ...a, projectId: String(a.projectId) }),
  }),
  addComment: t.field({
    type: EdgeCommentRef,
    args: { input: t.arg({ type: AddCommentInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      comments.addComment(ctx, {
        ...input,
        projectId: String(input.projectId),
        parentId: input.parentId == null ? null : String(input.parentId),
        runId: input.runId == null ? null : String(input.runId),
      }),
  }),
  editComment: t.field({
    type: EdgeCommentRef,
    description: 'The author only; the earlier body stays in revisions.',
    args: { id: t.arg.id({ required: true }), body: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => comments.editComment(ctx, String(a.id), a.body),
  }),
  deleteComment: t.field({
    type: EdgeCommentRef,
    description: 'The author or an owner; a soft delete, the body stays in revisions.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => comments.deleteComment(ctx, String(a.id)),
  }),
  setThreadResolved: t.field({
    type: EdgeCommentRef,
    args: { commentId: t.arg.id({ required: true }), resolved: t.arg.boolean({ required: true }) },
    resolve: (_r, a, ctx) => comments.setThreadResolved(ctx, String(a.commentId), a.resolved),
  }),
}));

// ── proposal into the prior ─────────────────────────────────────────────────

const ProposedEdgeChangeRef = builder.objectRef<proposal.ProposedEdgeChange>('ProposedEdgeChange').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    sign: t.exposeInt('sign', { description: 'After the change (add: the judged sign, else the sign of the effect reviewers judged on).' }),
    previousSign: t.exposeInt('previousSign', { nullable: true, description: 'flip and remove.' }),
    evidence: t.exposeString('evidence', { description: 'Written into the prior edge’s evidence (PMIDs, DOIs, databases, “review: …”).' }),
    status: t.field({ type: EdgeReviewStatusEnum, resolve: (c) => c.status }),
    reviewers: t.stringList({ resolve: (c) => c.reviewers }),
  }),
});

const ReviewProposalRef = builder.objectRef<proposal.ReviewProposal>('ReviewProposal').implement({
  description: 'The prior version the reviews argue for, relative to `base`.',
  fields: (t) => ({
    base: t.field({ type: PriorVersionRef, resolve: (p) => p.base }),
    isHead: t.exposeBoolean('isHead', { description: 'Only a proposal on the head version can be committed.' }),
    add: t.field({ type: [ProposedEdgeChangeRef], description: 'ACCEPTED edges the base lacks.', resolve: (p) => p.add }),
    remove: t.field({ type: [ProposedEdgeChangeRef], description: 'REJECTED edges the base has.', resolve: (p) => p.remove }),
    flip: t.field({ type: [ProposedEdgeChangeRef], description: 'Base edges whose judged sign differs from the base’s.', resolve: (p) => p.flip }),
    rejectedKept: t.exposeInt('rejectedKept', { description: 'REJECTED edges the base lacks: kept out as negative knowledge.' }),
  }),
});

const EdgeRefNoVersionInput = builder.inputType('EdgeRefNoVersionInput', {
  fields: (t) => ({ regulator: t.string({ required: true }), target: t.string({ required: true }) }),
});

const CommitReviewProposalInput = builder.inputType('CommitReviewProposalInput', {
  fields: (t) => ({
    priorVersionId: t.id({ required: true, description: 'Must be the head version, else CONFLICT.' }),
    message: t.string({ required: true }),
    exclude: t.field({ type: [EdgeRefNoVersionInput], description: 'Edges trimmed from the proposal.' }),
  }),
});

builder.queryField('reviewProposal', (t) =>
  t.field({
    type: ReviewProposalRef,
    args: { priorVersionId: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => proposal.reviewProposal(ctx, String(a.priorVersionId)),
  }),
);

builder.mutationField('commitReviewProposal', (t) =>
  t.field({
    type: PriorVersionRef,
    description: 'A new prior version (kind `review`) from the proposal minus `exclude`; each changed edge links to it.',
    args: { input: t.arg({ type: CommitReviewProposalInput, required: true }) },
    resolve: (_r, { input }, ctx) => proposal.commitReviewProposal(ctx, { ...input, priorVersionId: String(input.priorVersionId) }),
  }),
);
