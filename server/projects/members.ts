import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { invitations, memberships, projects, users } from '@/db/schema';
import type { UserRecord } from '../accounts/service';
import { requireVerifiedEmail } from '../accounts/verification';
import { recordAudit } from '../audit/service';
import type { ServiceContext, Transaction } from '../context';
import { conflict, notFound } from '../errors';
import { parseInput } from '../validation';
import { isUuid } from '../ids';
import { requireProjectRole, requireRoleForObject, type ProjectRole } from '../authz/access';
import { deliverInvitationEmail, invitationPath, newInvitationToken } from './invitations';
import { inviteInput, roleSchema } from './validation';

/** A member, or an open invitation (status `pending`). */
export interface ProjectMemberRecord {
  /** The user id when active, the invitation id when pending. */
  id: string;
  status: 'active' | 'pending';
  user: UserRecord | null;
  email: string;
  name: string | null;
  role: ProjectRole;
  since: Date;
  /** Pending invitations: when their link stops working. */
  expiresAt: Date | null;
}

const roleOrder = sql`case ${memberships.role} when 'owner' then 0 when 'editor' then 1 else 2 end`;

export async function listMembers(ctx: ServiceContext, projectId: string): Promise<ProjectMemberRecord[]> {
  await requireProjectRole(ctx, projectId, 'viewer');
  const active = await ctx.db
    .select({ user: { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt }, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(roleOrder, asc(users.name), asc(users.email));
  const pending = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.projectId, projectId), openInvitation))
    .orderBy(asc(invitations.email));
  return [...active.map((m) => activeMember(m.user, m.role, m.since)), ...pending.map((i) => pendingMember(i))];
}

/**
 * Owners invite people by email: whether or not the email has an account, the answer is the same pending
 * invitation (no one learns which emails have accounts), with a one-time link the recipient accepts or
 * declines. Inviting an email again renews its link (the old one stops working).
 */
export async function inviteMember(
  ctx: ServiceContext,
  input: { projectId: string; email: string; role: string },
): Promise<ProjectMemberRecord & { invitationPath: string }> {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'owner');
  // Invitations are emailed: an address nobody proved to read must not send mail to others.
  await requireVerifiedEmail(ctx, 'invite people');
  const { email, role } = parseInput(inviteInput, input);
  const projectId = input.projectId;
  const { token, hash, expiresAt } = newInvitationToken();
  const { invitation, projectName } = await ctx.db.transaction(async (tx) => {
    const project = await lockProject(tx, projectId);
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.projectId, projectId), eq(users.email, email)));
    // Members are listed to every member anyway, so saying so reveals nothing about other accounts.
    if (member) throw conflict(`${email} is already a member of this project (${member.role}).`, { field: 'email' });
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.projectId, projectId), eq(invitations.email, email), openInvitation));
    const [row] = await tx
      .insert(invitations)
      .values({ projectId, email, role, invitedBy: viewer.userId, tokenHash: hash, expiresAt })
      .onConflictDoUpdate({
        target: [invitations.projectId, invitations.email],
        set: {
          role,
          invitedBy: viewer.userId,
          tokenHash: hash,
          expiresAt,
          acceptedAt: null,
          acceptedBy: null,
          declinedAt: null,
          cancelledAt: null,
          createdAt: new Date(),
        },
      })
      .returning();
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: open ? 'invitation.renew' : 'invitation.create',
      objectType: 'invitation',
      objectId: row.id,
      details: { email, role },
    });
    return { invitation: row, projectName: project.name };
  });
  const path = invitationPath(token);
  await deliverInvitationEmail(ctx.log, { projectName, role, email, inviterName: viewer.name, path, expiresAt });
  return { ...pendingMember(invitation), invitationPath: path };
}

export async function changeMemberRole(ctx: ServiceContext, input: { projectId: string; userId: string; role: string }): Promise<ProjectMemberRecord> {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'owner');
  const role = parseInput(roleSchema, input.role);
  const { projectId, userId } = input;
  return ctx.db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const current = await requireMembership(tx, projectId, userId);
    if (current.role === role) return activeMember(current.user, current.role, current.since);
    if (current.role === 'owner') {
      await ensureAnotherOwner(tx, projectId, 'The project needs at least one owner: make another member an owner before changing this role.');
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: 'member.role_change',
      objectType: 'membership',
      objectId: userId,
      details: { email: current.user.email, from: current.role, to: role },
    });
    return activeMember(current.user, role, current.since);
  });
}

