import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal OpenID Connect provider for tests: discovery, authorize (with a one-field login page), token
 * (authorization code + PKCE S256, client_secret_basic or _post), JWKS and userinfo, ID tokens signed RS256
 * with node:crypto. Enough for a real next-auth sign-in round trip, nothing more.
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  user: { sub: string; email: string; name: string };
}

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  const clientId = 'grn-studio-test';
  const clientSecret = crypto.randomBytes(16).toString('hex');
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = crypto.randomBytes(8).toString('hex');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, PendingCode['user']>();
  let issuer = '';

  const signJwt = (claims: Record<string, unknown>) => {
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const body = b64url(JSON.stringify(claims));
    const signature = crypto.sign('sha256', Buffer.from(`${head}.${body}`), privateKey);
    return `${head}.${body}.${b64url(signature)}`;
  };

  const clientFrom = (req: http.IncomingMessage, form: URLSearchParams): { id: string; secret: string } | null => {
    const basic = req.headers.authorization?.match(/^Basic (.+)$/i);
    if (basic) {
      const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
    }
    const id = form.get('client_id');
    const secret = form.get('client_secret');
    return id && secret ? { id, secret } : null;
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    try {
      if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
        return send(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'email', 'profile'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          code_challenge_methods_supported: ['S256'],
          claims_supported: ['sub', 'email', 'email_verified', 'name'],
        });
      }
      if (req.method === 'GET' && url.pathname === '/jwks') return send(res, 200, { keys: [jwk] });
      if (req.method === 'GET' && url.pathname === '/authorize') {
        const p = url.searchParams;
        if (p.get('client_id') !== clientId) return send(res, 400, '<p>unknown client_id</p>');
        if (p.get('response_type') !== 'code') return send(res, 400, '<p>only response_type=code</p>');
        if (!p.get('redirect_uri')) return send(res, 400, '<p>redirect_uri missing</p>');
        const hidden = ['redirect_uri', 'state', 'nonce', 'code_challenge', 'code_challenge_method']
          .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p.get(k) ?? '')}">`)
          .join('');
        return send(
          res,
          200,
          `<!doctype html><title>Test University sign-on</title><h1>Test University sign-on</h1>
           <form method="post" action="/authorize">${hidden}
             <label>University email <input name="email" type="email"></label>
             <label>Full name <input name="name"></label>
             <button type="submit">Continue</button></form>`,
        );
      }
      if (req.method === 'POST' && url.pathname === '/authorize') {
        const form = await readForm(req);
        const email = form.get('email') ?? '';
        const code = crypto.randomBytes(16).toString('hex');
        codes.set(code, {
          clientId,
          redirectUri: form.get('redirect_uri') ?? '',
          codeChallenge: form.get('code_challenge') || null,
          nonce: form.get('nonce') || null,
          user: { sub: `uni-${crypto.createHash('sha256').update(email).digest('hex').slice(0, 12)}`, email, name: form.get('name') ?? '' },
        });
        const back = new URL(form.get('redirect_uri') ?? '');
        back.searchParams.set('code', code);
        if (form.get('state')) back.searchParams.set('state', form.get('state')!);
        res.writeHead(302, { location: back.toString() });
        return res.end();
      }
      if (req.method === 'POST' && url.pathname === '/token') {
        const form = await readForm(req);
        const client = clientFrom(req, form);
        if (!client || client.id !== clientId || client.secret !== clientSecret) return send(res, 401, { error: 'invalid_client' });
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!pending || pending.redirectUri !== form.get('redirect_uri')) return send(res, 400, { error: 'invalid_grant' });
        if (pending.codeChallenge) {
          const verifier = form.get('code_verifier') ?? '';
          if (b64url(crypto.createHash('sha256').update(verifier).digest()) !== pending.codeChallenge) {
            return send(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
          }
        }
        const now = Math.floor(Date.now() / 1000);
        const accessToken = crypto.randomBytes(16).toString('hex');
        accessTokens.set(accessToken, pending.user);
        const idToken = signJwt({
          iss: issuer,
          aud: clientId,
          sub: pending.user.sub,
          iat: now,
          exp: now + 300,
          ...(pending.nonce ? { nonce: pending.nonce } : {}),
          email: pending.user.email,
          email_verified: true,
          name: pending.user.name,
        });
        return send(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 300, id_token: idToken, scope: 'openid email profile' });
      }
      if (req.method === 'GET' && url.pathname === '/userinfo') {
        const token = req.headers.authorization?.replace(/^Bearer /i, '') ?? '';
        const user = accessTokens.get(token);
        if (!user) return send(res, 401, { error: 'invalid_token' });
        return send(res, 200, { sub: user.sub, email: user.email, email_verified: true, name: user.name });
      }
      return send(res, 404, { error: 'not_found' });
    } catch (e) {
      return send(res, 500, { error: 'server_error', error_description: String(e) });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
