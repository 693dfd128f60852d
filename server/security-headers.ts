/**
 * Response headers that keep the product from being framed, sniffed or made to run injected script.
 * Pages get a CSP whose only inline scripts are Next's own, carrying this request's nonce ('strict-dynamic'
 * lets those load the app's chunks); styles may be inline (React and Cytoscape set style attributes).
 * Other responses (the API, files) get a CSP that allows nothing but still forbids framing.
 */
export interface SecurityHeaderOptions {
  /** A page: a fresh nonce per request. */
  nonce?: string;
  /** The browser reached us over https (directly or through a trusted proxy). */
  https: boolean;
  development: boolean;
}

/** A year; only sent over https, where the browser will remember it. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function pageCsp(nonce: string, o: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    // Development's React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${o.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // Development's hot reload talks over a websocket.
    `connect-src 'self'${o.development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(o.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const resourceCsp = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };
  if (o.nonce) headers['content-security-policy'] = pageCsp(o.nonce, o);
  // The development GraphQL explorer is a page served by the API route; it loads its own scripts.
  else if (!o.development) headers['content-security-policy'] = resourceCsp;
  if (o.https) headers['strict-transport-security'] = HSTS;
  return headers;
}

/** Whether the browser used https: the URL itself, or X-Forwarded-Proto from a proxy we were told to trust. */
export function reachedOverHttps(url: string, forwardedProto: string | null, trustProxy: boolean): boolean {
  if (new URL(url).protocol === 'https:') return true;
  return trustProxy && forwardedProto?.split(',')[0].trim().toLowerCase() === 'https';
}
