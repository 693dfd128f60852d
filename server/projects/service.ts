import { desc, eq } from 'drizzle-orm';
import { memberships, projects } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { requireProjectRole, requireViewer, type ProjectRole } from '../authz/access';
import { createProjectInput, updateProjectInput } from './validation';

export type ProjectRecord = typeof projects.$inferSelect & { myRole: ProjectRole };

export async function createProject(ctx: ServiceContext, input: { name: string; description?: string | null }): Promise<ProjectRecord> {
  const viewer = requireViewer(ctx);
  const values = parseInput(createProjectInput, { ...input, description: input.description ?? undefined });
  return ctx.db.transaction(async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({ ...values, createdBy: viewer.userId })
      .returning();
    await tx.insert(memberships).values({ projectId: project.id, userId: viewer.userId, role: 'owner' });
    await recordAudit(tx, {
      projectId: project.id,
      actorId: viewer.userId,
      action: 'project.create',
      objectType: 'project',
      objectId: project.id,
      details: { name: project.name },
    });
    return { ...project, myRole: 'owner' as const };
  });
}

/** Renaming and re-describing a project is the owners' call; editors change its content. */
export async function updateProject(ctx: ServiceContext, id: string, input: { name?: string | null; description?: string | null }): Promise<ProjectRecord> {
  const { viewer, role } = await requireProjectRole(ctx, id, 'owner');
  const changes = parseInput(updateProjectInput, {
    name: input.name ?? undefined,
    description: input.description ?? undefined,
  });
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
    if (!before) throw notFound('Project');
    const [project] = await tx
      .update(projects)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(projects.id, id))
      .returning();
    const changed = Object.fromEntries((Object.keys(changes) as (keyof typeof changes)[]).map((k) => [k, { from: before[k], to: project[k] }]));
    await recordAudit(tx, { projectId: id, actorId: viewer.userId, action: 'project.update', objectType: 'project', objectId: id, details: changed });
    return { ...project, myRole: role };
  });
}

/** Deletes the project and everything in it; the audit event outlives it (project id kept in objectId). */
export async function deleteProject(ctx: ServiceContext, id: string): Promise<boolean> {
  const { viewer } = await requireProjectRole(ctx, id, 'owner');
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(projects).where(eq(projects.id, id)).returning({ name: projects.name });
    if (!deleted) throw notFound('Project');
    await recordAudit(tx, {
      projectId: null,
      actorId: viewer.userId,
      action: 'project.delete',
      objectType: 'project',
      objectId: id,
      details: { name: deleted.name },
    });
  });
  return true;
}

export async function getProject(ctx: ServiceContext, id: string): Promise<ProjectRecord> {
  const { role } = await requireProjectRole(ctx, id, 'viewer');
  const [project] = await ctx.db.select().from(projects).where(eq(projects.id, id));
  if (!project) throw notFound('Project');
  return { ...project, myRole: role };
}

/** The caller's projects, newest first, each with the caller's role. */
export async function listMyProjects(ctx: ServiceContext): Promise<ProjectRecord[]> {
  const viewer = requireViewer(ctx);
  const rows = await ctx.db
    .select({ project: projects, myRole: memberships.role })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(eq(memberships.userId, viewer.userId))
    .orderBy(desc(projects.createdAt), desc(projects.id));
  return rows.map((r) => ({ ...r.project, myRole: r.myRole }));
}
