import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createProject, newUser, signUp } from './helpers';

const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures', name);
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name });
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/first-hour-${name}.png`, fullPage: true });

test('prose is refused as SIF; a partly matching prior is reported on import and at launch; activity names its objects', async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Ada'));
  const projectId = await createProject(page, 'First hour');

  await tab(page, 'Datasets').click();
  const upload = page.getByRole('region', { name: 'Upload a dataset' });
  await upload.getByLabel('Name', { exact: true }).fill('Tiny time series');
  await upload.getByLabel('Data file', { exact: true }).setInputFiles(fixture('tiny-trajectories.csv'));
  await upload.getByLabel('Gene names file').setInputFiles(fixture('tiny-genes.csv'));
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('Uploaded Tiny time series.')).toBeVisible();

  await tab(page, 'Prior networks').click();
  const form = page.getByRole('region', { name: 'Import a prior network' });
  await form.getByLabel('Name', { exact: true }).fill('Notes');
  await form.getByLabel('Format').selectOption('sif');
  const prose = 'Meeting notes\nWe think GATA1 activates KLF1 in most cells.\n';
  await form.getByLabel('Network file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(prose) });
  await form.getByRole('button', { name: 'Import' }).click();
  // The first bad line is named: here the heading, which has no target.
  await expect(form.getByText("line 1: relation 'notes' has no target", { exact: false })).toBeVisible();

  await form.getByLabel('Name', { exact: true }).fill('Mixed ids');
  await form.getByLabel('Format').selectOption('edge_list');
  const mixed = 'regulator,target,sign\nGATA1,KLF1,1\nGATA1,ENSG0001,-1\nENSG0002,SPI1,1\n';
  await form.getByLabel('Network file').setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(mixed) });
  await form.getByRole('button', { name: 'Import' }).click();
  const warning = page.getByTestId('prior-overlap-warning');
  await expect(warning).toContainText('Only 3 of 5 prior genes are in dataset “Tiny time series”');
  await expect(warning).toContainText('keeps 1 of 3 edges');
  await shot(page, 'prior-import-after');

  await page.goto(`/projects/${projectId}/runs/new`);
  await page.getByLabel('Prior network').selectOption({ label: 'Mixed ids' });
  await expect(page.getByTestId('launch-prior-overlap')).toContainText('Only 3 of the prior’s 5 genes are in this dataset');
  await shot(page, 'launch-after');

  // A short run, then the runs table at 800 px, the run page and Edit and relaunch.
  await page.getByLabel('Epoch limit').fill('6');
  await page.getByLabel('Name (optional)').fill('Short DASH');
  await page.getByRole('button', { name: 'Launch run' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/runs/[0-9a-f-]{36}$`));
  const runUrl = page.url();
  await expect(page.getByText('Why so many edges at this sparsity?')).toBeVisible({ timeout: 90_000 });
  await page.getByText('Why so many edges at this sparsity?').click();
  await expect(page.getByTestId('sparsity-note')).toContainText('any path through the hidden units');
  await shot(page, 'run-after');

  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(`/projects/${projectId}/runs`);
  await expect(page.getByRole('link', { name: 'Short DASH' })).toBeVisible();
  const table = page.locator('.runs-table');
  expect(await table.evaluate((t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth + 1)).toBe(true);
  await shot(page, 'runs-800-after');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(runUrl);
  await page.getByRole('link', { name: 'Edit and relaunch' }).click();
  await expect(page.getByTestId('launch-prefilled')).toContainText('Starting from run “Short DASH”');
  await expect(page.getByLabel('Epoch limit')).toHaveValue('6');
  await expect(page.getByLabel('Name (optional)')).toHaveValue('Short DASH (edited)');
  await shot(page, 'relaunch-after');

  await page.goto(`/projects/${projectId}/activity`);
  await expect(page.getByText('uploaded dataset “Tiny time series”')).toBeVisible();
  await expect(page.getByText('imported prior network “Mixed ids” (3 edges)')).toBeVisible();
  await shot(page, 'activity-after');
});
