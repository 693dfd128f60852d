import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import type { Transaction, Viewer } from '../context';
import { isUuid } from '../ids';

/**
 * Server-side sessions behind next-auth's JWT cookies. The JWT names its session row (`sid`); signing out
 * or changing the password revokes rows, and a cookie whose row is revoked or missing authenticates nobody,
 * however long the JWT itself would still be valid.
 */
export async function startSession(db: Database, userId: string): Promise<string> {
  const [row] = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return row.id;
}

export async function revokeSession(db: Database, sessionId: unknown): Promise<void> {
  if (typeof sessionId !== 'string' || !isUuid(sessionId)) return;
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Signs the user out everywhere except the session making the change (if any). Returns how many ended. */
export async function revokeOtherSessions(tx: Transaction, userId: string, keep: string | undefined): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), keep ? ne(userSessions.id, keep) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** The viewer a session cookie stands for: its row must be live and belong to the user the JWT names. */
export async function viewerForSession(db: Database, userId: unknown, sessionId: unknown): Promise<Viewer | null> {
  if (typeof userId !== 'string' || typeof sessionId !== 'string' || !isUuid(userId) || !isUuid(sessionId)) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  return row ? { userId: row.id, email: row.email, name: row.name, via: 'session', sessionId } : null;
}
