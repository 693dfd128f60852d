import { describe, expect, it } from 'vitest';
import { clientAddress, isSecureRequest } from './secret';
import { parseTooManyAttempts, tooManyAttemptsError, withThrottleStatus } from './throttle-response';

describe('throttled sign-in responses', () => {
  it('turn next-auth JSON and redirect answers into 429 with Retry-After', async () => {
    const json = new Response(JSON.stringify({ url: 'http://localhost:3000/api/auth/error?error=TooManyAttempts%3A17' }), {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
    const out = await withThrottleStatus(json);
    expect(out.status).toBe(429);
    expect(out.headers.get('retry-after')).toBe('17');
    expect(await out.json()).toEqual({ url: expect.stringContaining('TooManyAttempts') });
    const redirect = new Response(null, { status: 302, headers: { location: '/signin?error=TooManyAttempts%3A3' } });
    expect((await withThrottleStatus(redirect)).headers.get('retry-after')).toBe('3');
    const wrong = new Response(JSON.stringify({ url: '/api/auth/error?error=CredentialsSignin' }), {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
    expect((await withThrottleStatus(wrong)).status).toBe(401);
    expect(parseTooManyAttempts(tooManyAttemptsError(9))).toBe(9);
    expect(parseTooManyAttempts('CredentialsSignin')).toBeNull();
  });
});

describe('requests behind a proxy', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  it('get Secure cookies for an https app URL, or an https proxy only when it is trusted', () => {
    expect(isSecureRequest(headers({}), { appUrl: 'https://grn.example.org', trustProxy: false })).toBe(true);
    expect(isSecureRequest(headers({ 'x-forwarded-proto': 'https' }), { appUrl: undefined, trustProxy: true })).toBe(true);
    expect(isSecureRequest(headers({ 'x-forwarded-proto': 'https' }), { appUrl: undefined, trustProxy: false })).toBe(false);
    expect(isSecureRequest(headers({ 'x-forwarded-proto': 'http' }), { appUrl: 'http://localhost:3000', trustProxy: true })).toBe(false);
  });
  it('take the client address the nearest proxy appended', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientAddress(headers({}))).toBeNull();
  });
});
