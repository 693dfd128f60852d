import { expect, test } from '@playwright/test';
import { startAppInstance, type AppInstance } from './app-instance';
import { gqlInPage } from './helpers';
import { startFakeOidcProvider, type FakeOidcProvider } from '../support/fake-oidc';

let provider: FakeOidcProvider;
let app: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  provider = await startFakeOidcProvider({ loginPage: true });
  app = await startAppInstance({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: 'Test University',
  });
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.stop();
});

test('single sign-on through an OIDC provider lands signed in', async ({ page }, testInfo) => {
  const email = `oidc.${Date.now()}@uni.example.org`;
  try {
    await page.goto(`${app.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with Test University' }).click();

    await expect(page.getByRole('heading', { name: 'Test University sign-on' })).toBeVisible();
    expect(page.url().startsWith(provider.issuer)).toBe(true);
    await page.getByLabel('University email').fill(email);
    await page.getByLabel('Full name').fill('Olivia Sso');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(`${app.url}/`);
    await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Olivia Sso');
    const me = await gqlInPage(page, '{ me { email name } }');
    expect(me.data?.me).toEqual({ email, name: 'Olivia Sso' });

    // Signing out and in again through the provider finds the same account.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.getByRole('button', { name: 'Sign in with Test University' }).click();
    await page.getByLabel('University email').fill(email);
    await page.getByLabel('Full name').fill('Olivia Sso');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('banner')).toContainText('Olivia Sso');
    const again = await gqlInPage(page, '{ me { id email } }');
    expect(again.data?.me).toMatchObject({ email });
  } finally {
    await testInfo.attach('app-output', { body: app.output(), contentType: 'text/plain' });
  }
});

test('the main test server, without OIDC settings, offers no single sign-on button', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Sign in with/ })).toHaveCount(0);
});
