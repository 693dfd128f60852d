/**
 * The review loop's GraphQL documents beside the panel's (types.ts), in one place so that
 * queries.test.ts can check every one of them against schema.graphql.
 */
/** Unchanged prior edges drawn around a proposal, as in the version diff. */
export const PROPOSAL_NETWORK_EDGE_LIMIT = 1500;

export const UNREAD_COUNT = /* GraphQL */ `query UnreadCount { unreadNotificationCount }`;

export const ACTIVITY_PAGE = /* GraphQL */ `
  query ActivityPage($id: ID!, $offset: Int, $limit: Int, $actorId: ID, $kind: String, $gene: String) {
    project(id: $id) {
      members { user { id } name email status }
      activityPage(offset: $offset, limit: $limit, actorId: $actorId, kind: $kind, gene: $gene) {
        total offset limit
        items { id action objectType objectId actorName details createdAt }
      }
    }
  }
`;

export const SETTLE_EDGE = /* GraphQL */ `mutation Settle($input: SettleEdgeInput!) { settleEdge(input: $input) { id } }`;

export const UNSETTLE_EDGE = /* GraphQL */ `
  mutation Unsettle($projectId: ID!, $regulator: String!, $target: String!, $expectedVersion: Int!) {
    unsettleEdge(projectId: $projectId, regulator: $regulator, target: $target, expectedVersion: $expectedVersion) { id }
  }
`;

export const ADD_COMMENT = /* GraphQL */ `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id } }`;

export const EDIT_COMMENT = /* GraphQL */ `mutation EditComment($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id } }`;

export const DELETE_COMMENT = /* GraphQL */ `mutation DeleteComment($id: ID!) { deleteComment(id: $id) { id } }`;

export const RESOLVE_THREAD = /* GraphQL */ `mutation ResolveThread($id: ID!, $resolved: Boolean!) { setThreadResolved(commentId: $id, resolved: $resolved) { id } }`;

export const REVIEW_CHOICES = /* GraphQL */ `
  query ReviewChoices($projectId: ID!) {
    runs(projectId: $projectId, status: succeeded, limit: 500) { id name strategyLabel createdAt priorVersionId }
    goldStandards(projectId: $projectId) { id name }
  }
`;

export const WITHDRAW_VERDICT = /* GraphQL */ `
  mutation Withdraw($projectId: ID!, $regulator: String!, $target: String!, $expectedVersion: Int!) {
    withdrawVerdict(projectId: $projectId, regulator: $regulator, target: $target, expectedVersion: $expectedVersion) { id }
  }
`;

export const REVIEW_PROPOSAL = /* GraphQL */ `
  query ReviewProposal($id: ID!) {
    reviewProposal(priorVersionId: $id) {
      isHead rejectedKept
      add { regulator target sign previousSign evidence status reviewers }
      remove { regulator target sign previousSign evidence status reviewers }
      flip { regulator target sign previousSign evidence status reviewers }
    }
    priorVersion(id: $id) { edges(limit: ${PROPOSAL_NETWORK_EDGE_LIMIT}) { total edges { regulator target sign evidence } } }
  }
`;

export const COMMIT_REVIEW_PROPOSAL = /* GraphQL */ `
  mutation CommitReviewProposal($input: CommitReviewProposalInput!) { commitReviewProposal(input: $input) { id number } }
`;

export const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($onlyUnread: Boolean, $offset: Int, $limit: Int) {
    notifications(onlyUnread: $onlyUnread, offset: $offset, limit: $limit) {
      total unread
      items { id kind projectId projectName regulator target actorName commentId excerpt createdAt read }
    }
  }
`;

export const MARK_NOTIFICATIONS_READ = /* GraphQL */ `mutation MarkRead($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`;
