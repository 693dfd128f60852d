import type { ServiceContext, Viewer } from '@/server/context';
import type { Harness } from '../harness';

/** Who may use a field: anyone, any signed-in user, or the least project role it needs. */
export type Need = 'anyone' | 'signed-in' | 'viewer' | 'editor' | 'owner';

/** A fresh project per case, with an owner, a co-owner, an editor, a viewer and a pending invitation. */
export interface Fixture {
  h: Harness;
  projectId: string;
  invitationId: string;
  /** The pending invitation's link token. */
  invitationToken: string;
  users: Record<'owner' | 'coOwner' | 'editor' | 'viewer' | 'outsider', Viewer>;
  /** The caller of this case (null: anonymous). */
  actor: Viewer | null;
  /** The owner's service context, to create the objects a case needs (a dataset, a run, …). */
  owner: ServiceContext;
}

export interface Case {
  need: Need;
  /** The operation; it must select the field under test at the top level. */
  query: string;
  /** Prepares the objects the operation addresses (in the fixture's project) and returns its variables. */
  variables?: (f: Fixture) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** One file per domain in this folder, named `<domain>.cases.ts`, default-exporting its fields' cases. */
export type Cases = { Query?: Record<string, Case>; Mutation?: Record<string, Case> };
