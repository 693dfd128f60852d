import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createProject, newUser, signUp } from './helpers';

const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures', name);
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name });

test('make a synthetic benchmark from a prior version, watch it finish, and launch a run on it', async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Sim'));
  const projectId = await createProject(page, 'Benchmarks');

  // The datasets page leads to the benchmarks page; without a prior there is nothing to simulate yet.
  await tab(page, 'Datasets').click();
  await page.getByRole('link', { name: 'Synthetic benchmarks' }).click();
  await expect(page.getByText('No synthetic benchmarks yet.')).toBeVisible();
  await expect(page.getByText('Import a prior network first')).toBeVisible();

  await tab(page, 'Prior networks').click();
  const importForm = page.getByRole('region', { name: 'Import a prior network' });
  await importForm.getByLabel('Name', { exact: true }).fill('Literature prior');
  await importForm.getByLabel('Network file').setInputFiles(fixture('tiny-prior.csv'));
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported Literature prior with 6 edges as version 1.')).toBeVisible();
  await page.getByRole('link', { name: 'Literature prior' }).click();

  // From the version: the form starts on it.
  await page.getByRole('link', { name: 'Synthetic benchmark' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/datasets/synthetic\\?priorVersionId=[0-9a-f-]{36}$`));
  const form = page.getByRole('region', { name: 'Make a synthetic benchmark' });
  await expect(form.getByLabel('Prior network')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(form.getByLabel('Version (the true network)')).toContainText('v1 (latest)');
  await expect(form.getByLabel('Name')).toHaveValue('SIM from Literature prior v1');
  await expect(form.getByText('1 to 1,000; default 150')).toBeVisible();

  // A bad time list is refused next to its field, by the server's rule.
  await form.getByLabel('Trajectories').fill('24');
  await form.getByLabel('Time points').fill('0, 3, 2');
  await form.getByRole('button', { name: 'Make benchmark' }).click();
  await expect(form.getByText('Time points must increase.')).toBeVisible();
  await form.getByLabel('Time points').fill('0, 1, 2, 4, 8');
  await form.getByLabel('Noise σ').fill('0.02');
  await form.getByLabel('Seed').fill('3');
  await page.screenshot({ path: 'docs/screenshots/synthetic-benchmark-form.png', fullPage: true });
  await form.getByRole('button', { name: 'Make benchmark' }).click();
  await expect(page.getByText('Queued SIM from Literature prior v1: a worker is simulating it.')).toBeVisible();

  // The list polls until the worker has stored the dataset and the gold standard.
  const row = page.getByTestId('benchmark-row').filter({ hasText: 'SIM from Literature prior v1' });
  await expect(row.getByText('succeeded')).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText('24 trajectories at t = 0, 1, 2, 4, 8');
  await expect(row).toContainText('5 genes, 6 edges');
  await expect(row.getByRole('link', { name: 'SIM from Literature prior v1 (true network)' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/synthetic-benchmark-done.png', fullPage: true });

  // The dataset is there, with its trajectories.
  await row.getByRole('link', { name: 'SIM from Literature prior v1', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SIM from Literature prior v1' })).toBeVisible();
  await expect(page.getByText('24 for training and validation')).toBeVisible();
  await page.goBack();

  // One click to a run on it: dataset and prior version filled in.
  await row.getByRole('link', { name: 'Launch a run on it' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/runs/new\\?datasetId=`));
  await expect(page.getByTestId('launch-from-benchmark')).toBeVisible();
  await expect(page.getByLabel('Dataset')).toContainText('SIM from Literature prior v1');
  await expect(page.getByLabel('Dataset').locator('option:checked')).toHaveText(/SIM from Literature prior v1 \(5 genes, 24 train\)/);
  await expect(page.getByLabel('Prior version').locator('option:checked')).toHaveText(/^v1 \(latest\)/);
});
