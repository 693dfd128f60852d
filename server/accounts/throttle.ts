import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authThrottle } from '@/db/schema';
import { env } from '../env';
import { tooManyRequests } from '../errors';

/**
 * Throttling of password guessing and sign-ups, with exponential backoff. The counters live in the
 * database (auth_throttle), not in memory, so that every app process behind a load balancer agrees and a
 * restart does not reset an attack.
 *
 * A key may act `freeHits` times per window; the hit that uses up the allowance, and each one after it,
 * blocks the key for `baseSeconds · 2^k` (k = 0, 1, 2, …), at most `maxSeconds`. A window that has passed
 * starts the count again.
 */
export interface ThrottlePolicy {
  freeHits: number;
  baseSeconds: number;
  maxSeconds: number;
  windowSeconds: number;
}

/** Wrong passwords for one account: a person mistyping is never slowed, a guesser soon is. */
export const accountPolicy: ThrottlePolicy = { freeHits: 5, baseSeconds: 1, maxSeconds: 15 * 60, windowSeconds: 60 * 60 };
/** Wrong passwords from one address (many accounts, or a lab behind one NAT): more room, same backoff. */
export const addressPolicy: ThrottlePolicy = { freeHits: 20, baseSeconds: 1, maxSeconds: 15 * 60, windowSeconds: 60 * 60 };
/** New accounts from one address (SIGNUPS_PER_ADDRESS_PER_HOUR; a lab behind one NAT may need more). */
export const signUpPolicy: ThrottlePolicy = { freeHits: env.SIGNUPS_PER_ADDRESS_PER_HOUR, baseSeconds: 60, maxSeconds: 60 * 60, windowSeconds: 60 * 60 };

/** Tests lower the sign-up allowance to reach it quickly; returns the previous one. */
export function configureSignUpAllowance(perHour: number): number {
  const before = signUpPolicy.freeHits;
  signUpPolicy.freeHits = perHour;
  return before;
}

export const accountKey = (email: string): string => `signin-account:${email}`;
export const addressKey = (address: string): string => `signin-address:${address}`;
export const signUpKey = (address: string): string => `signup-address:${address}`;

/** Seconds until all the given keys may act again (0: now). */
export async function secondsBlocked(db: Database, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select({ wait: sql<number>`ceil(extract(epoch from (${authThrottle.blockedUntil} - now())))::int` })
    .from(authThrottle)
    .where(inArray(authThrottle.key, keys));
  return Math.max(0, ...rows.map((r) => r.wait ?? 0));
}

/** Refuses with TOO_MANY_REQUESTS (and the wait) while any of the keys is blocked. */
export async function assertNotBlocked(db: Database, keys: string[]): Promise<void> {
  const wait = await secondsBlocked(db, keys);
  if (wait > 0) throw tooManyRequests(wait);
}

/** Counts one hit (a wrong password, a sign-up) against the key and blocks it when over its allowance. */
export async function recordHit(db: Database, key: string, policy: ThrottlePolicy): Promise<void> {
  const expired = sql`${authThrottle.windowStartedAt} < now() - make_interval(secs => ${policy.windowSeconds})`;
  const hits = sql`case when ${expired} then 1 else ${authThrottle.hits} + 1 end`;
  const over = sql`greatest(0, (${hits}) - ${policy.freeHits})`;
  await db
    .insert(authThrottle)
    .values({
      key,
      hits: 1,
      windowStartedAt: sql`now()`,
      blockedUntil: policy.freeHits <= 1 ? sql`now() + make_interval(secs => ${policy.baseSeconds})` : null,
    })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        hits,
        windowStartedAt: sql`case when ${expired} then now() else ${authThrottle.windowStartedAt} end`,
        blockedUntil: sql`case when (${hits}) >= ${policy.freeHits}
          then now() + make_interval(secs => least(${policy.maxSeconds}, ${policy.baseSeconds} * power(2, least(30, ${over}))))
          else null end`,
      },
    });
}

export async function clearHits(db: Database, key: string): Promise<void> {
  await db.delete(authThrottle).where(inArray(authThrottle.key, [key]));
}
