/**
 * Email verification with SMTP configured (issue 17 item 3): a password sign-up is unverified and emailed a
 * one-time, expiring link (to a local SMTP server started here); until it is opened the account cannot join
 * or invite, and single sign-on does not link to it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, it } from 'vitest';

const received: { to: string[]; data: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

// The settings module reads the environment once, when first imported: set SMTP before importing the app.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`;
process.env.SMTP_FROM = 'GRN Studio <grn@lab.test>';
process.env.NEXTAUTH_URL = 'http://grn.lab.test';
const { forEachBackend } = await import('./harness');
const { ok, team } = await import('./data-fixtures');
const { inviteMember } = await import('@/server/projects/members');
const { findOrCreateOidcUser } = await import('@/server/accounts/service');
const { startSession } = await import('@/server/accounts/sessions');

/** The verification link mailed to `email` after `after` mails had arrived (soft line breaks undone). */
async function linkMailedTo(email: string, after: number): Promise<string> {
  const until = Date.now() + 5000;
  for (;;) {
    const mail = received.slice(after).find((m) => m.to.includes(email) && m.data.includes('Confirm your email'));
    if (mail) return /http:\/\/grn\.lab\.test\/verify-email\/(ver_[A-Za-z0-9_-]{43})/.exec(mail.data.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1];
    if (Date.now() > until) throw new Error(`no verification mail to ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { id email emailVerified } }`;
const ME = `{ me { emailVerified } }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
const RESEND = `mutation { resendVerificationEmail }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) { id } }`;

await forEachBackend('email verification', (h) => {
  const signUp = async (name: string) => {
    const email = `${name.toLowerCase()}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@lab.test`;
    const before = received.length;
    const { signUp: user } = await ok(h, SIGN_UP, { input: { email, name, password: 'long enough password' } }, null as never);
    return { viewer: { userId: user.id as string, email, name, via: 'session' as const }, user, token: await linkMailedTo(email, before) };
  };

  it('signs up unverified, mails a one-time link that verifies the address, keeping only its hash', async () => {
    const { viewer, user, token } = await signUp('Nina');
    expect(user.emailVerified).toBeNull(); // not shown to a signed-out caller
    expect((await ok(h, ME, {}, viewer)).me.emailVerified).toBe(false);
    const [row] = (await h.query(`select verification_token_hash, email_verified_at from users where id = $1`, [viewer.userId])).rows;
    expect(row.verification_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.verification_token_hash).not.toContain(token);
    expect(row.email_verified_at).toBeNull();

    expect((await ok(h, VERIFY, { token }, null as never)).verifyEmail).toBe(true);
    expect((await ok(h, ME, {}, viewer)).me.emailVerified).toBe(true);
    const again = await h.gql(VERIFY, { token }, null);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect((await ok(h, RESEND, {}, viewer)).resendVerificationEmail).toBe(false);
  });

  it('keeps an unverified account from joining or inviting until it verifies', async () => {
    const t = await team(h);
    const { viewer, token } = await signUp('Omar');
    const { invitationPath } = await inviteMember(h.context(t.owner), { projectId: t.projectId, email: viewer.email, role: 'viewer' });
    const invitation = invitationPath.split('/').pop()!;
    const refused = await h.gql(ACCEPT, { token: invitation }, viewer);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_UNVERIFIED' });
    expect((await h.query(`select count(*)::int as n from memberships where user_id = $1`, [viewer.userId])).rows[0].n).toBe(0);

    const own = await ok(h, `mutation { createProject(input: { name: "Mine" }) { id } }`, {}, viewer);
    const invite = await h.gql(
      `mutation($p: ID!) { inviteMember(projectId: $p, email: "someone@lab.test", role: viewer) { email } }`,
      { p: own.createProject.id },
      viewer,
    );
    expect(invite.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_UNVERIFIED' });

    await ok(h, VERIFY, { token }, null as never);
    expect((await ok(h, ACCEPT, { token: invitation }, viewer)).acceptInvitation.id).toBe(t.projectId);
  });

  it('expires links after a day; a resend waits a minute, then replaces the old link', async () => {
    const { viewer, token } = await signUp('Pia');
    const tooSoon = await h.gql(RESEND, {}, viewer);
    expect(tooSoon.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    await h.query(`update users set verification_sent_at = now() - interval '25 hours' where id = $1`, [viewer.userId]);
    expect((await h.gql(VERIFY, { token }, null)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const before = received.length;
    expect((await ok(h, RESEND, {}, viewer)).resendVerificationEmail).toBe(true);
    const fresh = await linkMailedTo(viewer.email, before);
    expect(fresh).not.toBe(token);
    await h.query(`update users set verification_sent_at = now() - interval '1 hour' where id = $1`, [viewer.userId]);
    expect((await h.gql(VERIFY, { token }, null)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ok(h, VERIFY, { token: fresh }, null as never)).verifyEmail).toBe(true);
    expect((await h.gql(VERIFY, { token: 'ver_short' }, null)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('hands an unverified address to its single sign-on owner: the squatter loses password, sessions and tokens', async () => {
    const { viewer } = await signUp('Squatter');
    const sessionId = await startSession(h.db, viewer.userId);
    await ok(h, `mutation { createApiToken(name: "kept?") { secret } }`, {}, viewer);
    const owner = await findOrCreateOidcUser(h.context(null), {
      provider: 'https://idp.lab.test',
      subject: 'real-owner',
      email: viewer.email,
      name: 'Real owner',
    });
    expect(owner.id).toBe(viewer.userId);
    const [row] = (await h.query(`select password_hash, email_verified_at from users where id = $1`, [viewer.userId])).rows;
    expect(row.password_hash).toBeNull();
    expect(row.email_verified_at).not.toBeNull();
    expect((await h.query(`select revoked_at from user_sessions where id = $1`, [sessionId])).rows[0].revoked_at).not.toBeNull();
    expect((await h.query(`select count(*)::int as n from api_tokens where user_id = $1 and revoked_at is null`, [viewer.userId])).rows[0].n).toBe(0);

    // A verified account keeps its password when its owner links single sign-on.
    const t = await team(h);
    await findOrCreateOidcUser(h.context(null), { provider: 'https://idp.lab.test', subject: 'editor', email: t.editor.email, name: 'Editor' });
    expect((await h.query(`select password_hash from users where id = $1`, [t.editor.userId])).rows[0].password_hash).not.toBeNull();
  });
});
