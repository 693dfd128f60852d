/** Shapes and queries of the review loop (contract: server/reviews/schema.ts). */
export type EdgeReviewStatus = 'UNREVIEWED' | 'ACCEPTED' | 'REJECTED' | 'NEEDS_EVIDENCE' | 'DISPUTED';
export type VerdictKind = 'ACCEPTED' | 'REJECTED' | 'NEEDS_EVIDENCE';
export type RejectionReason = 'WRONG_SIGN' | 'WRONG_DIRECTION' | 'INDIRECT' | 'NO_RELATION' | 'OTHER';
export type EvidenceKind = 'PMID' | 'DOI' | 'DATABASE' | 'TEXT';

export interface Evidence {
  kind: EvidenceKind;
  value: string;
  url: string | null;
}
export interface Verdict {
  reviewerId: string;
  reviewerName: string | null;
  verdict: VerdictKind;
  reason: RejectionReason | null;
  reasonNote: string | null;
  sign: number | null;
  evidence: Evidence[];
  runId: string | null;
  runName: string | null;
  effect: number | null;
  updatedAt: string;
}
export interface VerdictChange {
  id: string;
  reviewerId: string | null;
  reviewerName: string | null;
  from: VerdictKind | null;
  to: VerdictKind | null;
  reason: RejectionReason | null;
  sign: number | null;
  runId: string | null;
  runName: string | null;
  effect: number | null;
  createdAt: string;
}
export interface EdgeComment {
  id: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  deleted: boolean;
  edited: boolean;
  createdAt: string;
  editedAt: string | null;
  resolved: boolean;
  resolvedByName: string | null;
  mentions: { id: string; name: string }[];
  revisions: { body: string; at: string }[];
}
export interface EdgeInRun {
  runId: string;
  runName: string;
  strategy: string;
  status: string;
  effect: number | null;
  rank: number | null;
  totalEdges: number;
  survived: boolean;
}
export interface ReviewedEdge {
  id: string;
  projectId: string;
  regulator: string;
  target: string;
  status: EdgeReviewStatus;
  version: number;
  settlement: { status: EdgeReviewStatus; note: string; byId: string | null; byName: string | null; at: string } | null;
  verdicts: Verdict[];
  myVerdict: Verdict | null;
  history: VerdictChange[];
  comments: EdgeComment[];
  acrossRuns: EdgeInRun[];
  priorVersions: { priorId: string; priorName: string; versionId: string; versionNumber: number; change: string }[];
}

const VERDICT_FIELDS = `reviewerId reviewerName verdict reason reasonNote sign evidence { kind value url } runId runName effect updatedAt`;
export const COMMENT_FIELDS = `id parentId authorId authorName body deleted edited createdAt editedAt resolved resolvedByName
  mentions { id name } revisions { body at }`;
export const EDGE_FIELDS = `
  id projectId regulator target status version
  settlement { status note byId byName at }
  verdicts { ${VERDICT_FIELDS} }
  myVerdict { ${VERDICT_FIELDS} }
  history { id reviewerId reviewerName from to reason sign runId runName effect createdAt }
  comments { ${COMMENT_FIELDS} }
  acrossRuns { runId runName strategy status effect rank totalEdges survived }
  priorVersions { priorId priorName versionId versionNumber change }
`;

export const REVIEW_EDGE = /* GraphQL */ `
  query ReviewEdge($projectId: ID!, $regulator: String!, $target: String!) {
    me { id }
    runStrategies { strategy label }
    reviewEdge(projectId: $projectId, regulator: $regulator, target: $target) { ${EDGE_FIELDS} }
  }
`;

export interface EdgeRef {
  regulator: string;
  target: string;
}
export const edgeKey = (e: EdgeRef) => `${e.regulator}\u0000${e.target}`;

export interface ReviewQueueItem extends EdgeRef {
  effect: number;
  rank: number;
  confidence: number | null;
  inPrior: boolean;
  inGold: boolean | null;
  status: EdgeReviewStatus;
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

export const REVIEW_QUEUE = /* GraphQL */ `
  query ReviewQueue($projectId: ID!, $runId: ID!, $filter: ReviewQueueFilter, $order: ReviewQueueOrder, $offset: Int, $limit: Int) {
    reviewQueue(projectId: $projectId, runId: $runId, filter: $filter, order: $order, offset: $offset, limit: $limit) {
      total reviewed offset limit runEdges
      items { regulator target effect rank confidence inPrior inGold status version verdictCount commentCount myVerdict }
    }
  }
`;

export const SET_VERDICT = /* GraphQL */ `
  mutation SetVerdict($input: SetVerdictInput!) { setVerdict(input: $input) { ${EDGE_FIELDS} } }
`;
export const BULK_VERDICT = /* GraphQL */ `
  mutation BulkVerdict($input: BulkVerdictInput!) {
    bulkSetVerdict(input: $input) { updated { id regulator target status version } conflicts { regulator target message } }
  }
`;

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
