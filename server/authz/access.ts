import { and, eq } from 'drizzle-orm';
import { memberships, projects } from '@/db/schema';
import type { ServiceContext, Viewer } from '../context';
import { DomainError, forbidden, notFound, unauthenticated } from '../errors';
import { isUuid } from '../ids';

/**
 * App-wide authorisation: who may read or write what in a project. Outside every domain, so that each
 * domain (projects, audit, accounts, data, runs, reviews) depends on it and it depends on none of them.
 */
export type ProjectRole = 'owner' | 'editor' | 'viewer';

/** A service input addressed to a project: enough to authorise before the rest is validated. */
export type ProjectScoped = { projectId: string } & Record<string, unknown>;

const rank: Record<ProjectRole, number> = { viewer: 1, editor: 2, owner: 3 };

/** What each role may do; services ask for the least role an action needs. */
export const roleAllows = (role: ProjectRole, needed: ProjectRole): boolean => rank[role] >= rank[needed];

export function requireViewer(ctx: ServiceContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/**
 * The authorisation gate every project-scoped read and write passes through.
 * A project the caller is not a member of answers NOT_FOUND, so ids of other labs' projects
 * reveal nothing; a member with too small a role gets FORBIDDEN.
 */
export async function requireProjectRole(ctx: ServiceContext, projectId: string, needed: ProjectRole): Promise<{ viewer: Viewer; role: ProjectRole }> {
  const viewer = requireViewer(ctx);
  if (!isUuid(projectId)) throw notFound('Project');
  const role = await memberRole(ctx, projectId, viewer.userId);
  if (!role) throw notFound('Project');
  if (!roleAllows(role, needed)) {
    throw forbidden(`This needs the ${needed} role in the project; you are ${role === 'viewer' ? 'a' : 'an'} ${role}.`);
  }
  return { viewer, role };
}

/** The caller's role in the project, or null; once per project within a query (ServiceContext.roles). */
function memberRole(ctx: ServiceContext, projectId: string, userId: string): Promise<ProjectRole | null> {
  const cached = ctx.roles?.get(projectId);
  if (cached) return cached;
  const lookup = ctx.db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)))
    .limit(1)
    .then(([row]) => row?.role ?? null);
  ctx.roles?.set(projectId, lookup);
  return lookup;
}

/**
 * The gate for reads and writes addressed by an object's own id (an invitation, later a dataset or a run):
 * pass the project the object belongs to, or undefined when no such object exists. A missing object and
 * one in a project the caller is not in answer the same NOT_FOUND, so forged ids reveal nothing.
 */
export async function requireRoleForObject(
  ctx: ServiceContext,
  what: string,
  projectId: string | null | undefined,
  needed: ProjectRole,
): Promise<{ viewer: Viewer; role: ProjectRole }> {
  requireViewer(ctx);
  if (!projectId) throw notFound(what);
  try {
    return await requireProjectRole(ctx, projectId, needed);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') throw notFound(what);
    throw e;
  }
}
