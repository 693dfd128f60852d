import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { ServiceContext } from '../context';
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

export async function listProjectActivity(ctx: ServiceContext, projectId: string, limit = 50) {
  await requireProjectRole(ctx, projectId, 'viewer');
  const capped = Math.min(Math.max(limit, 1), 500);
  return ctx.db.query.auditEvents.findMany({
    where: eq(auditEvents.projectId, projectId),
    orderBy: [desc(auditEvents.createdAt), desc(auditEvents.id)],
    limit: capped,
  });
}
