import { expect, test, type Page } from '@playwright/test';
import { createProject, gqlInPage, newUser, signUp, tinyTidyCsv } from './helpers';

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name });

async function seedInputs(page: Page, projectId: string): Promise<void> {
  const calls: [string, Record<string, unknown>][] = [
    [
      'mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }',
      { input: { projectId, name: 'Tiny system', format: 'tidy_csv', data: tinyTidyCsv() } },
    ],
    [
      'mutation($input: ImportPriorInput!) { importPrior(input: $input) { id } }',
      { input: { projectId, name: 'Chain prior', format: 'edge_list', text: 'regulator,target,sign\nG1,G2,1\nG2,G3,-1\nG3,G4,1\n' } },
    ],
    [
      'mutation($input: ImportGoldStandardInput!) { importGoldStandard(input: $input) { id } }',
      { input: { projectId, name: 'Known chain', source: 'by construction', text: 'G1,G2\nG2,G3\nG3,G4\n' } },
    ],
  ];
  for (const [query, variables] of calls) {
    const result = await gqlInPage(page, query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  }
}

/** With SCREENSHOT_DIR set, saves a full-page screenshot there (for docs/screenshots). */
async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

async function launch(page: Page, strategy: string, options: { modelKept?: string; learningRates?: string } = {}): Promise<void> {
  await tab(page, 'Runs').click();
  await page.getByRole('link', { name: 'Launch a run' }).click();
  const form = page.getByRole('form', { name: 'Launch a run' });
  await expect(form.getByLabel('Dataset')).toContainText('Tiny system');
  await form.getByLabel('Strategy').selectOption({ label: strategy });
  await form.getByLabel('Epoch limit').fill('6');
  await form.getByLabel('Hidden units h').fill('8');
  await form.getByLabel('Validation fraction').fill('0.34'); // 2 of 6 trajectories: the loss gets a standard error
  await form.getByText('Schedule and optimiser').click();
  await form.getByLabel('First pruning epoch').fill('2');
  await form.getByLabel('Prune every … epochs').fill('2');
  if (options.modelKept) await form.getByLabel('Model kept').selectOption({ label: options.modelKept });
  if (options.learningRates) await form.getByLabel('Learning rates after a pruning event').selectOption({ label: options.learningRates });
  await form.getByRole('button', { name: 'Launch run' }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
}

test('launch short runs, watch them train, see the network and metrics, and compare them', async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Runa'));
  const projectId = await createProject(page, 'Runs e2e');
  await seedInputs(page, projectId);

  await tab(page, 'Runs').click();
  await expect(page.getByText('No runs yet.')).toBeVisible();

  // The form starts with the default rules (the authors' reset, one-SE); the closed section names a change from them.
  await page.getByRole('link', { name: 'Launch a run' }).click();
  const form = page.getByRole('form', { name: 'Launch a run' });
  await form.getByText('Schedule and optimiser').click();
  await expect(form.getByLabel('Model kept')).toHaveValue('one_se');
  await expect(form.getByLabel('Learning rates after a pruning event')).toHaveValue('reference');
  await expect(form.getByLabel('Strategy')).toContainText('PathReg');
  await expect(form.getByLabel('Prior corruption')).toBeVisible();
  await shoot(page, 'defaults-launch-form');
  await form.getByLabel('Model kept').selectOption('best');
  await expect(form.getByText('Schedule and optimiser')).toContainText('keeps the lowest validation loss');
  await form.getByLabel('Preset').selectOption({ label: 'Synthetic (paper, SIM350)' });
  await expect(form.getByLabel('Model kept')).toHaveValue('one_se');
  await expect(form.getByLabel('Learning rates after a pruning event')).toHaveValue('reference');

  // A DASH run: the page follows it live until it succeeds.
  await launch(page, 'DASH');
  const title = page.getByRole('heading', { level: 2 }).filter({ hasText: 'DASH λ (0.5, 0.05)' });
  await expect(title).toBeVisible();
  await expect(page.getByText('sparsest within one SE of the lowest validation loss')).toBeVisible();
  await expect(page.getByText("as the authors' script: A_p 5×, v 1×")).toBeVisible();
  await expect(title.getByText('succeeded')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByRole('img', { name: /Training and validation loss over 6 epochs/ })).toBeVisible();
  await expect(page.getByTestId('val-se-band')).toBeAttached();
  await expect(page.getByText(/kept model \(epoch \d+\)/)).toBeVisible();
  // Pruning events at epochs 2 and 4: two pruned levels along the path, and the one-SE line.
  const path = page.getByRole('region', { name: 'Validation loss along the pruning path' });
  await expect(path.getByRole('img', { name: /Validation loss over the run's lowest at 2 pruning levels/ })).toBeVisible();
  await expect(path.getByTestId('one-se-line')).toBeAttached();
  await expect(path.getByText(/(sparsest level within one standard error of the lowest|No pruned level is within one standard error)/)).toBeVisible();

  // Metrics against the best-fitting gold standard, computed when the run succeeded: no click.
  const metrics = page.getByRole('region', { name: 'Metrics' });
  await expect(metrics.getByLabel('Gold standard')).toContainText('Known chain');
  await expect(metrics.getByRole('row', { name: /Balanced accuracy \d\.\d{3}/ }).first()).toBeVisible();
  await expect(metrics.getByRole('button', { name: 'Compute metrics' })).toHaveCount(0);
  await shoot(page, 'metrics-at-run-end-run-page');
  await expect(metrics.getByRole('row', { name: /TP \/ FP \/ TN \/ FN/ })).toBeVisible();

  // The network: drawn by Cytoscape, the same edges listed in the table, TP/FP marked.
  const network = page.getByRole('region', { name: 'Inferred network' });
  await expect(network.getByRole('img', { name: /Inferred network: \d+ genes and \d+ edges/ })).toBeVisible();
  await expect(network.locator('canvas').first()).toBeVisible();
  await network.getByText(/Edge table/).click();
  await expect(network.getByRole('cell', { name: /true positive|false positive/ }).first()).toBeVisible();
  await network.getByLabel('Around gene').fill('G2');
  await network.getByRole('button', { name: 'Show' }).click();
  await expect(network.getByRole('status')).toContainText('matching edges');
  await expect(page.getByRole('region', { name: 'Effects matrix' }).getByRole('img', { name: /strongest regulators/ })).toBeVisible();

  // A second run, IMP, for the comparison.
  await launch(page, 'IMP', { modelKept: 'Lowest validation loss', learningRates: 'Back to the starting rates' });
  await expect(page.getByRole('heading', { level: 2 }).filter({ hasText: 'IMP' }).getByText('succeeded')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('lowest validation loss', { exact: true })).toBeVisible();
  await expect(page.getByText('back to the starting rates', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Validation loss along the pruning path' })).toBeVisible();

  await tab(page, 'Runs').click();
  await expect(page.getByRole('row', { name: /DASH λ \(0\.5, 0\.05\).*succeeded/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /IMP · seed 0.*succeeded/ })).toBeVisible();

  await tab(page, 'Compare').click();
  const table = page.getByRole('table').filter({ hasText: 'Against Known chain' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /DASH/ }).getByRole('cell').nth(3)).toHaveText(/^\d\.\d{3}$/);
  await expect(table.getByRole('row', { name: /IMP/ }).getByRole('cell').nth(3)).toHaveText(/^\d\.\d{3}$/);
  // A group of marks (each focusable for its name), no longer one image: its label counts the frontier too.
  await expect(
    page.getByRole('group', { name: /^Sparsity against balanced accuracy for 2 runs, [12] on the Pareto frontier; the table lists the same values\.$/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /sparsity .*balanced accuracy/ })).toHaveCount(2);
});
