import { encode } from 'next-auth/jwt';
import { expect, it } from 'vitest';
import { findOrCreateOidcUser, verifyCredentials } from '@/server/accounts/service';
import { startSession } from '@/server/accounts/sessions';
import { createAuthOptions } from '@/server/auth/options';
import { sessionSecret } from '@/server/auth/secret';
import { firstError, forEachBackend } from './harness';

const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id email name } }`;
const ME = `query Me { me { id email name } }`;
const CREATE_TOKEN = `mutation CreateToken($name: String!) { createApiToken(name: $name) { secret token { id name prefix revokedAt lastUsedAt } } }`;
const REVOKE_TOKEN = `mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const MY_TOKENS = `query MyTokens { myTokens { id name prefix revokedAt lastUsedAt } }`;
const accountTables = ['users', 'api_tokens', 'identities', 'memberships', 'invitations', 'audit_events'];

await forEachBackend('accounts', (h) => {
  it('signs up with a lower-cased email, stores a scrypt hash and records an audit event', async () => {
    const result = await h.gql(SIGN_UP, { input: { email: '  Ada.Lovelace@Example.ORG ', name: ' Ada ', password: 'analytical' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp).toMatchObject({ email: 'ada.lovelace@example.org', name: 'Ada' });
    const { rows } = await h.query(`select password_hash from users where email = 'ada.lovelace@example.org'`);
    expect(rows[0].password_hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const audit = await h.query(`select action, project_id from audit_events where actor_id = $1`, [result.data!.signUp.id]);
    expect(audit.rows).toEqual([{ action: 'user.sign_up', project_id: null }]);
  });

  it('verifies the address at sign-up when no SMTP is configured (no link could be delivered)', async () => {
    const { signUp } = (await h.gql(SIGN_UP, { input: { email: 'verified.at.sign-up@example.org', name: 'Verified', password: 'long enough' } })).data!;
    const newcomer = { userId: signUp.id as string, email: 'verified.at.sign-up@example.org', name: 'Verified', via: 'session' as const };
    expect((await h.gql(`{ me { emailVerified } }`, {}, newcomer)).data?.me).toEqual({ emailVerified: true });
    expect((await h.query(`select email_verified_at, verification_token_hash from users where id = $1`, [newcomer.userId])).rows[0]).toMatchObject({
      verification_token_hash: null,
    });
    expect((await h.gql(`mutation { resendVerificationEmail }`, {}, newcomer)).data).toEqual({ resendVerificationEmail: false });
  });

  it('refuses bad sign-ups with a clear error naming the field, and stores nothing', async () => {
    await h.user('Existing', 'taken@example.org');
    const before = await h.counts(...accountTables);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ email: 'TAKEN@example.org', name: 'Other', password: 'long enough' }, 'email', /already exists/],
      [{ email: 'not-an-email', name: 'Bob', password: 'long enough' }, 'email', /valid email/],
      [{ email: 'bob@', name: 'Bob', password: 'long enough' }, 'email', /valid email/],
      [{ email: 'bob@example.org', name: 'x'.repeat(101), password: 'long enough' }, 'name', /at most 100/],
      [{ email: 'bob@example.org', name: '   ', password: 'long enough' }, 'name', /Enter your name/],
      [{ email: 'bob@example.org', name: 'Bob', password: 'short' }, 'password', /at least 8/],
    ];
    for (const [input, field, message] of cases) {
      const error = firstError(await h.gql(SIGN_UP, { input }));
      expect(error?.field, JSON.stringify(input)).toBe(field);
      expect(error?.message).toMatch(message);
      expect(error?.code).toBe(field === 'email' && /already/.test(message.source) ? 'CONFLICT' : 'BAD_USER_INPUT');
    }
    expect(await h.counts(...accountTables)).toEqual(before);
  });

  it('verifies credentials: right password yes; wrong password, unknown or malformed email no', async () => {
    const grace = await h.user('Grace', 'grace@example.org');
    expect(await verifyCredentials({ db: h.db }, 'GRACE@example.org', 'correct horse battery')).toMatchObject({ id: grace.userId });
    expect(await verifyCredentials({ db: h.db }, 'grace@example.org', 'wrong password')).toBeNull();
    expect(await verifyCredentials({ db: h.db }, 'nobody@example.org', 'correct horse battery')).toBeNull();
    expect(await verifyCredentials({ db: h.db }, 'not an email', 'correct horse battery')).toBeNull();
    expect(await verifyCredentials({ db: h.db }, 'grace@example.org', undefined)).toBeNull();
  });

  it('me is null when signed out and the user when signed in', async () => {
    const alan = await h.user('Alan');
    expect((await h.gql(ME)).data?.me).toBeNull();
    expect((await h.gql(ME, {}, alan)).data?.me).toMatchObject({ id: alan.userId, name: 'Alan' });
  });

  it('reads the viewer from the next-auth session cookie; a forged cookie is anonymous', async () => {
    const kate = await h.user('Kate');
    const sid = await startSession(h.db, kate.userId);
    const jwt = await encode({ token: { sub: kate.userId, name: 'Kate', email: kate.email, sid }, secret: sessionSecret! });
    const signedIn = await h.http({ query: ME }, { cookie: `other=1; next-auth.session-token=${jwt}` });
    expect(signedIn.body.data?.me).toMatchObject({ id: kate.userId });
    const forged = await encode({ token: { sub: kate.userId, sid }, secret: 'some-other-secret-of-sufficient-length' });
    const anonymous = await h.http({ query: ME }, { cookie: `next-auth.session-token=${forged}` });
    expect(anonymous.body.data?.me).toBeNull();
  });

  it('creates a token whose secret is shown once and stored only as a hash, then authenticates with it', async () => {
    const lin = await h.user('Lin');
    const created = await h.gql(CREATE_TOKEN, { name: 'laptop script' }, lin);
    expect(created.errors).toBeUndefined();
    const { secret, token } = created.data!.createApiToken;
    expect(secret).toMatch(/^grn_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const stored = await h.query(`select * from api_tokens where id = $1`, [token.id]);
    expect(JSON.stringify(stored.rows)).not.toContain(secret.slice(4));

    const viaToken = await h.http({ query: ME }, { authorization: `Bearer ${secret}` });
    expect(viaToken.status).toBe(200);
    expect(viaToken.body.data?.me).toMatchObject({ id: lin.userId });
    const listed = await h.gql(MY_TOKENS, {}, lin);
    expect(listed.data?.myTokens).toHaveLength(1);
    expect(listed.data?.myTokens[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.data)).not.toContain(secret);
  });

  it('refuses missing, malformed and revoked tokens with 401 and a clear message', async () => {
    const mo = await h.user('Mo');
    const { secret, token } = (await h.gql(CREATE_TOKEN, { name: 'ci' }, mo)).data!.createApiToken;

    const unknown = await h.http({ query: ME }, { authorization: `Bearer grn_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(firstError(unknown.body)).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/not valid/) });
    const malformed = await h.http({ query: ME }, { authorization: 'Bearer' });
    expect(malformed.status).toBe(401);

    const revoked = await h.gql(REVOKE_TOKEN, { id: token.id }, mo);
    expect(revoked.data?.revokeApiToken.revokedAt).not.toBeNull();
    const before = await h.counts(...accountTables);
    const afterRevoke = await h.http({ query: ME }, { authorization: `Bearer ${secret}` });
    expect(afterRevoke.status).toBe(401);
    expect(firstError(afterRevoke.body)).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/was revoked on/) });
    expect(afterRevoke.body.data).toBeUndefined();
    expect(await h.counts(...accountTables)).toEqual(before);

    // Without any credentials, fields that need an account answer UNAUTHENTICATED.
    const anonymous = await h.http({ query: MY_TOKENS });
    expect(firstError(anonymous.body)?.code).toBe('UNAUTHENTICATED');
  });

  it('revokes only own tokens; a token cannot mint tokens', async () => {
    const owner = await h.user('Owner');
    const thief = await h.user('Thief');
    const { secret, token } = (await h.gql(CREATE_TOKEN, { name: 'mine' }, owner)).data!.createApiToken;
    const before = await h.counts(...accountTables);
    expect(firstError(await h.gql(REVOKE_TOKEN, { id: token.id }, thief))?.code).toBe('NOT_FOUND');
    expect(firstError(await h.gql(REVOKE_TOKEN, { id: 'not-a-uuid' }, owner))?.code).toBe('NOT_FOUND');
    const minted = await h.http({ query: CREATE_TOKEN, variables: { name: 'more' } }, { authorization: `Bearer ${secret}` });
    expect(firstError(minted.body)).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await h.gql(CREATE_TOKEN, { name: '  ' }, owner))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const after = await h.counts(...accountTables);
    expect(after).toEqual(before);
    const audit = await h.query(`select action from audit_events where actor_id = $1 order by id`, [owner.userId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['user.sign_up', 'token.create']);
  });

  it('OIDC sign-in links an identity, reuses it, and joins an account with the same email', async () => {
    const existing = await h.user('Existing Oidc', 'sso@example.org');
    const first = await findOrCreateOidcUser({ db: h.db }, { provider: 'https://idp.example', subject: 'abc', email: 'SSO@example.org', name: 'Someone' });
    expect(first.id).toBe(existing.userId);
    const again = await findOrCreateOidcUser({ db: h.db }, { provider: 'https://idp.example', subject: 'abc', email: 'changed@example.org', name: 'x' });
    expect(again.id).toBe(existing.userId);
    const fresh = await findOrCreateOidcUser({ db: h.db }, { provider: 'https://idp.example', subject: 'new', email: 'new.sso@example.org', name: undefined });
    expect(fresh).toMatchObject({ email: 'new.sso@example.org', name: 'new.sso' });
    const { rows } = await h.query(`select password_hash from users where id = $1`, [fresh.id]);
    expect(rows[0].password_hash).toBeNull();
    // A password sign-in is impossible for an SSO-only account.
    expect(await verifyCredentials({ db: h.db }, 'new.sso@example.org', '')).toBeNull();
  });

  it('puts OUR user id and a new server-side session into the session token (jwt and session callbacks)', async () => {
    const a = await h.user('A');
    const user = { id: a.userId, email: a.email, name: 'A' };
    const options = createAuthOptions({ secret: sessionSecret, oidc: null, database: () => h.db });
    const token = await options.callbacks!.jwt!({ token: {}, user, account: null } as never);
    expect(token).toMatchObject({ sub: user.id, email: user.email, name: user.name, sid: expect.any(String) });
    const { rows } = await h.query(`select user_id, revoked_at from user_sessions where id = $1`, [token.sid]);
    expect(rows).toEqual([{ user_id: user.id, revoked_at: null }]);
    const authOptions = options;
    const session = await authOptions.callbacks!.session!({ session: { expires: '' }, token } as never);
    expect((session as { user: unknown }).user).toEqual(user);
  });
});
