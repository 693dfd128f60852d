import { getToken } from 'next-auth/jwt';
import type { Database } from '@/db/client';
import { authenticateToken, getUserById } from '../accounts/service';
import type { Viewer } from '../context';
import { isUuid } from '../projects/access';
import { secureCookies, sessionSecret } from './secret';

/**
 * Who sent this request: a personal API token (`Authorization: Bearer grn_…`) when the header is there,
 * otherwise the next-auth session cookie. A bad or revoked token is an error, never a silent fall-back
 * to the cookie, so a script learns at once that its token no longer works.
 */
export async function viewerFromRequest(db: Database, headers: Headers): Promise<Viewer | null> {
  const authorization = headers.get('authorization')?.trim();
  if (authorization && /^bearer(\s|$)/i.test(authorization)) {
    return authenticateToken(db, authorization.slice(6).trim());
  }
  return viewerFromSessionCookie(db, headers.get('cookie'));
}

export async function viewerFromSessionCookie(db: Database, cookieHeader: string | null): Promise<Viewer | null> {
  if (!cookieHeader || !sessionSecret) return null;
  // getToken reads chunked session cookies from a Map; no authorization header is passed on purpose.
  const token = await getToken({
    req: { cookies: parseCookies(cookieHeader), headers: {} } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: sessionSecret,
    secureCookie: secureCookies,
  });
  return token?.sub ? viewerForUser(db, token.sub) : null;
}

/** The session names a user id; the account must still exist, and its current name and email count. */
export async function viewerForUser(db: Database, userId: string): Promise<Viewer | null> {
  if (!isUuid(userId)) return null;
  const user = await getUserById(db, userId);
  return user ? { userId: user.id, email: user.email, name: user.name, via: 'session' } : null;
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}
