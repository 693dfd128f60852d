import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiTokens, identities, users } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext, Viewer } from '../context';
import { isUniqueViolation } from '../db-errors';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../errors';
import { isUuid } from '../ids';
import { requireViewer } from '../authz/access';
import { parseInput } from '../validation';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { revokeOtherSessions } from './sessions';
import { accountKey, accountPolicy, addressKey, addressPolicy, assertNotBlocked, clearHits, recordHit, signUpKey, signUpPolicy } from './throttle';
import { generateTokenSecret, hashTokenSecret, tokenPattern } from './tokens';
import { sendVerificationLink, verificationActive } from './verification';
import { changePasswordInput, emailSchema, signUpInput, tokenNameSchema, updateMeInput, type SignUpInput } from './validation';

/** `emailVerifiedAt` is read where the account itself is loaded (me, sign-in), not for other members. */
export type UserRecord = Pick<typeof users.$inferSelect, 'id' | 'email' | 'name' | 'createdAt'> & { emailVerifiedAt?: Date | null };
export type ApiTokenRecord = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

const userColumns = { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt };
const tokenColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

const duplicateEmail = () => conflict('An account with this email already exists. Sign in instead.', { field: 'email' });

/**
 * Creates an account. Invitations to its email are not claimed: they are answered through their link.
 * With a mailer configured the address starts unverified and a verification link is emailed (./verification.ts).
 */
export async function signUp(ctx: ServiceContext, input: SignUpInput): Promise<UserRecord> {
  const { email, name, password } = parseInput(signUpInput, input);
  const throttleKey = ctx.clientAddress ? signUpKey(ctx.clientAddress) : null;
  if (throttleKey) await assertNotBlocked(ctx.db, [throttleKey]);
  const passwordHash = await hashPassword(password);
  const verify = verificationActive();
  const user = await createPasswordAccount(ctx, { email, name, passwordHash, emailVerifiedAt: verify ? null : new Date() });
  if (throttleKey) await recordHit(ctx.db, throttleKey, signUpPolicy);
  if (verify) await sendVerificationLink(ctx.db, ctx.log, user);
  return user;
}

/**
 * The account row and its audit event, given an already computed hash (tests reuse one hash for speed).
 * Accounts made by trusted code (tests, the demo) are verified unless `emailVerifiedAt` says otherwise.
 */
export async function createPasswordAccount(
  ctx: Pick<ServiceContext, 'db'>,
  { email, name, passwordHash, emailVerifiedAt = new Date() }: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date | null },
): Promise<UserRecord> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      if (existing) throw duplicateEmail();
      const [user] = await tx.insert(users).values({ email, name, passwordHash, emailVerifiedAt }).returning(userColumns);
      await recordAudit(tx, {
        projectId: null,
        actorId: user.id,
        action: 'user.sign_up',
        objectType: 'user',
        objectId: user.id,
        details: { method: 'password' },
      });
      return user;
    });
  } catch (e) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same clear answer.
    if (isUniqueViolation(e)) throw duplicateEmail();
    throw e;
  }
}

/**
 * For the next-auth Credentials provider: the user, or null for an unknown email or a wrong password.
 * TOO_MANY_REQUESTS while the account or the caller's address is blocked: then no password is even tried,
 * so a guesser learns nothing during the wait.
 */
export async function verifyCredentials(ctx: Pick<ServiceContext, 'db' | 'clientAddress'>, email: unknown, password: unknown): Promise<UserRecord | null> {
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success || typeof password !== 'string') return null;
  const keys = [accountKey(parsedEmail.data), ...(ctx.clientAddress ? [addressKey(ctx.clientAddress)] : [])];
  await assertNotBlocked(ctx.db, keys);
  const [row] = await ctx.db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, parsedEmail.data))
    .limit(1);
  // Compare against a decoy when there is no password, so response time does not reveal which emails exist.
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  if (!row?.passwordHash || !ok) {
    await recordHit(ctx.db, keys[0], accountPolicy);
    if (keys[1]) await recordHit(ctx.db, keys[1], addressPolicy);
    return null;
  }
  await clearHits(ctx.db, keys[0]);
  if (needsRehash(row.passwordHash)) {
    await ctx.db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, row.id));
  }
  const { passwordHash: _omit, ...user } = row;
  return user;
}

