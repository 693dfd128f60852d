import { expect, test } from '@playwright/test';
import { newUser, signUp } from './helpers';

const ME = '{ me { email name } }';

test('an API token made on the account page works with a bearer header until it is revoked', async ({ page, request }) => {
  const user = newUser('Ivy');
  await signUp(page, user);
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByLabel('Token name').fill('lab notebook');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secretBox = page.getByLabel('New API token');
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.inputValue();
  expect(secret).toMatch(/^grn_/);
  const row = page.getByRole('row', { name: /lab notebook/ });
  await expect(row).toContainText('Active');
  // The list shows only the prefix, never the whole secret.
  await expect(page.getByRole('table', { name: 'Your API tokens' })).not.toContainText(secret);

  const asScript = (token: string) => request.post('/api/graphql', { headers: { authorization: `Bearer ${token}` }, data: { query: ME } });

  const ok = await asScript(secret);
  expect(ok.ok()).toBe(true);
  expect((await ok.json()).data.me).toEqual({ email: user.email, name: user.name });

  await page.reload();
  await expect(page.getByRole('row', { name: /lab notebook/ })).not.toContainText('never');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Revoke lab notebook' }).click();
  await expect(page.getByRole('row', { name: /lab notebook/ })).toContainText('Revoked');

  const refused = await asScript(secret);
  const body = await refused.json();
  expect(body.data?.me ?? null).toBeNull();
  expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  const forged = await asScript(`${secret.slice(0, -4)}AAAA`);
  expect((await forged.json()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

test('the secret of a new token is shown once only', async ({ page }) => {
  await signUp(page, newUser('Jon'));
  await page.goto('/account');
  await page.getByLabel('Token name').fill('one-off');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByLabel('New API token')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row', { name: /one-off/ })).toBeVisible();
  await expect(page.getByLabel('New API token')).toHaveCount(0);
});

test('a token name is required, and the error sits on the name field', async ({ page }) => {
  await signUp(page, newUser('Kim'));
  await page.goto('/account');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByLabel('Token name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Give the token a name.')).toBeVisible();
});
