/**
 * The one minimal OpenID Connect provider for tests (integration and end-to-end): discovery, JWKS, an
 * authorization endpoint, a token endpoint that checks the client secret and the PKCE S256 verifier and
 * issues an RS256 id_token, and userinfo. Enough for next-auth's real code flow; nothing else.
 *
 * Who signs in: by default the user last given to `signInAs`, at once (integration tests drive the
 * redirects themselves). With `loginPage: true` the authorization endpoint shows a one-form sign-on page
 * ("University email", "Full name") and signs in whoever is typed there (end-to-end tests in a browser).
 */
import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOidcUser {
  sub: string;
  email?: string;
  name?: string;
}

export interface FakeOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in (without `loginPage`). */
  signInAs(user: FakeOidcUser): void;
  /** Token requests refused so far, with the reason (wrong secret, bad PKCE verifier, …). */
  refusals: string[];
  stop(): Promise<void>;
}

interface Grant {
  user: FakeOidcUser;
  challenge: string;
  redirectUri: string;
  nonce?: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function send(res: http.ServerResponse, status: number, body: unknown) {
  const html = typeof body === 'string';
  res.writeHead(status, { 'content-type': html ? 'text/html; charset=utf-8' : 'application/json', 'cache-control': 'no-store' });
  res.end(html ? body : JSON.stringify(body));
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

/** The person typed on the sign-on page: a stable subject per email, as a university's IdP would give. */
const typedUser = (email: string, name: string): FakeOidcUser => ({
  sub: `uni-${createHash('sha256').update(email).digest('hex').slice(0, 12)}`,
  email,
  name,
});

export async function startFakeOidcProvider(options: { loginPage?: boolean } = {}): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const clientId = 'grn-studio-test';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, Grant>();
  const accessTokens = new Map<string, FakeOidcUser>();
  const refusals: string[] = [];
  let user: FakeOidcUser = { sub: 'nobody' };
  let issuer = '';

  const signIdToken = (claims: Record<string, unknown>) => {
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const payload = b64url(JSON.stringify(claims));
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  };

  /** Issues a code for `who` and sends the browser back to the client with it. */
  const approve = (res: http.ServerResponse, q: URLSearchParams, who: FakeOidcUser) => {
    const code = randomBytes(16).toString('hex');
    codes.set(code, { user: who, challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '', nonce: q.get('nonce') || undefined });
    const back = new URL(q.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    if (q.get('state')) back.searchParams.set('state', q.get('state') ?? '');
    res.writeHead(302, { location: back.toString() });
    res.end();
  };

  const signOnPage = (q: URLSearchParams) => {
    const hidden = ['client_id', 'redirect_uri', 'state', 'nonce', 'code_challenge', 'code_challenge_method']
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
      .join('');
    return `<!doctype html><title>Test University sign-on</title><h1>Test University sign-on</h1>
      <form method="post" action="/authorize">${hidden}
        <label>University email <input name="email" type="email"></label>
        <label>Full name <input name="name"></label>
        <button type="submit">Continue</button></form>`;
  };

  const token = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const form = await readForm(req);
    const basic = req.headers.authorization?.match(/^Basic (.+)$/i)?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
      : [form.get('client_id'), form.get('client_secret')];
    const grant = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const refuse = (status: number, error: string, why: string) => {
      refusals.push(why);
      send(res, status, { error, error_description: why });
    };
    if (id !== clientId || secret !== clientSecret) return refuse(401, 'invalid_client', 'client authentication failed');
    if (!grant) return refuse(400, 'invalid_grant', 'unknown or used code');
    if (grant.redirectUri !== form.get('redirect_uri')) return refuse(400, 'invalid_grant', 'redirect_uri mismatch');
    if (b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) return refuse(400, 'invalid_grant', 'PKCE verifier mismatch');
    const now = Math.floor(Date.now() / 1000);
    const accessToken = randomBytes(16).toString('hex');
    accessTokens.set(accessToken, grant.user);
    const idToken = signIdToken({
      iss: issuer,
      aud: clientId,
      iat: now,
      exp: now + 300,
      ...grant.user,
      ...(grant.user.email ? { email_verified: true } : {}),
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    });
    send(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 300, id_token: idToken, scope: 'openid email profile' });
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    try {
      if (url.pathname === '/.well-known/openid-configuration') {
        return send(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          userinfo_endpoint: `${issuer}/userinfo`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'email', 'profile'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          claims_supported: ['sub', 'email', 'email_verified', 'name'],
        });
      }
      if (url.pathname === '/jwks') {
        return send(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
      }
      if (url.pathname === '/authorize') {
        const q = req.method === 'POST' ? await readForm(req) : url.searchParams;
        if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('redirect_uri')) {
          return send(res, 400, { error: 'invalid_request' });
        }
        if (!options.loginPage) return approve(res, q, user);
        if (req.method !== 'POST') return send(res, 200, signOnPage(q));
        return approve(res, q, typedUser(q.get('email') ?? '', q.get('name') ?? ''));
      }
      if (url.pathname === '/token' && req.method === 'POST') return await token(req, res);
      if (url.pathname === '/userinfo') {
        const who = accessTokens.get(req.headers.authorization?.replace(/^Bearer /i, '') ?? '');
        return who ? send(res, 200, { ...who, ...(who.email ? { email_verified: true } : {}) }) : send(res, 401, { error: 'invalid_token' });
      }
      send(res, 404, { error: 'not_found' });
    } catch (e) {
      send(res, 500, { error: 'server_error', error_description: String(e) });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    refusals,
    signInAs: (u) => {
      user = u;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
