/**
 * Single sign-on end to end through next-auth's own request handler (the code behind /api/auth/*)
 * against a local OpenID Connect provider started here: discovery, PKCE, state, the code exchange,
 * the id_token signature, our jwt callback, and the resulting session cookie on the GraphQL endpoint.
 */
import NextAuth from 'next-auth';
import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAuthOptions, oidcProviderId } from '@/server/auth/options';
import { sessionSecret } from '@/server/auth/secret';
import { inviteMember } from '@/server/projects/members';
import { createProject } from '@/server/projects/service';
import { startFakeOidcProvider, type FakeOidcProvider } from '../support/fake-oidc';
import { forEachBackend, type Harness } from './harness';

/** The secret the GraphQL endpoint decodes session cookies with, so the SSO session works there. */
const secret = sessionSecret!;
const tables = ['users', 'identities', 'memberships', 'invitations'];

let idp: FakeOidcProvider;
beforeAll(async () => {
  idp = await startFakeOidcProvider();
});
afterAll(() => idp.stop());

/** A browser: keeps next-auth's cookies between requests. */
function browser(h: Harness) {
  const options = createAuthOptions({
    secret,
    oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, name: 'Test University' },
    database: () => h.db,
  });
  const jar = new Map<string, string>();
  /** One request through next-auth's handler (its pages-API form: the same core as the App Router route). */
  const call = async (
    action: string,
    providerId: string | undefined,
    method: 'GET' | 'POST',
    params: { body?: Record<string, string>; query?: Record<string, string> } = {},
  ) => {
    const out = { status: 200, headers: new Map<string, string | string[]>(), body: undefined as unknown };
    const res = {
      status(code: number) {
        out.status = code;
        return res;
      },
      setHeader(name: string, value: string | string[]) {
        out.headers.set(name.toLowerCase(), value);
        return res;
      },
      getHeader: (name: string) => out.headers.get(name.toLowerCase()),
      end() {
        return res;
      },
      json(body: unknown) {
        out.body = body;
        return res;
      },
      send(body: unknown) {
        out.body = body;
        return res;
      },
    };
    const req = {
      method,
      query: { nextauth: providerId ? [action, providerId] : [action], ...params.query },
      body: params.body ?? {},
      cookies: Object.fromEntries(jar),
      headers: { host: 'localhost:3000' },
    };
    await NextAuth(req as never, res as never, options);
    for (const line of [out.headers.get('set-cookie') ?? []].flat()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
      const expired = attributes.some((a) => /^max-age=0$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    const location = out.headers.get('location');
    return { status: out.status, body: out.body, redirect: typeof location === 'string' ? location : undefined };
  };
  return {
    jar,
    /** Clicks "Sign in with Test University" and follows the redirects; returns where it lands. */
    async signInWithSso(): Promise<string | undefined> {
      const csrf = await call('csrf', undefined, 'GET');
      const { csrfToken } = csrf.body as { csrfToken: string };
      const start = await call('signin', oidcProviderId, 'POST', { body: { csrfToken, callbackUrl: 'http://localhost:3000/projects' } });
      expect(start.redirect).toMatch(new RegExp(`^${idp.issuer}/authorize\\?`));
      const authorize = new URL(start.redirect!);
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('state')).toBeTruthy();
      const approved = await fetch(authorize, { redirect: 'manual' });
      const back = new URL(approved.headers.get('location')!);
      expect(back.pathname).toBe('/api/auth/callback/oidc');
      const done = await call('callback', oidcProviderId, 'GET', { query: Object.fromEntries(back.searchParams) });
      return done.redirect;
    },
    async sessionUserId(): Promise<string | undefined> {
      const cookie = jar.get('next-auth.session-token');
      return cookie ? ((await decode({ token: cookie, secret }))?.sub ?? undefined) : undefined;
    },
  };
}

await forEachBackend('OIDC single sign-on', (h) => {
  it('signs a new person in, creates their account without password; an invitation waits for their answer', async () => {
    const owner = await h.user('Lab Head');
    const project = await createProject(h.context(owner), { name: 'Shared' });
    const { invitationPath } = await inviteMember(h.context(owner), { projectId: project.id, email: 'pat@uni.example', role: 'editor' });

    idp.signInAs({ sub: 'uni-4711', email: 'Pat@Uni.example', name: 'Pat Example' });
    const b = browser(h);
    expect(await b.signInWithSso()).toBe('http://localhost:3000/projects');
    const userId = await b.sessionUserId();
    const { rows } = await h.query(`select email, name, password_hash from users where id = $1`, [userId]);
    expect(rows).toEqual([{ email: 'pat@uni.example', name: 'Pat Example', password_hash: null }]);
    const identity = await h.query(`select provider, subject from identities where user_id = $1`, [userId]);
    expect(identity.rows).toEqual([{ provider: idp.issuer, subject: 'uni-4711' }]);

    // The session cookie works on the GraphQL endpoint; the project appears once the invitation is accepted.
    const cookie = `next-auth.session-token=${b.jar.get('next-auth.session-token')}`;
    expect((await h.http({ query: '{ projects { id } }' }, { cookie })).body.data).toEqual({ projects: [] });
    const accepted = await h.http(
      { query: 'mutation($t: String!) { acceptInvitation(token: $t) { id } }', variables: { t: invitationPath.slice('/invite/'.length) } },
      { cookie },
    );
    expect(accepted.body.errors).toBeUndefined();
    const viaSession = await h.http({ query: '{ me { id } projects { id myRole } }' }, { cookie });
    expect(viaSession.body.errors).toBeUndefined();
    expect(viaSession.body.data).toEqual({ me: { id: userId }, projects: [{ id: project.id, myRole: 'editor' }] });
  });

  it('signs the same person in again as the same account, creating nothing', async () => {
    idp.signInAs({ sub: 'uni-0815', email: 'sam@uni.example', name: 'Sam' });
    const first = browser(h);
    await first.signInWithSso();
    const before = await h.counts(...tables);
    idp.signInAs({ sub: 'uni-0815', email: 'sam.renamed@uni.example', name: 'Sam R' });
    const second = browser(h);
    await second.signInWithSso();
    expect(await second.sessionUserId()).toBe(await first.sessionUserId());
    expect(await h.counts(...tables)).toEqual(before);
  });

  it('links a first SSO sign-in to the existing password account with that email', async () => {
    const existing = await h.user('Robin', 'robin@uni.example');
    idp.signInAs({ sub: 'uni-robin', email: 'robin@uni.example', name: 'Robin SSO' });
    const b = browser(h);
    await b.signInWithSso();
    expect(await b.sessionUserId()).toBe(existing.userId);
  });

  it('refuses an identity without email, storing nothing', async () => {
    const before = await h.counts(...tables);
    idp.signInAs({ sub: 'uni-anon', name: 'No Mail' });
    const b = browser(h);
    const landed = await b.signInWithSso();
    expect(landed).toMatch(/\/signin\?error=OidcEmailMissing$/);
    expect(await b.sessionUserId()).toBeUndefined();
    expect(await h.counts(...tables)).toEqual(before);
    expect(idp.refusals).toEqual([]);
  });
});
