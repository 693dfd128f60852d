import { env } from '../env';

/**
 * Signs and encrypts session cookies. `npm start` provides NEXTAUTH_SECRET; outside production a fixed
 * development secret keeps `next dev` and the tests working without setup. Production without a secret
 * fails loudly in next-auth (NO_SECRET) rather than running with a guessable one.
 */
export const sessionSecret: string | undefined =
  env.NEXTAUTH_SECRET ?? (env.NODE_ENV === 'production' ? undefined : 'grn-studio-development-secret-not-for-production');

/** next-auth names the cookie `__Secure-…` on https sites. */
export const secureCookies: boolean = env.NEXTAUTH_URL?.startsWith('https://') ?? false;
