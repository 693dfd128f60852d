/**
 * A minimal OpenID Connect provider for tests: discovery, JWKS, an authorization endpoint that signs in
 * a configured user at once, and a token endpoint that checks the client secret and the PKCE verifier
 * and issues an RS256 id_token. Enough for next-auth's real code flow; nothing else.
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
  /** Who the next authorization signs in. */
  signInAs(user: FakeOidcUser): void;
  /** Token requests refused so far, with the reason (wrong secret, bad PKCE verifier, …). */
  refusals: string[];
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export async function startFakeOidcProvider(): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const clientId = 'grn-studio-test';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, { user: FakeOidcUser; challenge: string; redirectUri: string; nonce?: string }>();
  const refusals: string[] = [];
  let user: FakeOidcUser = { sub: 'nobody' };
  let issuer = '';

  const signIdToken = (claims: Record<string, unknown>) => {
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const payload = b64url(JSON.stringify(claims));
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') {
      return json(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    }
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, { user, challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, nonce: q.get('nonce') ?? undefined });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      if (q.get('state')) back.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1];
      const [id, secret] = basic
        ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const refuse = (why: string) => (refusals.push(why), json(res, 400, { error: 'invalid_grant', error_description: why }));
      if (id !== clientId || secret !== clientSecret) return refuse('client authentication failed');
      if (!grant) return refuse('unknown or used code');
      if (grant.redirectUri !== form.get('redirect_uri')) return refuse('redirect_uri mismatch');
      if (b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) return refuse('PKCE verifier mismatch');
      const now = Math.floor(Date.now() / 1000);
      const idToken = signIdToken({
        iss: issuer, aud: clientId, iat: now, exp: now + 300, ...grant.user, ...(grant.nonce ? { nonce: grant.nonce } : {}),
      });
      return json(res, 200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken, scope: 'openid email profile' });
    }
    if (url.pathname === '/userinfo') return json(res, 200, user);
    json(res, 404, { error: 'not_found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    refusals,
    signInAs: (u) => void (user = u),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
