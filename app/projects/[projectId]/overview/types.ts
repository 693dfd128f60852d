import { graphql, type ResultOf } from '@/app/lib/graphql';

/** One line of a project's history, on the overview and on the activity page. */
export const ACTIVITY_EVENT_FIELDS = graphql(`
  fragment ActivityEventFields on AuditEvent @_unmask { id action objectType objectId actorName details createdAt }
`);
export type ActivityEvent = ResultOf<typeof ACTIVITY_EVENT_FIELDS>;

export const PROJECT_OVERVIEW = graphql(
  `
  query ProjectOverview($id: ID!) {
    me { id }
    project(id: $id) {
      id name description myRole createdAt
      members { id status user { id } email name role since expiresAt }
      activity(limit: 20) { ...ActivityEventFields }
    }
  }
`,
  [ACTIVITY_EVENT_FIELDS],
);
export type OverviewData = ResultOf<typeof PROJECT_OVERVIEW>;
export type ProjectOverview = OverviewData['project'];
export type Member = ProjectOverview['members'][number];
