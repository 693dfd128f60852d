import { env } from '../env';

/**
 * Signs and encrypts session cookies. `npm start` provides NEXTAUTH_SECRET; outside production a fixed
 * development secret keeps `next dev` and the tests working without setup. Production without a secret
 * fails loudly in next-auth (NO_SECRET) rather than running with a guessable one.
 */
export const sessionSecret: string | undefined =
  env.NEXTAUTH_SECRET ?? (env.NODE_ENV === 'production' ? undefined : 'grn-studio-development-secret-not-for-production');

type HeaderReader = (name: string) => string | null | undefined;

/**
 * Whether this request reached the app over https, so session cookies are `Secure` (and named `__Secure-…`):
 * always when NEXTAUTH_URL is https, and behind a trusted proxy when it says the client used https.
 */
export function isSecureRequest(header: HeaderReader, settings = { appUrl: env.NEXTAUTH_URL, trustProxy: env.TRUST_PROXY }): boolean {
  if (settings.appUrl?.startsWith('https://')) return true;
  if (!settings.trustProxy) return false;
  return header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * The client's address for throttling. Next.js fills X-Forwarded-For from the socket when the request has
 * none; behind a trusted proxy the last entry is the one that proxy appended (entries before it are the
 * client's own claims). Without TRUST_PROXY a client that sends the header itself can choose its address, so
 * per-address limits are then a second line only; per-account limits do not depend on it.
 */
export function clientAddress(header: HeaderReader): string | null {
  const entries = (header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.at(-1)?.slice(0, 100) ?? null;
}
