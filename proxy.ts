import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/server/env';
import { reachedOverHttps, securityHeaders } from '@/server/security-headers';

/**
 * Every response carries the security headers; a page also gets a fresh CSP nonce, passed to Next in
 * the request's Content-Security-Policy header, from which it stamps its own inline scripts.
 */
export function proxy(request: NextRequest): NextResponse {
  const page = isPageRequest(request);
  const nonce = page ? Buffer.from(crypto.randomUUID()).toString('base64') : undefined;
  const headers = securityHeaders({
    nonce,
    https: reachedOverHttps(request.url, request.headers.get('x-forwarded-proto'), env.TRUST_PROXY),
    development: env.NODE_ENV === 'development',
  });
  const forwarded = new Headers(request.headers);
  if (nonce) {
    forwarded.set('x-nonce', nonce);
    forwarded.set('content-security-policy', headers['content-security-policy']);
  }
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function isPageRequest(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return !pathname.startsWith('/api/') && !pathname.startsWith('/_next/') && !/\.[a-z0-9]+$/i.test(pathname);
}

export const config = {
  // Static build files are immutable and carry no user data; everything else, the API included, is covered.
  // /api/uploads is left out: Next would buffer its (up to UPLOAD_MAX_BYTES) body for the proxy, where the
  // route streams it under its own limit; the route sets these headers itself.
  matcher: ['/((?!_next/static|_next/image|api/uploads).*)'],
};
