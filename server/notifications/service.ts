import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberships, notifications, projects, users } from '@/db/schema';
import type { ServiceContext, Transaction } from '../context';
import { env } from '../env';
import { badInput } from '../errors';
import { sendMails, type MailMessage } from '../mail/mailer';
import { isUuid } from '../ids';
import { requireViewer } from '../authz/access';

export type NotificationKind = 'mention' | 'reply' | 'verdict' | 'dispute' | 'settled';

export interface NewNotification {
  userId: string;
  projectId: string;
  kind: NotificationKind;
  regulator: string;
  target: string;
  actorId: string;
  commentId?: string | null;
  excerpt?: string | null;
}

const excerptLength = 200;
export const excerpt = (text: string): string => (text.length > excerptLength ? `${text.slice(0, excerptLength - 1)}…` : text);

/**
 * Stores notifications in the writer's transaction (never to the actor; one per person, kind and edge per
 * call) and returns what to email once the transaction has committed.
 */
export async function notify(tx: Transaction, list: NewNotification[]): Promise<NewNotification[]> {
  const seen = new Set<string>();
  const rows = list.filter((n) => {
    const key = `${n.userId}|${n.kind}`;
    if (n.userId === n.actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length) await tx.insert(notifications).values(rows.map((n) => ({ ...n, excerpt: n.excerpt == null ? null : excerpt(n.excerpt) })));
  return rows;
}

const verb: Record<NotificationKind, string> = {
  mention: 'mentioned you on',
  reply: 'replied in your thread on',
  verdict: 'gave a verdict on',
  dispute: 'made disputed:',
  settled: 'settled',
};

/** Emails for stored notifications, when SMTP is configured; never throws. */
export async function emailNotifications(ctx: ServiceContext, sent: NewNotification[]): Promise<void> {
  if (!sent.length) return;
  try {
    const ids = [...new Set(sent.flatMap((n) => [n.userId, n.actorId]))];
    const people = new Map(
      (await ctx.db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u]),
    );
    const messages: MailMessage[] = [];
    for (const n of sent) {
      const to = people.get(n.userId);
      if (!to) continue;
      const actor = people.get(n.actorId)?.name ?? 'Someone';
      const edge = `${n.regulator} → ${n.target}`;
      const link = env.NEXTAUTH_URL ? `\n\n${new URL(`/projects/${n.projectId}/reviews`, env.NEXTAUTH_URL).toString()}` : '';
      messages.push({
        to: to.email,
        subject: `[GRN Studio] ${actor} ${verb[n.kind]} ${edge}`,
        text: `${actor} ${verb[n.kind]} ${edge}.${n.excerpt ? `\n\n${excerpt(n.excerpt)}` : ''}${link}`,
      });
    }
    await sendMails(messages, ctx.log);
  } catch (e) {
    ctx.log.warn('notification emails not sent', { error: e instanceof Error ? e.message : String(e) });
  }
}

// ── the inbox ───────────────────────────────────────────────────────────────

/** Only notifications of projects the viewer is still a member of. */
const mine = (userId: string) =>
  and(eq(notifications.userId, userId), sql`exists (select 1 from ${memberships} m where m.project_id = ${notifications.projectId} and m.user_id = ${userId})`);

export async function listNotifications(ctx: ServiceContext, args: { onlyUnread?: boolean | null; offset?: number | null; limit?: number | null }) {
  const viewer = requireViewer(ctx);
  const offset = args.offset ?? 0;
  const limit = args.limit ?? 30;
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset is a whole number ≥ 0.', { field: 'offset' });
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badInput('limit is 1 to 100.', { field: 'limit' });
  const where = args.onlyUnread ? and(mine(viewer.userId), isNull(notifications.readAt)) : mine(viewer.userId);
  const [{ total }] = await ctx.db.select({ total: count() }).from(notifications).where(where);
  const unread = await unreadCount(ctx);
  const items = await ctx.db
    .select({ n: notifications, projectName: projects.name, actorName: users.name })
    .from(notifications)
    .innerJoin(projects, eq(projects.id, notifications.projectId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .offset(offset)
    .limit(limit);
  return { total, unread, items: items.map((r) => ({ ...r.n, projectName: r.projectName, actorName: r.actorName, read: r.n.readAt !== null })) };
}
export type NotificationRecord = Awaited<ReturnType<typeof listNotifications>>['items'][number];

export async function unreadCount(ctx: ServiceContext): Promise<number> {
  const viewer = requireViewer(ctx);
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(viewer.userId), isNull(notifications.readAt)));
  return n;
}

/** Marks the given notifications (or all) read; returns how many stay unread. Ids of others' notifications are ignored. */
export async function markRead(ctx: ServiceContext, args: { ids?: readonly string[] | null; all?: boolean | null }): Promise<number> {
  const viewer = requireViewer(ctx);
  if (!args.all && !args.ids?.length) throw badInput('Name the notifications to mark read, or pass all: true.', { field: 'ids' });
  const ids = (args.ids ?? []).filter(isUuid);
  const which = args.all ? undefined : inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt), which));
  return unreadCount(ctx);
}
