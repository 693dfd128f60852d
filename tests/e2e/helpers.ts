import { expect, type Page } from '@playwright/test';

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

let counter = 0;

/** A fresh user per test, so tests do not depend on each other or on their order. */
export function newUser(first: string): TestUser {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return { name: `${first} Tester`, email: `${first.toLowerCase()}.${tag}@example.org`, password: `pw-${tag}-long-enough` };
}

export async function signUp(page: Page, user: TestUser): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(user.name);
}

export async function signIn(page: Page, user: Pick<TestUser, 'email' | 'password'>): Promise<void> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
}

export async function createProject(page: Page, name: string, description = ''): Promise<string> {
  await page.goto('/');
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Name').fill(name);
  if (description) await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return page.url().split('/').pop()!;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A GraphQL call from inside the page: the same cookies and origin as the UI's own requests. */
export async function gqlInPage(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody> {
  return page.evaluate(
    async ({ query, variables }) => {
      const res = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLBody;
    },
    { query, variables },
  );
}

/** Four genes, six short trajectories: trains in about a second. */
export function tinyTidyCsv(): string {
  const lines = ['gene,trajectory,time,value'];
  for (let t = 0; t < 6; t++) {
    let x = [0, 1, 2, 3].map((g) => ((t * 7 + g * 3) % 10) / 10);
    for (const time of [0, 1, 2, 3, 4]) {
      x.forEach((v, g) => lines.push(`G${g + 1},tr${t},${time},${v.toFixed(4)}`));
      x = [x[0], 0.5 * x[0] + 0.4 * x[1], 0.9 * x[2] - 0.3 * x[1] + 0.2, 0.6 * x[3] + 0.3 * x[2]];
    }
  }
  return lines.join('\n');
}
