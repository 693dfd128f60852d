import { getToken } from 'next-auth/jwt';
import type { Database } from '@/db/client';
import { authenticateToken } from '../accounts/service';
import { viewerForSession } from '../accounts/sessions';
import type { Viewer } from '../context';
import { isSecureRequest, sessionSecret } from './secret';

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
  return viewerFromSessionCookie(
    db,
    headers.get('cookie'),
    isSecureRequest((name) => headers.get(name)),
  );
}

/** The session cookie's viewer: the JWT must verify and name a live server-side session of that user. */
export async function viewerFromSessionCookie(db: Database, cookieHeader: string | null, secure: boolean): Promise<Viewer | null> {
  if (!cookieHeader || !sessionSecret) return null;
  // getToken reads chunked session cookies from a Map; no authorization header is passed on purpose.
  const token = await getToken({
    req: { cookies: parseCookies(cookieHeader), headers: {} } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: sessionSecret,
    secureCookie: secure,
  });
  return token ? viewerForSession(db, token.sub, token.sid) : null;
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
