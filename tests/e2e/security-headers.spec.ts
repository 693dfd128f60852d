import { expect, test } from '@playwright/test';
import { newUser, signUp } from './helpers';

test('pages and /api/graphql carry the security headers; the app runs under its nonce CSP', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/signin');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Every inline script is Next's own and carries this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // The client-side app still works: signing up is a hydrated form.
  await signUp(page, newUser('Csp'));
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  const api = await request.post('/api/graphql', { data: { query: '{ __typename }' } });
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(api.headers()['strict-transport-security']).toBeUndefined();
});

test('/api/graphql refuses an oversized body with 413 before parsing it', async ({ request }) => {
  const response = await request.post('/api/graphql', {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(90 * 1024 * 1024) } }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
});
