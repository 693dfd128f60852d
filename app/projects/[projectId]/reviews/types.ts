/** Queries and shapes of the review loop (contract: server/reviews/schema.ts); the types come from the documents. */
import { type EnumOf, graphql, type ResultOf } from '@/app/lib/graphql';

export type EdgeReviewStatus = EnumOf<'EdgeReviewStatus'>;
export type VerdictKind = EnumOf<'VerdictKind'>;
export type RejectionReason = EnumOf<'RejectionReason'>;
export type EvidenceKind = EnumOf<'EvidenceKind'>;

const VERDICT_FIELDS = graphql(`
  fragment VerdictFields on Verdict @_unmask {
    reviewerId reviewerName verdict reason reasonNote sign evidence { kind value url } runId runName effect updatedAt
  }
`);
export const COMMENT_FIELDS = graphql(`
  fragment CommentFields on EdgeComment @_unmask {
    id parentId authorId authorName body deleted edited createdAt editedAt resolved resolvedByName
    mentions { id name } revisions { body at }
  }
`);
export const EDGE_FIELDS = graphql(
  `
  fragment ReviewEdgeFields on ReviewedEdge @_unmask {
    id projectId regulator target status version
    settlement { status note byId byName at }
    verdicts { ...VerdictFields }
    myVerdict { ...VerdictFields }
    history { id reviewerId reviewerName from to reason sign runId runName effect createdAt }
    comments { ...CommentFields }
    acrossRuns { runId runName strategy status effect rank totalEdges survived }
    priorVersions { priorId priorName versionId versionNumber change }
  }
`,
  [VERDICT_FIELDS, COMMENT_FIELDS],
);
export type ReviewedEdge = ResultOf<typeof EDGE_FIELDS>;
export type Verdict = ResultOf<typeof VERDICT_FIELDS>;
export type Evidence = Verdict['evidence'][number];
export type EdgeComment = ResultOf<typeof COMMENT_FIELDS>;

export const REVIEW_EDGE = graphql(
  `
  query ReviewEdge($projectId: ID!, $regulator: String!, $target: String!) {
    me { id }
    runStrategies { strategy label }
    project(id: $projectId) { members { email name status } }
    reviewEdge(projectId: $projectId, regulator: $regulator, target: $target) { ...ReviewEdgeFields }
  }
`,
  [EDGE_FIELDS],
);

export interface EdgeRef {
  regulator: string;
  target: string;
}
export const edgeKey = (e: EdgeRef) => `${e.regulator}\u0000${e.target}`;

export const REVIEW_QUEUE = graphql(`
  query ReviewQueue($projectId: ID!, $runId: ID!, $level: Int, $filter: ReviewQueueFilter, $order: ReviewQueueOrder, $offset: Int, $limit: Int) {
    reviewQueue(projectId: $projectId, runId: $runId, level: $level, filter: $filter, order: $order, offset: $offset, limit: $limit) {
      total reviewed offset limit runEdges
      items { regulator target effect rank confidence inPrior inGold status version verdictCount commentCount myVerdict }
    }
  }
`);
/** The same queue over one list of the run's replicate analysis (same page type). */
export const REPLICATE_LIST_QUEUE = graphql(`
  query ReplicateListQueue($projectId: ID!, $runId: ID!, $list: ReplicateList!, $filter: ReviewQueueFilter, $order: ReviewQueueOrder, $offset: Int, $limit: Int) {
    replicateListQueue(projectId: $projectId, runId: $runId, list: $list, filter: $filter, order: $order, offset: $offset, limit: $limit) {
      total reviewed offset limit runEdges
      items { regulator target effect rank confidence inPrior inGold status version verdictCount commentCount myVerdict }
    }
  }
`);
export type ReviewQueuePage = ResultOf<typeof REVIEW_QUEUE>['reviewQueue'];
export type ReviewQueueItem = ReviewQueuePage['items'][number];

export const SET_VERDICT = graphql(
  `
  mutation SetVerdict($input: SetVerdictInput!) { setVerdict(input: $input) { ...ReviewEdgeFields } }
`,
  [EDGE_FIELDS],
);
export const BULK_VERDICT = graphql(`
  mutation BulkVerdict($input: BulkVerdictInput!) {
    bulkSetVerdict(input: $input) { updated { id regulator target status version } conflicts { regulator target message } }
  }
`);

export const STATUS_LABELS: Record<EdgeReviewStatus, string> = {
  UNREVIEWED: 'unreviewed',
  ACCEPTED: 'accepted',
  REJECTED: 'rejected',
  NEEDS_EVIDENCE: 'needs evidence',
  DISPUTED: 'disputed',
};
export const STATUSES = Object.keys(STATUS_LABELS) as EdgeReviewStatus[];

export const VERDICT_LABELS: Record<VerdictKind, string> = { ACCEPTED: 'accepted', REJECTED: 'rejected', NEEDS_EVIDENCE: 'needs evidence' };

export const REASON_LABELS: Record<RejectionReason, string> = {
  WRONG_SIGN: 'wrong sign',
  WRONG_DIRECTION: 'wrong direction',
  INDIRECT: 'indirect (via a mediator)',
  NO_RELATION: 'no relation',
  OTHER: 'other',
};

export const EVIDENCE_DATABASES = ['YEASTRACT', 'SGD', 'RegulonDB', 'DoRothEA', 'TRRUST', 'ENCODE', 'JASPAR', 'STRING', 'other'] as const;
