/**
 * The demo account, apart from the seed: the sign-in page needs it, and the seed's imports (the compute
 * engine, the precomputed run files) have no place in a page's bundle.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';

/** Printed by the start banner; documented in the README. */
export const DEMO_LOGIN = { email: 'demo@grn.studio', password: 'sim350-demo' } as const;

/**
 * The demo login to offer on the sign-in page: only while demo seeding is on and the demo account exists
 * (a lab's own deployment sets SEED_DEMO=false and shows nothing).
 */
export async function demoLoginOnOffer(db: Database, seedDemoEnabled: boolean): Promise<typeof DEMO_LOGIN | null> {
  if (!seedDemoEnabled) return null;
  const found = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGIN.email)).limit(1);
  return found.length ? DEMO_LOGIN : null;
}
