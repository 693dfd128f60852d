import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { invitations, memberships, projects, users } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext, Transaction } from '../context';
import { conflict, DomainError } from '../errors';
import { env } from '../env';
import type { Logger } from '../log';
import { requireVerifiedEmail } from '../accounts/verification';
import { mailEnabled, sendMails } from '../mail/mailer';
import { requireViewer, type ProjectRole } from '../authz/access';
import { getProject, type ProjectRecord } from './service';

/**
 * Invitations are answered by whoever holds the link, signed in with any account: the owner shares the
 * link (always shown to them once) and, where a mailer is configured, it is also emailed. Nobody joins a
 * project without accepting.
 */
export const INVITATION_DAYS = 7;
export const invitationTokenPattern = /^inv_[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(now = new Date()): { token: string; hash: string; expiresAt: Date } {
  const token = `inv_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashInvitationToken(token), expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) };
}

export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const invitationPath = (token: string): string => `/invite/${token}`;

export interface InvitationDelivery {
  projectName: string;
  role: ProjectRole;
  email: string;
  inviterName: string;
  /** `/invite/<token>`; the mailer makes it absolute with the app's public URL. */
  path: string;
  expiresAt: Date;
}

/**
 * Emails the link when a mailer is configured (SMTP_URL, SMTP_FROM) and the app knows its public URL
 * (NEXTAUTH_URL); returns whether it went out. The owner's copy of the link is returned either way, so a
 * lab without a mail server still invites, and a mail server that is down never fails the invitation.
 */
export async function deliverInvitationEmail(log: Logger, delivery: InvitationDelivery): Promise<{ emailed: boolean }> {
  if (!mailEnabled() || !env.NEXTAUTH_URL) {
    log.debug('invitation link created; no mailer configured, the owner shares it', { projectName: delivery.projectName, role: delivery.role });
    return { emailed: false };
  }
  const link = new URL(delivery.path, env.NEXTAUTH_URL).toString();
  const text = [
    `${delivery.inviterName} invited you to join the project "${delivery.projectName}" on GRN Studio as ${delivery.role}.`,
    '',
    `Accept or decline here (sign in or create an account first): ${link}`,
    '',
    `The link works once and expires on ${delivery.expiresAt.toISOString().slice(0, 10)}. If you did not expect it, ignore this email.`,
  ].join('\n');
  await sendMails([{ to: delivery.email, subject: `[GRN Studio] ${delivery.inviterName} invited you to ${delivery.projectName}`, text }], log);
  return { emailed: true };
}

export type InvitationStatus = 'open' | 'accepted' | 'declined' | 'cancelled' | 'expired';

export interface InvitationPreviewRecord {
  projectName: string;
  role: ProjectRole;
  invitedByName: string | null;
  email: string;
  expiresAt: Date | null;
  status: InvitationStatus;
  /** Whether the signed-in viewer is a member already (then accepting changes nothing). */
  alreadyMember: boolean;
}

type InvitationRow = typeof invitations.$inferSelect;

function statusOf(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.declinedAt) return 'declined';
  if (row.cancelledAt) return 'cancelled';
  if (!row.expiresAt || row.expiresAt <= now) return 'expired';
  return 'open';
}

const invalidLink = () =>
  new DomainError('NOT_FOUND', 'This invitation link is not valid. Check that it was copied whole, or ask the project owner for a new one.');

const closedMessages: Record<Exclude<InvitationStatus, 'open'>, string> = {
  accepted: 'This invitation was already used. Ask the project owner for a new link if you need one.',
  declined: 'This invitation was declined. Ask the project owner for a new link if you changed your mind.',
  cancelled: 'The project owner cancelled this invitation.',
  expired: `This invitation expired (links last ${INVITATION_DAYS} days). Ask the project owner for a new link.`,
};

async function findByToken(ctx: ServiceContext, token: string): Promise<InvitationRow | undefined> {
  if (!invitationTokenPattern.test(token)) return undefined;
  const [row] = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  return row;
}

async function membershipRole(ctx: ServiceContext, projectId: string, userId: string): Promise<ProjectRole | null> {
  const [m] = await ctx.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

/** What the invitation page shows to a signed-in holder of the link. */
export async function previewInvitation(ctx: ServiceContext, token: string): Promise<InvitationPreviewRecord> {
  const viewer = requireViewer(ctx);
  const row = await findByToken(ctx, token);
  if (!row) throw invalidLink();
  const [project] = await ctx.db.select({ name: projects.name }).from(projects).where(eq(projects.id, row.projectId));
  const [inviter] = row.invitedBy ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, row.invitedBy)) : [];
  return {
    projectName: project?.name ?? '',
    role: row.role,
    invitedByName: inviter?.name ?? null,
    email: row.email,
    expiresAt: row.expiresAt,
    status: statusOf(row),
    alreadyMember: (await membershipRole(ctx, row.projectId, viewer.userId)) !== null,
  };
}

/** Locks the invitation the token names and checks that it can still be answered. */
async function lockOpenInvitation(tx: Transaction, token: string): Promise<InvitationRow> {
  if (!invitationTokenPattern.test(token)) throw invalidLink();
  const [row] = await tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .for('update');
  if (!row) throw invalidLink();
  const status = statusOf(row);
  if (status !== 'open') throw conflict(closedMessages[status]);
  return row;
}

/** The signed-in viewer joins the project with the invitation's role; the link is used up. */
export async function acceptInvitation(ctx: ServiceContext, token: string): Promise<ProjectRecord> {
  const viewer = requireViewer(ctx);
  await requireVerifiedEmail(ctx, 'join a project');
  const projectId = await ctx.db.transaction(async (tx) => {
    const row = await lockOpenInvitation(tx, token);
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.projectId, row.projectId), eq(memberships.userId, viewer.userId)));
    if (member) throw conflict(`You are already a member of this project (${member.role}); this invitation is left for its recipient.`);
    await tx.insert(memberships).values({ projectId: row.projectId, userId: viewer.userId, role: row.role });
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: viewer.userId }).where(eq(invitations.id, row.id));
    await recordAudit(tx, {
      projectId: row.projectId,
      actorId: viewer.userId,
      action: 'invitation.accept',
      objectType: 'membership',
      objectId: viewer.userId,
      details: { email: viewer.email, invitedEmail: row.email, role: row.role, invitationId: row.id },
    });
    return row.projectId;
  });
  return getProject(ctx, projectId);
}

export async function declineInvitation(ctx: ServiceContext, token: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = await lockOpenInvitation(tx, token);
    await tx.update(invitations).set({ declinedAt: new Date() }).where(eq(invitations.id, row.id));
    await recordAudit(tx, {
      projectId: row.projectId,
      actorId: viewer.userId,
      action: 'invitation.decline',
      objectType: 'invitation',
      objectId: row.id,
      details: { email: viewer.email, invitedEmail: row.email, role: row.role },
    });
  });
  return true;
}
