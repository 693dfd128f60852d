import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createProject, gqlInPage, newUser, signUp } from './helpers';

const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures', name);
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name });

test('upload a dataset, import a prior, edit it into a second version and see the diff', async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Ada'));
  const projectId = await createProject(page, 'Haematopoiesis');

  // A malformed upload names the file position; nothing is stored.
  await tab(page, 'Datasets').click();
  await expect(page.getByText('No datasets yet.')).toBeVisible();
  const upload = page.getByRole('region', { name: 'Upload a dataset' });
  await upload.getByLabel('Name', { exact: true }).fill('Tiny time series');
  const bad = fs.readFileSync(fixture('tiny-trajectories.csv'), 'utf8').replace('0.3814', '0.38x4');
  await upload.getByLabel('Data file', { exact: true }).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await upload.getByLabel('Gene names file').setInputFiles(fixture('tiny-genes.csv'));
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByRole('alert')).toContainText("line 2, column 2: '0.38x4' is not a number");
  await expect(page.getByText('No datasets yet.')).toBeVisible();

  // The real file goes in, with the last trajectory held out for testing.
  await upload.getByLabel('Data file', { exact: true }).setInputFiles(fixture('tiny-trajectories.csv'));
  await upload.getByLabel('Hold out the last trajectories').check();
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('Uploaded Tiny time series.')).toBeVisible();
  await page.getByRole('link', { name: 'Tiny time series' }).click();
  await expect(page.getByText('2 for training and validation, 1 held out for testing')).toBeVisible();
  // The preview starts with the genes that change most: GATA1, KLF1, CEBPA in the fixture.
  await expect(page.getByRole('img', { name: 'Trajectory 1: GATA1, KLF1, CEBPA over time' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Trajectory 3 (test): GATA1, KLF1, CEBPA over time' })).toBeVisible();
  await page.getByPlaceholder('Search genes').fill('sp');
  await page.getByRole('button', { name: '+ SPI1' }).click();
  await expect(page.getByRole('img', { name: 'Trajectory 1: GATA1, KLF1, CEBPA, SPI1 over time' })).toBeVisible();

  // Import a prior network: version 1.
  await tab(page, 'Prior networks').click();
  const importForm = page.getByRole('region', { name: 'Import a prior network' });
  await importForm.getByLabel('Name', { exact: true }).fill('Literature prior');
  await importForm.getByLabel('Network file').setInputFiles(fixture('tiny-prior.csv'));
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported Literature prior with 6 edges as version 1.')).toBeVisible();
  await page.getByRole('link', { name: 'Literature prior' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/priors/[0-9a-f-]{36}$`));

  // Edit: remove one edge, flip one, add one; save as version 2.
  const editor = page.getByRole('region', { name: /Edit edges/ });
  await editor
    .getByRole('row', { name: /KLF1 FLI1/ })
    .getByRole('button', { name: 'Remove' })
    .click();
  await editor
    .getByRole('row', { name: /SPI1 CEBPA/ })
    .getByRole('button', { name: 'Flip sign' })
    .click();
  const addForm = editor.getByRole('form', { name: 'Add an edge' });
  await addForm.getByLabel('Regulator').fill('FLI1');
  await addForm.getByLabel('Target').fill('GATA1');
  await addForm.getByLabel('Sign', { exact: true }).selectOption('-1');
  await addForm.getByRole('button', { name: 'Add edge' }).click();
  await expect(editor.getByRole('list').filter({ hasText: 'Add FLI1 → GATA1' })).toBeVisible();
  // A gene in no dataset of the project is flagged before saving; one the data has is not.
  await addForm.getByLabel('Regulator').fill('GATA1');
  await addForm.getByLabel('Target').fill('NOTAGENE1');
  await addForm.getByRole('button', { name: 'Add edge' }).click();
  const outside = editor.getByRole('listitem').filter({ hasText: 'Add GATA1 → NOTAGENE1' });
  await expect(outside.getByRole('status')).toContainText("NOTAGENE1 is in none of this project's datasets");
  await expect(editor.getByRole('listitem').filter({ hasText: 'Add FLI1 → GATA1' }).getByRole('status')).toHaveCount(0);
  await outside.getByRole('button', { name: /Undo/ }).click();
  await editor.getByLabel('Version message').fill('Curated against ChIP-atlas');
  await editor.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('Saved version 2.')).toBeVisible();

  // The diff between version 1 and 2: table and network.
  const diff = page.getByRole('region', { name: 'Changes from v1 to v2' });
  await expect(diff.getByText('1 added')).toBeVisible();
  await expect(diff.getByText('1 removed')).toBeVisible();
  await expect(diff.getByText('1 sign changed')).toBeVisible();
  await expect(diff.getByRole('row', { name: /added FLI1 GATA1/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /removed KLF1 FLI1/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /sign changed SPI1 CEBPA/ })).toBeVisible();
  await expect(diff.locator('.network canvas').first()).toBeVisible();

  // Someone else saves meanwhile: the pending change is refused with CONFLICT, kept, and saved after a reload.
  await editor
    .getByRole('row', { name: /GATA1 KLF1/ })
    .getByRole('button', { name: 'Flip sign' })
    .click();
  const head = await gqlInPage(page, 'query($id: ID!) { priorNetwork(id: $id) { headVersion { id } } }', { id: page.url().split('/').pop() });
  const other = await gqlInPage(page, 'mutation($input: EditPriorInput!) { editPrior(input: $input) { number } }', {
    input: {
      baseVersionId: (head.data as { priorNetwork: { headVersion: { id: string } } }).priorNetwork.headVersion.id,
      message: 'Concurrent edit',
      changes: [{ op: 'remove', regulator: 'GATA1', target: 'SPI1' }],
    },
  });
  expect(other.errors).toBeUndefined();
  await editor.getByLabel('Version message').fill('GATA1 represses KLF1');
  await editor.getByRole('button', { name: 'Save as version 3' }).click();
  await expect(editor.getByRole('alert').filter({ hasText: 'someone saved version 3 meanwhile' })).toBeVisible();
  await editor.getByRole('button', { name: 'Load version 3 and keep my changes' }).click();
  await expect(editor.getByText('Flip the sign of GATA1 → KLF1')).toBeVisible();
  await editor.getByRole('button', { name: 'Save as version 4' }).click();
  await expect(page.getByText('Saved version 4.')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Versions/ })).toContainText('GATA1 represses KLF1');
});
