import { expect, test } from '@playwright/test';
import { gqlInPage, newUser, signIn, signOut, signUp } from './helpers';

test('signing out ends the session on the server: a saved copy of the cookie no longer works', async ({ page, browser }) => {
  const user = newUser('Ivo');
  await signUp(page, user);
  const saved = await page.context().storageState();
  await signOut(page);
  await expect(page).toHaveURL(new RegExp(`^${new URL(page.url()).origin}/signin`));

  // A browser that replays the old cookie is signed out too.
  const replay = await browser.newContext({ storageState: saved });
  const replayed = await replay.newPage();
  await replayed.goto('/account');
  await expect(replayed).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  expect((await gqlInPage(replayed, '{ me { id } }')).data?.me).toBeNull();
  await replay.close();
});

test('the account page changes the name and the password; other sessions end', async ({ page, browser }) => {
  const user = newUser('Jo');
  await signUp(page, user);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/signin');
  await signIn(otherPage, user);
  await expect(otherPage.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();

  await page.goto('/account');
  await page.getByLabel('Name', { exact: true }).fill('Jo Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name was changed.')).toBeVisible();

  await page.getByLabel('Current password').fill('not it');
  await page.getByLabel('New password').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The current password is not right.')).toBeVisible();
  await page.getByLabel('Current password').fill(user.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed. 1 other session was signed out.')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/accounts-account-page.png' });

  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/signin/);
  await page.reload();
  await expect(page.getByRole('banner')).toContainText('Jo Renamed');
  await other.close();
});

test('every account opens its own demo project; no demo login is published', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByText('demo@grn.studio')).toHaveCount(0);
  await signUp(page, newUser('Kai'));
  await page.screenshot({ path: 'docs/screenshots/accounts-projects-demo-button.png' });
  await page.getByRole('button', { name: 'Open the demo project' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'SIM350 demo', level: 1 })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'SIM350 demo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the demo project' })).toHaveCount(0);
});