export async function hasPassword(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return Boolean(row?.hash);
}

/** Renames the signed-in user. */
export async function updateMe(ctx: ServiceContext, input: { name: string }): Promise<UserRecord> {
  const viewer = requireViewer(ctx);
  const { name } = parseInput(updateMeInput, input);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.userId)).for('update');
    if (!before) throw notFound('Account');
    const [user] = await tx.update(users).set({ name }).where(eq(users.id, viewer.userId)).returning(userColumns);
    await recordAudit(tx, {
      projectId: null,
      actorId: viewer.userId,
      action: 'user.rename',
      objectType: 'user',
      objectId: viewer.userId,
      details: { from: before.name, to: name },
    });
    return user;
  });
}

/**
 * Changes the password of the signed-in user (browser sessions only), given the current one. Every other
 * session of the account ends; wrong current passwords count against the account like wrong sign-ins.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ user: UserRecord; endedSessions: number }> {
  const viewer = requireViewer(ctx);
  if (viewer.via === 'token') throw forbidden('API tokens cannot change the password. Sign in and use your account page.');
  const { currentPassword, newPassword } = parseInput(changePasswordInput, input);
  const keys = [accountKey(viewer.email), ...(ctx.clientAddress ? [addressKey(ctx.clientAddress)] : [])];
  await assertNotBlocked(ctx.db, keys);
  const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId));
  if (!row?.passwordHash) throw conflict('This account signs in through single sign-on and has no password to change.');
  if (!(await verifyPassword(currentPassword, row.passwordHash))) {
    await recordHit(ctx.db, keys[0], accountPolicy);
    if (keys[1]) await recordHit(ctx.db, keys[1], addressPolicy);
    throw badInput('The current password is not right.', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(newPassword);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.userId)).returning(userColumns);
    const endedSessions = await revokeOtherSessions(tx, viewer.userId, viewer.sessionId);
    await recordAudit(tx, {
      projectId: null,
      actorId: viewer.userId,
      action: 'user.password_change',
      objectType: 'user',
      objectId: viewer.userId,
      details: { endedSessions },
    });
    return { user, endedSessions };
  });
}

/**
 * Single sign-on: the identity (provider, subject) decides who this is. A first sign-in links to the
 * account with the same email (the institution's provider vouches for it) or creates one without password.
 * An unverified account with that email was made by someone who never proved they read it: it is handed to
 * the provider's user, its password removed and its sessions and tokens ended (no pre-registered takeover).
 */
export async function findOrCreateOidcUser(
  ctx: Pick<ServiceContext, 'db'>,
  claims: { provider: string; subject: string; email: unknown; name: unknown },
): Promise<UserRecord> {
  const linked = await findUserByIdentity(ctx.db, claims.provider, claims.subject);
  if (linked) return linked;
  const email = parseInput(emailSchema, claims.email);
  const fallbackName = email.split('@')[0];
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : fallbackName;
  try {
    return await ctx.db.transaction(async (tx) => {
      let [user] = await tx.select(userColumns).from(users).where(eq(users.email, email)).limit(1);
      if (user && !user.emailVerifiedAt) {
        await tx
          .update(users)
          .set({ passwordHash: null, emailVerifiedAt: new Date(), verificationTokenHash: null, verificationSentAt: null })
          .where(eq(users.id, user.id));
        await revokeOtherSessions(tx, user.id, undefined);
        await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)));
        await recordAudit(tx, {
          projectId: null,
          actorId: user.id,
          action: 'user.verify_email',
          objectType: 'user',
          objectId: user.id,
          details: { email, method: 'oidc', unverifiedPasswordRemoved: true },
        });
        user = { ...user, emailVerifiedAt: new Date() };
      }
      if (!user) {
        [user] = await tx.insert(users).values({ email, name, passwordHash: null, emailVerifiedAt: new Date() }).returning(userColumns);
        await recordAudit(tx, {
          projectId: null,
          actorId: user.id,
          action: 'user.sign_up',
          objectType: 'user',
          objectId: user.id,
          details: { method: 'oidc', provider: claims.provider },
        });
      }
      await tx.insert(identities).values({ userId: user.id, provider: claims.provider, subject: claims.subject });
      await recordAudit(tx, {
        projectId: null,
        actorId: user.id,
        action: 'identity.link',
        objectType: 'user',
        objectId: user.id,
        details: { provider: claims.provider },
      });
      return user;
    });
  } catch (e) {
    // A concurrent first sign-in of the same person linked it already.
    const again = isUniqueViolation(e) ? await findUserByIdentity(ctx.db, claims.provider, claims.subject) : null;
    if (again) return again;
    throw e;
  }
}

