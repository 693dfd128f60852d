import type { ProjectRole } from '@/app/lib/roles';

export interface Member {
  id: string;
  status: 'active' | 'pending';
  user: { id: string } | null;
  email: string;
  name: string | null;
  role: ProjectRole;
  since: string;
  expiresAt: string | null;
}

export interface ActivityEvent {
  id: string;
  action: string;
  objectType: string;
  objectId: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface ProjectOverview {
  id: string;
  name: string;
  description: string;
  myRole: ProjectRole;
  createdAt: string;
  members: Member[];
  activity: ActivityEvent[];
}

export interface OverviewData {
  me: { id: string } | null;
  project: ProjectOverview;
}

export const PROJECT_OVERVIEW = /* GraphQL */ `
  query ProjectOverview($id: ID!) {
    me { id }
    project(id: $id) {
      id name description myRole createdAt
      members { id status user { id } email name role since expiresAt }
      activity(limit: 20) { id action objectType objectId actorName details createdAt }
    }
  }
`;
