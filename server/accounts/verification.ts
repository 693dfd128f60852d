import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext } from '../context';
import { env } from '../env';
import { badInput, DomainError } from '../errors';
import type { Logger } from '../log';
import { mailEnabled, sendMails } from '../mail/mailer';
import { requireViewer } from '../authz/access';

/**
 * Email verification (issue 17). Where a mailer is configured (SMTP_URL, SMTP_FROM) and the app knows its
 * public URL (NEXTAUTH_URL), a password sign-up starts unverified and is emailed a one-time link that expires
 * after VERIFICATION_HOURS. Until the link is opened the account may sign in and work in its own projects, but
 * may not accept invitations (join projects) nor send them, and single sign-on does not link to it: so nobody
 * borrows an address they cannot read. Without a mailer nothing could deliver a link, so accounts are verified
 * at sign-up; the invitation link the owner hands over out of band is then the check.
 */
export const VERIFICATION_HOURS = 24;
/** A resend within this many seconds of the last link is refused: the link is not a way to mail-bomb an address. */
export const RESEND_SECONDS = 60;
export const verificationTokenPattern = /^ver_[A-Za-z0-9_-]{43}$/;

export const verificationActive = (): boolean => mailEnabled() && Boolean(env.NEXTAUTH_URL);

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const verificationPath = (token: string): string => `/verify-email/${token}`;

/** Opens a new link for the user (any earlier one stops working) and emails it; call after the account exists. */
export async function sendVerificationLink(db: Database, log: Logger, user: { id: string; email: string; name: string }): Promise<void> {
  const token = `ver_${randomBytes(32).toString('base64url')}`;
  await db
    .update(users)
    .set({ verificationTokenHash: hashToken(token), verificationSentAt: new Date() })
    .where(eq(users.id, user.id));
  const link = new URL(verificationPath(token), env.NEXTAUTH_URL).toString();
  const text = [
    `Hello ${user.name},`,
    '',
    `Confirm that ${user.email} is your address on GRN Studio: ${link}`,
    '',
    `The link works once and expires in ${VERIFICATION_HOURS} hours. If you did not create this account, ignore this email.`,
  ].join('\n');
  await sendMails([{ to: user.email, subject: '[GRN Studio] Confirm your email address', text }], log);
}

/** Opens a verification link: the account's address is verified and the link is spent. Needs no session. */
export async function verifyEmail(ctx: ServiceContext, token: string): Promise<{ id: string }> {
  const invalid = () =>
    badInput('This verification link is not valid: it was used, replaced by a newer one, or has expired. Sign in and send a new one from your account page.', {
      field: 'token',
    });
  if (typeof token !== 'string' || !verificationTokenPattern.test(token)) throw invalid();
  const notBefore = new Date(Date.now() - VERIFICATION_HOURS * 3_600_000);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: new Date(), verificationTokenHash: null, verificationSentAt: null })
      .where(and(eq(users.verificationTokenHash, hashToken(token)), gt(users.verificationSentAt, notBefore), isNull(users.emailVerifiedAt)))
      .returning({ id: users.id, email: users.email });
    if (!user) throw invalid();
    await recordAudit(tx, {
      projectId: null,
      actorId: user.id,
      action: 'user.verify_email',
      objectType: 'user',
      objectId: user.id,
      details: { email: user.email },
    });
    return { id: user.id };
  });
}

/**
 * A new link for the signed-in user; whether one was emailed (not when verified already, nor without a mailer,
 * where accounts are verified at sign-up). TOO_MANY_REQUESTS within RESEND_SECONDS of the last link.
 */
export async function resendVerificationEmail(ctx: ServiceContext): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt, sentAt: users.verificationSentAt })
    .from(users)
    .where(eq(users.id, viewer.userId));
  if (!user || user.verifiedAt || !verificationActive()) return false;
  const waited = user.sentAt ? (Date.now() - user.sentAt.getTime()) / 1000 : Infinity;
  if (waited < RESEND_SECONDS) {
    const retryAfterSeconds = Math.ceil(RESEND_SECONDS - waited);
    throw new DomainError('TOO_MANY_REQUESTS', `A link was sent moments ago; check your inbox, or send another in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
  await sendVerificationLink(ctx.db, ctx.log, user);
  return true;
}

/** FORBIDDEN (reason EMAIL_UNVERIFIED) unless the signed-in user's address is verified. */
export async function requireVerifiedEmail(ctx: ServiceContext, doing: string): Promise<void> {
  const viewer = requireViewer(ctx);
  const [user] = await ctx.db.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, viewer.userId));
  if (user && !user.verifiedAt) {
    const message = `Verify your email address before you ${doing}: open the link we emailed you, or send a new one from your account page.`;
    throw new DomainError('FORBIDDEN', message, { reason: 'EMAIL_UNVERIFIED' });
  }
}
