import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { badInput } from '../errors';
import { requireProjectRole } from '../projects/access';

export interface AuditEntry {
  projectId: string | null;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  details?: Record<string, unknown>;
}

type Executor = Pick<Database, 'insert'>;

/** Record a write. Call inside the same transaction as the write so neither exists without the other. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    projectId: entry.projectId,
    actorId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    details: entry.details ?? {},
  });
}

export type AuditEventRecord = typeof auditEvents.$inferSelect & { actorName: string | null };

/** Recent events of a project, newest first, with the actor's current name (null once the account is gone). */
export async function listProjectActivity(ctx: ServiceContext, projectId: string, limit = 20): Promise<AuditEventRecord[]> {
  await requireProjectRole(ctx, projectId, 'viewer');
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw badInput('The activity limit must be a whole number from 1 to 200.', { field: 'limit' });
  }
  const rows = await ctx.db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.projectId, projectId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.event, actorName: r.actorName }));
}
