/**
 * The review loop's GraphQL documents beside the panel's (types.ts), in one place so that
 * queries.test.ts can check every one of them against schema.graphql.
 */
import { graphql, type ResultOf } from '@/app/lib/graphql';
import { ACTIVITY_EVENT_FIELDS } from '../overview/types';

/** Unchanged prior edges drawn around a proposal, as in the version diff. */
export const PROPOSAL_NETWORK_EDGE_LIMIT = 1500;

export const UNREAD_COUNT = graphql(`query UnreadCount { unreadNotificationCount }`);

export const ACTIVITY_PAGE = graphql(
  `
  query ActivityPage($id: ID!, $offset: Int, $limit: Int, $actorId: ID, $kind: String, $gene: String) {
    project(id: $id) {
      members { user { id } name email status }
      activityPage(offset: $offset, limit: $limit, actorId: $actorId, kind: $kind, gene: $gene) {
        total offset limit
        items { ...ActivityEventFields }
      }
    }
  }
`,
  [ACTIVITY_EVENT_FIELDS],
);

export const SETTLE_EDGE = graphql(`mutation Settle($input: SettleEdgeInput!) { settleEdge(input: $input) { id } }`);

export const UNSETTLE_EDGE = graphql(`
  mutation Unsettle($projectId: ID!, $regulator: String!, $target: String!, $expectedVersion: Int!) {
    unsettleEdge(projectId: $projectId, regulator: $regulator, target: $target, expectedVersion: $expectedVersion) { id }
  }
`);

export const ADD_COMMENT = graphql(`mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id } }`);

export const EDIT_COMMENT = graphql(`mutation EditComment($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id } }`);

export const DELETE_COMMENT = graphql(`mutation DeleteComment($id: ID!) { deleteComment(id: $id) { id } }`);

export const RESOLVE_THREAD = graphql(
  `mutation ResolveThread($id: ID!, $resolved: Boolean!) { setThreadResolved(commentId: $id, resolved: $resolved) { id } }`,
);

export const REVIEW_CHOICES = graphql(`
  query ReviewChoices($projectId: ID!) {
    runs(projectId: $projectId, status: succeeded, limit: 500) { id name strategyLabel createdAt priorVersionId }
    goldStandards(projectId: $projectId) { id name }
  }
`);
export type RunChoice = ResultOf<typeof REVIEW_CHOICES>['runs'][number];

/** The pruning levels a run's queue can be opened at (Run.levels: only runs trained since issue 16 have them). */
export const RUN_LEVELS = graphql(
  `query QueueRunLevels($id: ID!) { run(id: $id) { id levels { level firstEpoch lastEpoch sparsity valMse edgeCount kept } } }`,
);
export type QueueLevel = ResultOf<typeof RUN_LEVELS>['run']['levels'][number];

export const WITHDRAW_VERDICT = graphql(`
  mutation Withdraw($projectId: ID!, $regulator: String!, $target: String!, $expectedVersion: Int!) {
    withdrawVerdict(projectId: $projectId, regulator: $regulator, target: $target, expectedVersion: $expectedVersion) { id }
  }
`);

export const REVIEW_PROPOSAL = graphql(`
  query ReviewProposal($id: ID!, $edgeLimit: Int!) {
    reviewProposal(priorVersionId: $id) {
      isHead rejectedKept
      add { regulator target sign previousSign evidence status reviewers }
      remove { regulator target sign previousSign evidence status reviewers }
      flip { regulator target sign previousSign evidence status reviewers }
    }
    priorVersion(id: $id) { edges(limit: $edgeLimit) { total edges { regulator target sign evidence } } }
  }
`);

export const COMMIT_REVIEW_PROPOSAL = graphql(`
  mutation CommitReviewProposal($input: CommitReviewProposalInput!) { commitReviewProposal(input: $input) { id number } }
`);

export const NOTIFICATIONS = graphql(`
  query Notifications($onlyUnread: Boolean, $offset: Int, $limit: Int) {
    notifications(onlyUnread: $onlyUnread, offset: $offset, limit: $limit) {
      total unread
      items { id kind projectId projectName regulator target actorName commentId excerpt createdAt read }
    }
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`mutation MarkRead($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`);
