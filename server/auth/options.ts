import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { Database } from '@/db/client';
import { findOrCreateOidcUser, verifyCredentials } from '../accounts/service';
import { revokeSession, startSession } from '../accounts/sessions';
import { getDatabase } from '../db';
import { env, oidcEnabled } from '../env';
import { isDomainError } from '../errors';
import { clientAddress, sessionSecret } from './secret';
import { tooManyAttemptsError } from './throttle-response';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

export const credentialsProviderId = 'credentials';
export const oidcProviderId = 'oidc';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

export interface AuthSettings {
  secret: string | undefined;
  /** Institutional single sign-on; null turns it off. */
  oidc: OidcSettings | null;
  /** Called per sign-in, so importing these options never opens a connection. */
  database: () => Database;
  /** `Secure` session cookies (named `__Secure-…`): decided per request, see isSecureRequest. */
  useSecureCookies?: boolean;
}

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

/** Any OpenID Connect provider, found through discovery; PKCE and state guard the redirect. */
function oidcProvider(oidc: OidcSettings): OAuthConfig<OidcProfile> {
  return {
    id: oidcProviderId,
    name: oidc.name,
    type: 'oauth',
    wellKnown: `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: { params: { scope: 'openid email profile' } },
    profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.preferred_username ?? p.email ?? null }),
  };
}

export function createAuthOptions(settings: AuthSettings): NextAuthOptions {
  const credentials = CredentialsProvider({
    id: credentialsProviderId,
    name: 'Email and password',
    credentials: {
      email: { label: 'Email', type: 'email' },
      password: { label: 'Password', type: 'password' },
    },
    async authorize(input, req) {
      const address = clientAddress((name) => {
        const value = req?.headers?.[name];
        return Array.isArray(value) ? value.join(',') : value;
      });
      try {
        const user = await verifyCredentials({ db: settings.database(), clientAddress: address }, input?.email, input?.password);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      } catch (e) {
        const wait = isDomainError(e) && e.code === 'TOO_MANY_REQUESTS' ? e.details.retryAfterSeconds : undefined;
        if (typeof wait === 'number') throw new Error(tooManyAttemptsError(wait));
        throw e;
      }
    },
  });

  return {
    secret: settings.secret,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    ...(settings.useSecureCookies !== undefined ? { useSecureCookies: settings.useSecureCookies } : {}),
    events: {
      /** The cookie is deleted in the browser; its server-side session ends too, so a copy of it is worthless. */
      async signOut({ token }) {
        await revokeSession(settings.database(), token?.sid);
      },
    },
    pages: { signIn: '/signin' },
    providers: settings.oidc ? [credentials, oidcProvider(settings.oidc)] : [credentials],
    callbacks: {
      async signIn({ account, profile }) {
        // Without an email the account cannot be identified to project owners: refuse with a reason the page shows.
        if (account?.provider === oidcProviderId && !profile?.email) return '/signin?error=OidcEmailMissing';
        return true;
      },
      /**
       * The token's `sub` is always OUR user id, whichever provider signed the user in, and `sid` names the
       * server-side session started at this sign-in (what sign-out and password changes revoke).
       */
      async jwt({ token, user, account, profile }) {
        if (account?.provider === oidcProviderId && settings.oidc) {
          const db = settings.database();
          const ours = await findOrCreateOidcUser(
            { db },
            { provider: settings.oidc.issuer, subject: account.providerAccountId, email: profile?.email, name: profile?.name ?? user?.name },
          );
          return { ...token, sub: ours.id, email: ours.email, name: ours.name, sid: await startSession(db, ours.id) };
        }
        if (user) return { ...token, sub: user.id, email: user.email, name: user.name, sid: await startSession(settings.database(), user.id) };
        return token;
      },
      async session({ session, token }) {
        session.user = { id: token.sub ?? '', email: token.email ?? '', name: token.name ?? '' };
        return session;
      },
    },
  };
}

const oidcFromEnv = (): OidcSettings | null =>
  oidcEnabled() ? { issuer: env.OIDC_ISSUER!, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET!, name: env.OIDC_NAME } : null;

export const authSettingsFromEnv = (database: () => Database): AuthSettings => ({
  secret: sessionSecret,
  oidc: oidcFromEnv(),
  database,
});

export const authOptions: NextAuthOptions = createAuthOptions(authSettingsFromEnv(getDatabase));