async function findUserByIdentity(db: Database, provider: string, subject: string): Promise<UserRecord | null> {
  const [row] = await db
    .select(userColumns)
    .from(identities)
    .innerJoin(users, eq(users.id, identities.userId))
    .where(and(eq(identities.provider, provider), eq(identities.subject, subject)))
    .limit(1);
  return row ?? null;
}

export async function getUserById(db: Database, id: string): Promise<UserRecord | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** The signed-in user, or null; never throws for anonymous callers. */
export async function getMe(ctx: ServiceContext): Promise<UserRecord | null> {
  return ctx.viewer ? getUserById(ctx.db, ctx.viewer.userId) : null;
}

// ── personal API tokens ────────────────────────────────────────────────────

/** Returns the secret this once; only its hash is kept. */
export async function createApiToken(ctx: ServiceContext, input: { name: string }): Promise<{ token: ApiTokenRecord; secret: string }> {
  const viewer = requireViewer(ctx);
  // A leaked token must not be able to mint more tokens that outlive its revocation.
  if (viewer.via === 'token') throw forbidden('API tokens cannot create tokens. Sign in and use your account page.');
  const { name } = parseInput(tokenNameSchema, input);
  const { secret, prefix, hash } = generateTokenSecret();
  const token = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId: viewer.userId, name, prefix, tokenHash: hash }).returning(tokenColumns);
    await recordAudit(tx, {
      projectId: null,
      actorId: viewer.userId,
      action: 'token.create',
      objectType: 'api_token',
      objectId: row.id,
      details: { name, prefix },
    });
    return row;
  });
  return { token, secret };
}

export async function listMyTokens(ctx: ServiceContext): Promise<ApiTokenRecord[]> {
  const viewer = requireViewer(ctx);
  return ctx.db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, viewer.userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the caller's own tokens; revoking twice changes nothing. */
export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<ApiTokenRecord> {
  const viewer = requireViewer(ctx);
  return ctx.db.transaction(async (tx) => {
    if (!isUuid(id)) throw notFound('API token');
    const owned = and(eq(apiTokens.id, id), eq(apiTokens.userId, viewer.userId));
    const [row] = await tx.select(tokenColumns).from(apiTokens).where(owned).for('update').limit(1);
    if (!row) throw notFound('API token');
    if (row.revokedAt) return row;
    const [revoked] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(owned).returning(tokenColumns);
    await recordAudit(tx, {
      projectId: null,
      actorId: viewer.userId,
      action: 'token.revoke',
      objectType: 'api_token',
      objectId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return revoked;
  });
}

/** The viewer a bearer secret stands for; UNAUTHENTICATED for unknown and revoked tokens. */
export async function authenticateToken(db: Database, secret: string): Promise<Viewer> {
  const invalid = unauthenticated('This API token is not valid. Check that it was copied whole, or create a new one on your account page.');
  if (!tokenPattern.test(secret)) throw invalid;
  const [row] = await db
    .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt, userId: users.id, email: users.email, name: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashTokenSecret(secret)))
    .limit(1);
  if (!row) throw invalid;
  if (row.revokedAt) {
    throw unauthenticated(`This API token was revoked on ${row.revokedAt.toISOString()}. Create a new one on your account page.`);
  }
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.id), isNull(apiTokens.revokedAt)));
  return { userId: row.userId, email: row.email, name: row.name, via: 'token' };
}
