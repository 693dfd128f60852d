import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { reachedOverHttps, securityHeaders } from './security-headers';

describe('security headers', () => {
  it('give pages a nonce CSP that forbids framing and other inline script', () => {
    const h = securityHeaders({ nonce: 'abc', https: false, development: false });
    expect(h['content-security-policy']).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(h['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
    expect(h['strict-transport-security']).toBeUndefined();
  });

  it('send HSTS only over https, trusting X-Forwarded-Proto only behind a trusted proxy', () => {
    expect(securityHeaders({ https: true, development: false })['strict-transport-security']).toMatch(/^max-age=31536000/);
    expect(reachedOverHttps('http://app/x', 'https', true)).toBe(true);
    expect(reachedOverHttps('http://app/x', 'https', false)).toBe(false);
    expect(reachedOverHttps('https://app/x', null, false)).toBe(true);
    expect(reachedOverHttps('http://app/x', 'http, https', true)).toBe(false);
  });

  it('are set by the proxy on a page, with a fresh nonce handed to Next, and on /api/graphql', () => {
    const first = proxy(new NextRequest('http://localhost/projects'));
    const second = proxy(new NextRequest('http://localhost/projects'));
    const csp = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    const api = proxy(new NextRequest('http://localhost/api/graphql', { method: 'POST' }));
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(api.headers.get('x-middleware-request-x-nonce')).toBeNull();
  });
});
