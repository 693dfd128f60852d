import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { badInput } from '../errors';
import { isUuid } from '../ids';
import { requireProjectRole } from '../authz/access';

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

export interface ActivityFilter {
  offset?: number | null;
  limit?: number | null;
  actorId?: string | null;
  /** A family (`review` matches `review.verdict`, `review.settle`, …) or an exact action (`comment.add`). */
  kind?: string | null;
  /** Events about an edge with this regulator or target. */
  gene?: string | null;
}

/** The project's full history, newest first, one page at a time. */
export async function projectActivityPage(ctx: ServiceContext, projectId: string, f: ActivityFilter) {
  await requireProjectRole(ctx, projectId, 'viewer');
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 50;
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset is a whole number ≥ 0.', { field: 'offset' });
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badInput('The activity limit must be a whole number from 1 to 200.', { field: 'limit' });
  if (f.actorId && !isUuid(f.actorId)) throw badInput('actorId is not a user id.', { field: 'actorId' });
  const conditions: SQL[] = [eq(auditEvents.projectId, projectId)];
  if (f.actorId) conditions.push(eq(auditEvents.actorId, f.actorId));
  if (f.kind) conditions.push(sql`(${auditEvents.action} = ${f.kind} or ${auditEvents.action} like ${f.kind.replace(/[\\%_]/g, (c) => `\\${c}`) + '.%'})`);
  if (f.gene) conditions.push(sql`(${auditEvents.details}->>'regulator' = ${f.gene} or ${auditEvents.details}->>'target' = ${f.gene})`);
  const where = and(...conditions);
  const [{ total }] = await ctx.db.select({ total: count() }).from(auditEvents).where(where);
  const rows = await ctx.db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .offset(offset)
    .limit(limit);
  return { items: rows.map((r) => ({ ...r.event, actorName: r.actorName })), total, offset, limit };
}