export async function removeMember(ctx: ServiceContext, input: { projectId: string; userId: string }): Promise<boolean> {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'owner');
  const { projectId, userId } = input;
  await ctx.db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const current = await requireMembership(tx, projectId, userId);
    if (current.role === 'owner') {
      await ensureAnotherOwner(tx, projectId, 'The project needs at least one owner: the last owner cannot be removed.');
    }
    await tx.delete(memberships).where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: 'member.remove',
      objectType: 'membership',
      objectId: userId,
      details: { email: current.user.email, role: current.role },
    });
  });
  return true;
}

export async function leaveProject(ctx: ServiceContext, projectId: string): Promise<boolean> {
  const { viewer } = await requireProjectRole(ctx, projectId, 'viewer');
  await ctx.db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const { role } = await requireMembership(tx, projectId, viewer.userId);
    if (role === 'owner') {
      await ensureAnotherOwner(tx, projectId, 'You are the last owner of this project. Make another member an owner first, or delete the project.');
    }
    await tx.delete(memberships).where(and(eq(memberships.projectId, projectId), eq(memberships.userId, viewer.userId)));
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: 'member.leave',
      objectType: 'membership',
      objectId: viewer.userId,
      details: { email: viewer.email, role },
    });
  });
  return true;
}

export async function cancelInvitation(ctx: ServiceContext, invitationId: string): Promise<boolean> {
  const [invitation] = isUuid(invitationId)
    ? await ctx.db
        .select()
        .from(invitations)
        .where(and(eq(invitations.id, invitationId), openInvitation))
    : [];
  const { viewer } = await requireRoleForObject(ctx, 'Invitation', invitation?.projectId, 'owner');
  await ctx.db.transaction(async (tx) => {
    // Kept (not deleted) so that its link says it was cancelled instead of "not valid".
    const [deleted] = await tx
      .update(invitations)
      .set({ cancelledAt: new Date() })
      .where(and(eq(invitations.id, invitationId), openInvitation))
      .returning();
    if (!deleted) throw notFound('Invitation');
    await recordAudit(tx, {
      projectId: deleted.projectId,
      actorId: viewer.userId,
      action: 'invitation.cancel',
      objectType: 'invitation',
      objectId: deleted.id,
      details: { email: deleted.email, role: deleted.role },
    });
  });
  return true;
}

// ── helpers ────────────────────────────────────────────────────────────────

/** Serialises membership changes per project, so two owners demoting each other cannot leave none. */
async function lockProject(tx: Transaction, projectId: string): Promise<{ name: string }> {
  const [row] = await tx.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId)).for('update');
  if (!row) throw notFound('Project');
  return row;
}

/** Not yet accepted, declined or cancelled (expired ones stay listed, so the owner can renew them). */
const openInvitation = and(isNull(invitations.acceptedAt), isNull(invitations.declinedAt), isNull(invitations.cancelledAt));

async function findMembership(tx: Transaction, projectId: string, userId: string) {
  if (!isUuid(userId)) return undefined;
  const [row] = await tx
    .select({ role: memberships.role, since: memberships.createdAt, user: { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt } })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
  return row;
}

async function requireMembership(tx: Transaction, projectId: string, userId: string) {
  const row = await findMembership(tx, projectId, userId);
  if (!row) throw notFound('Member');
  return row;
}

async function ensureAnotherOwner(tx: Transaction, projectId: string, message: string): Promise<void> {
  const [{ owners }] = await tx
    .select({ owners: count() })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.role, 'owner')));
  if (owners < 2) throw conflict(message);
}

const activeMember = (user: UserRecord, role: ProjectRole, since: Date): ProjectMemberRecord => ({
  id: user.id,
  status: 'active',
  user,
  email: user.email,
  name: user.name,
  role,
  since,
  expiresAt: null,
});

const pendingMember = (i: typeof invitations.$inferSelect): ProjectMemberRecord => ({
  id: i.id,
  status: 'pending',
  user: null,
  email: i.email,
  name: null,
  role: i.role,
  since: i.createdAt,
  expiresAt: i.expiresAt,
});
