/**
 * Sign-in abuse and revocable sessions: per-account and per-address backoff (in the database), sign-up
 * limits with 429 + Retry-After, server-side sessions that sign-out and password changes end, re-hashing.
 */
import { scryptSync } from 'node:crypto';
import NextAuth from 'next-auth';
import { expect, it, onTestFinished } from 'vitest';
import { verifyCredentials } from '@/server/accounts/service';
import { startSession } from '@/server/accounts/sessions';
import { configureSignUpAllowance } from '@/server/accounts/throttle';
import { createAuthOptions } from '@/server/auth/options';
import { sessionSecret } from '@/server/auth/secret';
import { firstError, forEachBackend, type Harness } from './harness';

const ME = `query Me { me { id name } }`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id } }`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { endedSessions user { id } } }`;
const UPDATE_ME = `mutation($name: String!) { updateMe(name: $name) { id name } }`;
const PASSWORD = 'correct horse battery';

/** A browser talking to next-auth's real handler (credentials sign-in and sign-out), keeping its cookies. */
function browser(h: Harness, address = '198.51.100.7') {
  const options = createAuthOptions({ secret: sessionSecret, oidc: null, database: () => h.db });
  const jar = new Map<string, string>();
  const call = async (action: string, providerId: string | undefined, method: 'GET' | 'POST', body: Record<string, string> = {}) => {
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
      json(b: unknown) {
        out.body = b;
        return res;
      },
      send(b: unknown) {
        out.body = b;
        return res;
      },
    };
    const req = {
      method,
      query: { nextauth: providerId ? [action, providerId] : [action] },
      body,
      cookies: Object.fromEntries(jar),
      headers: { host: 'localhost:3000', 'x-forwarded-for': address },
    };
    await NextAuth(req as never, res as never, options);
    for (const line of [out.headers.get('set-cookie') ?? []].flat()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
      if (attributes.some((a) => /^max-age=0$/i.test(a)) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return out;
  };
  const csrf = async () => ((await call('csrf', undefined, 'GET')).body as { csrfToken: string }).csrfToken;
  return {
    cookie: () => `next-auth.session-token=${jar.get('next-auth.session-token') ?? ''}`,
    /** The error code next-auth reports (null: signed in). */
    async signIn(email: string, password: string): Promise<string | null> {
      const out = await call('callback', 'credentials', 'POST', { csrfToken: await csrf(), email, password, json: 'true' });
      const url = new URL((out.body as { url: string }).url, 'http://localhost:3000');
      return url.searchParams.get('error');
    },
    async signOut() {
      await call('signout', undefined, 'POST', { csrfToken: await csrf(), json: 'true' });
    },
  };
}

const me = async (h: Harness, cookie: string) => (await h.http({ query: ME }, { cookie })).body.data?.me ?? null;

await forEachBackend('sign-in abuse and sessions', (h) => {
  it('backs off wrong passwords per account: free tries, then blocks that grow, even for the right password', async () => {
    const grace = await h.user('Grace');
    const ctx = { db: h.db, clientAddress: null };
    // Five wrong passwords are answered "wrong"; the fifth blocks the account for 1 s, the next ones 2 s, 4 s…
    for (let i = 0; i < 5; i++) expect(await verifyCredentials(ctx, grace.email, 'wrong')).toBeNull();
    await expect(verifyCredentials(ctx, grace.email, PASSWORD)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 1 } });
    await h.query(`update auth_throttle set blocked_until = now() - interval '1 ms'`);
    expect(await verifyCredentials(ctx, grace.email, 'wrong')).toBeNull();
    await expect(verifyCredentials(ctx, grace.email, 'wrong')).rejects.toMatchObject({ details: { retryAfterSeconds: 2 } });
    await h.query(`update auth_throttle set blocked_until = now() - interval '1 ms'`);
    expect(await verifyCredentials(ctx, grace.email, 'wrong')).toBeNull();
    await expect(verifyCredentials(ctx, grace.email, PASSWORD)).rejects.toMatchObject({ details: { retryAfterSeconds: 4 } });
    // Once the wait is over the right password works, and clears the account's count.
    await h.query(`update auth_throttle set blocked_until = now() - interval '1 ms'`);
    expect(await verifyCredentials(ctx, grace.email, PASSWORD)).toMatchObject({ id: grace.userId });
    expect((await h.query(`select count(*)::int as n from auth_throttle where key like 'signin-account:%'`)).rows[0].n).toBe(0);
  });

  it('backs off per address across accounts, and a throttled sign-in says so through next-auth', async () => {
    const victims = [await h.user('V1'), await h.user('V2')];
    const ctx = { db: h.db, clientAddress: '203.0.113.9' };
    for (let i = 0; i < 20; i++) expect(await verifyCredentials(ctx, `nobody-${i}@example.org`, 'guess')).toBeNull();
    await expect(verifyCredentials(ctx, victims[0].email, PASSWORD)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Another address is not affected.
    expect(await verifyCredentials({ db: h.db, clientAddress: '203.0.113.10' }, victims[1].email, PASSWORD)).toMatchObject({ id: victims[1].userId });
    // Hashing decoys is slow on a loaded machine: keep the address blocked while next-auth is asked.
    await h.query(`update auth_throttle set blocked_until = now() + interval '60 s' where key = 'signin-address:203.0.113.9'`);
    const b = browser(h, '203.0.113.9');
    expect(await b.signIn(victims[1].email, PASSWORD)).toMatch(/^TooManyAttempts:\d+$/);
  });

  it('limits sign-ups per address with 429 and Retry-After', async () => {
    const allowance = configureSignUpAllowance(5);
    onTestFinished(() => void configureSignUpAllowance(allowance));
    const from = { 'x-forwarded-for': '192.0.2.44' };
    for (let i = 0; i < 5; i++) {
      const ok = await h.http({ query: SIGN_UP, variables: { input: { email: `n${i}@flood.example`, name: 'N', password: 'long enough' } } }, from);
      expect(ok.body.errors).toBeUndefined();
    }
    const before = await h.counts('users');
    const refused = await h.http({ query: SIGN_UP, variables: { input: { email: 'n5@flood.example', name: 'N', password: 'long enough' } } }, from);
    expect(refused.status, JSON.stringify(refused.body)).toBe(429);
    expect(firstError(refused.body)).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/Try again in \d+ s/) });
    expect(await h.counts('users')).toEqual(before);
    const elsewhere = await h.http(
      { query: SIGN_UP, variables: { input: { email: 'other@flood.example', name: 'O', password: 'long enough' } } },
      { 'x-forwarded-for': '192.0.2.45' },
    );
    expect(elsewhere.body.errors).toBeUndefined();
  });

  it('signing out ends the session on the server: the same cookie no longer authenticates', async () => {
    const kim = await h.user('Kim');
    const b = browser(h);
    expect(await b.signIn(kim.email, PASSWORD)).toBeNull();
    const cookie = b.cookie();
    expect(await me(h, cookie)).toMatchObject({ id: kim.userId });
    await b.signOut();
    expect(await me(h, cookie)).toBeNull();
    const { rows } = await h.query(`select count(*)::int as n from user_sessions where user_id = $1 and revoked_at is not null`, [kim.userId]);
    expect(rows[0].n).toBe(1);
  });

  it('changing the password needs the current one and ends every other session', async () => {
    const lee = await h.user('Lee');
    const laptop = browser(h);
    const phone = browser(h);
    expect(await laptop.signIn(lee.email, PASSWORD)).toBeNull();
    expect(await phone.signIn(lee.email, PASSWORD)).toBeNull();
    const wrong = await h.http({ query: CHANGE_PASSWORD, variables: { c: 'not it', n: 'a new password' } }, { cookie: laptop.cookie() });
    expect(firstError(wrong.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const same = await h.http({ query: CHANGE_PASSWORD, variables: { c: PASSWORD, n: PASSWORD } }, { cookie: laptop.cookie() });
    expect(firstError(same.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const changed = await h.http({ query: CHANGE_PASSWORD, variables: { c: PASSWORD, n: 'a new password' } }, { cookie: laptop.cookie() });
    expect(changed.body.data?.changePassword).toEqual({ endedSessions: 1, user: { id: lee.userId } });
    expect(await me(h, laptop.cookie())).toMatchObject({ id: lee.userId });
    expect(await me(h, phone.cookie())).toBeNull();
    expect(await browser(h).signIn(lee.email, PASSWORD)).toBe('CredentialsSignin');
    expect(await browser(h).signIn(lee.email, 'a new password')).toBeNull();
  });

  it('wrong current passwords are throttled too (429); renaming works', async () => {
    const max = await h.user('Max');
    const sid = await startSession(h.db, max.userId);
    const viewer = { ...max, sessionId: sid };
    for (let i = 0; i < 6; i++) await h.gql(CHANGE_PASSWORD, { c: `wrong ${i}`, n: 'whatever new' }, viewer);
    const blocked = await h.gql(CHANGE_PASSWORD, { c: PASSWORD, n: 'whatever new' }, viewer);
    expect(firstError(blocked)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect((await h.gql(UPDATE_ME, { name: '  Max Planck ' }, viewer)).data?.updateMe).toEqual({ id: max.userId, name: 'Max Planck' });
    expect(firstError(await h.gql(UPDATE_ME, { name: ' ' }, viewer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('re-hashes an older, cheaper hash at the next sign-in', async () => {
    const old = await h.user('Old');
    const salt = Buffer.from('fedcba9876543210');
    const hash = ['scrypt', 16384, 8, 1, salt.toString('base64'), scryptSync(PASSWORD, salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64')].join('$');
    await h.query(`update users set password_hash = $1 where id = $2`, [hash, old.userId]);
    expect(await verifyCredentials({ db: h.db }, old.email, PASSWORD)).toMatchObject({ id: old.userId });
    const { rows } = await h.query(`select password_hash from users where id = $1`, [old.userId]);
    expect(rows[0].password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyCredentials({ db: h.db }, old.email, PASSWORD)).toMatchObject({ id: old.userId });
  });
});
