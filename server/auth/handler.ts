import 'server-only';
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getDatabase } from '../db';
import { authSettingsFromEnv, createAuthOptions } from './options';
import { isSecureRequest } from './secret';
import { withThrottleStatus } from './throttle-response';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's sign-in, sign-out, session and OIDC callback endpoints under /api/auth/*. Options are made
 * per request because whether cookies are `Secure` depends on how the request arrived (a trusted https proxy).
 */
async function handler(req: NextRequest, ctx: RouteContext): Promise<Response> {
  const options = createAuthOptions({ ...authSettingsFromEnv(getDatabase), useSecureCookies: isSecureRequest((name) => req.headers.get(name)) });
  const response = (await NextAuth(req, ctx, options)) as Response;
  return withThrottleStatus(response);
}

export { handler as GET, handler as POST };
