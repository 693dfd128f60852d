import { expect, test } from '@playwright/test';
import { newUser, signIn, signOut, signUp } from './helpers';

test('signed-out visitors are sent to sign in, and come back where they were going', async ({ page }) => {
  const user = newUser('Erin');
  await signUp(page, user);
  await signOut(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();
});

test('sign out, then sign in again', async ({ page }) => {
  const user = newUser('Finn');
  await signUp(page, user);
  await signOut(page);
  await expect(page.getByRole('banner')).not.toContainText(user.name);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, user);
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(user.name);
});

test('a wrong password is refused with a message on the password field', async ({ page }) => {
  const user = newUser('Gus');
  await signUp(page, user);
  await signOut(page);
  await signIn(page, { email: user.email, password: 'not-the-password' });
  const password = page.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  // An unknown email gets the same message: sign-in does not reveal who has an account.
  await signIn(page, { email: `nobody.${Date.now()}@example.org`, password: 'whatever-it-is' });
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('sign-up problems are shown next to the field they concern', async ({ page }) => {
  const user = newUser('Hana');
  await signUp(page, user);
  await signOut(page);

  await page.goto('/signup');
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('a-good-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await email.getAttribute('aria-describedby')}"]`)).toContainText(/already/i);

  await page.getByLabel('Email').fill(`new.${Date.now()}@example.org`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Passwords need at least 8 characters.')).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});
