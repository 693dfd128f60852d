import type { Database } from '@/db/client';
import type { ProjectRole } from './authz/access';
import type { Logger } from './log';

/** Who is calling: a signed-in browser session or a personal API token. */
export interface Viewer {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  /** The server-side session row of a browser session (see server/accounts/sessions.ts). */
  sessionId?: string;
}

/** Everything a service needs; built per request (GraphQL) or per job (workers, scripts). */
export interface ServiceContext {
  db: Database;
  viewer: Viewer | null;
  log: Logger;
  /** The caller's network address where a request has one (throttling); see server/auth/secret.ts. */
  clientAddress?: string | null;
  /**
   * Within one GraphQL query (never a mutation), the caller's role per project (null: not a member), so the
   * query's resolvers ask the database once per project instead of once per field (server/graphql/server.ts).
   */
  roles?: Map<string, Promise<ProjectRole | null>>;
}

/** The handle inside `db.transaction(async (tx) => …)`: writes and their audit events share it. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
