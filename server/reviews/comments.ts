import { eq, sql } from 'drizzle-orm';
import { edgeCommentRevisions, edgeComments, edgeReviews } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext, Transaction, Viewer } from '../context';
import { badInput, forbidden } from '../errors';
import { emailNotifications, excerpt, notify, type NewNotification } from '../notifications/service';
import { isUuid } from '../ids';
import { requireProjectRole, requireRoleForObject } from '../authz/access';
import { requireInProject } from '../authz/in-project';
import { parseInput } from '../validation';
import { edgeLabel, requireEdgeAccess } from './service';
import * as store from './store';
import { addCommentInput, commentBody, type AddCommentInput } from './validation';

export interface CommentRecord {
  id: string;
  projectId: string;
  regulator: string;
  target: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  /** The current body, "" once deleted. */
  body: string;
  deleted: boolean;
  edited: boolean;
  createdAt: Date;
  editedAt: Date | null;
  resolved: boolean;
  resolvedBy: string | null;
  mentionIds: string[];
}

type Row = typeof edgeComments.$inferSelect;

export const toCommentRecord = (c: Row, edge: { regulator: string; target: string }, authorName: string | null): CommentRecord => ({
  id: c.id,
  projectId: c.projectId,
  regulator: edge.regulator,
  target: edge.target,
  parentId: c.parentId,
  authorId: c.authorId,
  authorName,
  body: c.deletedAt ? '' : c.body,
  deleted: c.deletedAt !== null,
  edited: c.editedAt !== null,
  createdAt: c.createdAt,
  editedAt: c.editedAt,
  resolved: c.resolvedAt !== null,
  resolvedBy: c.resolvedBy,
  mentionIds: c.deletedAt ? [] : c.mentions,
});

export async function listEdgeComments(ctx: ServiceContext, edge: { edgeId: string | null; regulator: string; target: string }): Promise<CommentRecord[]> {
  if (!edge.edgeId) return [];
  return (await store.listComments(ctx.db, edge.edgeId)).map((r) => toCommentRecord(r.comment, edge, r.authorName));
}

/** Earlier bodies, oldest first; those of a deleted comment only for its author and the project's owners. */
export async function commentRevisions(ctx: ServiceContext, c: CommentRecord) {
  if (c.deleted && c.authorId !== ctx.viewer?.userId) {
    const { role } = await requireProjectRole(ctx, c.projectId, 'viewer');
    if (role !== 'owner') return [];
  }
  return store.commentRevisions(ctx.db, c.id);
}

// ── mentions ────────────────────────────────────────────────────────────────

/** `@alice@lab.org` (a member's email) or `@alice` (its local part, when only one member has it). */
const mentionPattern = /(?<![\w.@])@([A-Za-z0-9._%+-]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/g;

export async function resolveMentions(ctx: ServiceContext, projectId: string, body: string): Promise<string[]> {
  const handles = [...body.matchAll(mentionPattern)].map((m) => m[1].replace(/[.]+$/, '').toLowerCase());
  if (!handles.length) return [];
  const members = await store.projectMembers(ctx.db, projectId);
  const ids = new Set<string>();
  for (const handle of new Set(handles)) {
    const byEmail = members.filter((m) => m.email.toLowerCase() === handle);
    const byLocal = handle.includes('@') ? [] : members.filter((m) => m.email.toLowerCase().split('@')[0] === handle);
    const found = byEmail.length ? byEmail : byLocal;
    if (found.length === 0) throw badInput(`@${handle} is not a member of this project.`, { field: 'body', mention: handle });
    if (found.length > 1) throw badInput(`@${handle} names several members; use the full email (@${found[0].email}).`, { field: 'body', mention: handle });
    ids.add(found[0].id);
  }
  return [...ids];
}

// ── writes ──────────────────────────────────────────────────────────────────

async function audit(
  tx: Transaction,
  viewer: Viewer,
  c: { projectId: string; regulator: string; target: string; id: string },
  action: string,
  details: Record<string, unknown> = {},
) {
  await recordAudit(tx, {
    projectId: c.projectId,
    actorId: viewer.userId,
    action,
    objectType: 'Edge',
    objectId: edgeLabel(c.regulator, c.target),
    details: { regulator: c.regulator, target: c.target, commentId: c.id, ...details },
  });
}

async function refreshCommentCount(tx: Transaction, edgeId: string) {
  await tx
    .update(edgeReviews)
    .set({ commentCount: sql`(select count(*)::int from ${edgeComments} c where c.edge_id = ${edgeId} and c.deleted_at is null)` })
    .where(eq(edgeReviews.id, edgeId));
}

export async function addComment(ctx: ServiceContext, input: AddCommentInput): Promise<CommentRecord> {
  const { viewer, key } = await requireEdgeAccess(ctx, input, 'editor');
  const v = parseInput(addCommentInput, input);
  const mentions = await resolveMentions(ctx, key.projectId, v.body);
  const parent = v.parentId ? (isUuid(v.parentId) ? await store.findComment(ctx.db, v.parentId) : null) : null;
  if (v.parentId && (!parent || parent.projectId !== key.projectId || parent.regulator !== key.regulator || parent.target !== key.target)) {
    throw badInput('The comment you reply to is not on this edge.', { field: 'parentId' });
  }
  const runId = v.runId || null;
  if (runId) await requireInProject(ctx, key.projectId, 'run', runId);
  const rootId = parent ? (parent.parentId ?? parent.id) : null;
  const { row, sent } = await ctx.db.transaction(async (tx) => {
    const edge = await store.lockEdge(tx, key);
    const [row] = await tx
      .insert(edgeComments)
      .values({ edgeId: edge.id, projectId: key.projectId, runId, parentId: rootId, authorId: viewer.userId, body: v.body, mentions })
      .returning();
    await refreshCommentCount(tx, edge.id);
    await audit(tx, viewer, { ...key, id: row.id }, 'comment.add', { parentId: rootId, mentions: mentions.length, excerpt: excerpt(v.body) });
    const about = { projectId: key.projectId, regulator: key.regulator, target: key.target, actorId: viewer.userId, commentId: row.id, excerpt: v.body };
    const list: NewNotification[] = mentions.map((userId) => ({ ...about, userId, kind: 'mention' }));
    if (rootId) {
      const threadAuthors = await tx.execute<{ author_id: string }>(sql`
        select distinct author_id from ${edgeComments} where (id = ${rootId} or parent_id = ${rootId}) and author_id is not null and id <> ${row.id}`);
      for (const r of threadAuthors.rows) if (!mentions.includes(r.author_id)) list.push({ ...about, userId: r.author_id, kind: 'reply' });
    }
    return { row, sent: await notify(tx, list) };
  });
  void emailNotifications(ctx, sent);
  return toCommentRecord(row, key, viewer.name);
}

async function requireComment(ctx: ServiceContext, id: string) {
  const comment = isUuid(id) ? await store.findComment(ctx.db, id) : null;
  const access = await requireRoleForObject(ctx, 'Comment', comment?.projectId, 'editor');
  return { ...access, comment: comment! };
}

/** Keeps the body being replaced, with when it was written, so the history shows every version. */
async function keepRevision(tx: Transaction, c: Row) {
  await tx.insert(edgeCommentRevisions).values({ commentId: c.id, body: c.body, writtenAt: c.editedAt ?? c.createdAt });
}

export async function editComment(ctx: ServiceContext, id: string, rawBody: string): Promise<CommentRecord> {
  const { viewer, comment } = await requireComment(ctx, id);
  if (comment.authorId !== viewer.userId) throw forbidden('Only its author can edit a comment.');
  if (comment.deletedAt) throw badInput('This comment was deleted.', { field: 'id' });
  const body = parseInput(commentBody, rawBody);
  const mentions = await resolveMentions(ctx, comment.projectId, body);
  const { row, sent } = await ctx.db.transaction(async (tx) => {
    await keepRevision(tx, comment);
    const [row] = await tx.update(edgeComments).set({ body, mentions, editedAt: new Date() }).where(eq(edgeComments.id, comment.id)).returning();
    await audit(tx, viewer, comment, 'comment.edit', { excerpt: excerpt(body) });
    const added = mentions.filter((m) => !comment.mentions.includes(m));
    const about = {
      projectId: comment.projectId,
      regulator: comment.regulator,
      target: comment.target,
      actorId: viewer.userId,
      commentId: comment.id,
      excerpt: body,
    };
    return {
      row,
      sent: await notify(
        tx,
        added.map((userId) => ({ ...about, userId, kind: 'mention' as const })),
      ),
    };
  });
  void emailNotifications(ctx, sent);
  return toCommentRecord(row, comment, viewer.name);
}

/** Soft delete: the body leaves the thread but stays in the comment's revisions. Authors and owners. */
export async function deleteComment(ctx: ServiceContext, id: string): Promise<CommentRecord> {
  const { viewer, role, comment } = await requireComment(ctx, id);
  if (comment.authorId !== viewer.userId && role !== 'owner') throw forbidden('Only its author or a project owner can delete a comment.');
  if (comment.deletedAt) throw badInput('This comment was already deleted.', { field: 'id' });
  const row = await ctx.db.transaction(async (tx) => {
    await keepRevision(tx, comment);
    const [row] = await tx.update(edgeComments).set({ deletedAt: new Date() }).where(eq(edgeComments.id, comment.id)).returning();
    await refreshCommentCount(tx, comment.edgeId);
    await audit(tx, viewer, comment, 'comment.delete', { byAuthor: comment.authorId === viewer.userId });
    return row;
  });
  return toCommentRecord(row, comment, await store.userName(ctx.db, row.authorId));
}

export async function setThreadResolved(ctx: ServiceContext, id: string, resolved: boolean): Promise<CommentRecord> {
  const { viewer, comment } = await requireComment(ctx, id);
  if (comment.parentId) throw badInput('Resolve the thread on its first comment.', { field: 'commentId' });
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(edgeComments)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: viewer.userId } : { resolvedAt: null, resolvedBy: null })
      .where(eq(edgeComments.id, comment.id))
      .returning();
    await audit(tx, viewer, comment, 'comment.resolve', { resolved });
    return row;
  });
  return toCommentRecord(row, comment, await store.userName(ctx.db, row.authorId));
}
