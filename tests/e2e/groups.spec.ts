import { expect, test, type Page } from '@playwright/test';
import { createProject, gqlInPage, newUser, signUp, tinyTidyCsv } from './helpers';

async function call<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await gqlInPage(page, query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** A project with the tiny four-gene system and a chain prior G1 → G2 ⊣ G3 → G4. */
async function tinyChainProject(page: Page, name: string): Promise<{ projectId: string; datasetId: string; priorVersionId: string }> {
  const projectId = await createProject(page, name);
  const { uploadDataset } = await call<{ uploadDataset: { id: string } }>(
    page,
    'mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }',
    { input: { projectId, name: 'Tiny system', format: 'tidy_csv', data: tinyTidyCsv() } },
  );
  const { importPrior } = await call<{ importPrior: { headVersion: { id: string } } }>(
    page,
    'mutation($input: ImportPriorInput!) { importPrior(input: $input) { headVersion { id } } }',
    { input: { projectId, name: 'Chain prior', format: 'edge_list', text: 'regulator,target,sign\nG1,G2,1\nG2,G3,-1\nG3,G4,1\n' } },
  );
  return { projectId, datasetId: uploadDataset.id, priorVersionId: importPrior.headVersion.id };
}

/** With SCREENSHOT_DIR set, saves a full-page screenshot there (for docs/screenshots). */
async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

test('a sweep has its own page with its frontier, is one row in the runs list, and two of its runs compare edge by edge', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signUp(page, newUser('Sweepy'));
  const { projectId, datasetId, priorVersionId } = await tinyChainProject(page, 'Groups e2e');
  await call(page, 'mutation($input: ImportGoldStandardInput!) { importGoldStandard(input: $input) { id } }', {
    input: { projectId, name: 'Known chain', source: 'by construction', text: 'G1,G2\nG2,G3\nG3,G4\n' },
  });
  const { launchSweep } = await call<{ launchSweep: { id: string; runs: { id: string }[] } }>(
    page,
    'mutation($input: LaunchSweepInput!) { launchSweep(input: $input) { id runs { id } } }',
    {
      input: {
        projectId,
        datasetId,
        priorVersionId,
        name: 'λ grid',
        strategies: ['dash', 'imp', 'none'],
        lambda1Values: [0.2, 0.9],
        lambda2Values: [0.05, 0.9],
        hyperparameters: { epochs: 10, hidden: 8, validationFraction: 0.34, pruningFirstEpoch: 2, pruningEvery: 2, selection: 'best' },
      },
    },
  );
  expect(launchSweep.runs).toHaveLength(6);
  await expect
    .poll(
      async () =>
        (
          await call<{ sweep: { statusCounts: { status: string; count: number }[] } }>(
            page,
            'query($id: ID!) { sweep(id: $id) { statusCounts { status count } } }',
            { id: launchSweep.id },
          )
        ).sweep.statusCounts,
      { timeout: 240_000, intervals: [2000] },
    )
    .toEqual([{ status: 'succeeded', count: 6 }]);

  // The runs list shows the sweep as one folded row that unfolds to its runs.
  await page.goto(`/projects/${projectId}/runs`);
  const groupRow = page.getByRole('row', { name: /λ grid.*6 runs · 6 succeeded/ });
  await expect(groupRow).toBeVisible();
  await expect(page.getByRole('link', { name: /λ grid: DASH/ })).toHaveCount(0);
  await groupRow.getByRole('button', { name: 'Unfold λ grid' }).click();
  await expect(page.getByRole('link', { name: /λ grid: DASH/ })).toHaveCount(4);
  await shoot(page, 'runs-list-group-unfolded');

  // The group page: what varies, every run scored, the frontier plot with names on focus only.
  await groupRow.getByRole('link', { name: 'λ grid' }).click();
  await expect(page).toHaveURL(new RegExp(`/sweeps/${launchSweep.id}$`));
  await expect(page.getByRole('heading', { name: 'λ grid', level: 2 })).toBeVisible();
  await expect(page.getByText(/Sweep of 6 runs over strategy \(DASH, IMP, PHOENIX \(unpruned\)\) × λ₁ \(0\.2, 0\.9\) × λ₂ \(0\.05, 0\.9\)/)).toBeVisible();
  await expect(page.getByText('Scores against Known chain')).toBeVisible({ timeout: 30_000 });
  const points = page.getByRole('button', { name: /sparsity .*balanced accuracy/ });
  await expect(points).toHaveCount(6);
  await expect(page.getByRole('button', { name: /on the Pareto frontier/ }).first()).toBeVisible();
  await expect(page.getByText('Pareto frontier (no run is both sparser and more accurate)')).toBeVisible();
  await expect(page.locator('.scatter-tip')).toHaveCount(0);
  await page
    .getByRole('button', { name: /on the Pareto frontier/ })
    .first()
    .focus();
  await expect(page.locator('.scatter-tip')).toHaveCount(1);
  await expect(page.locator('.scatter-tip')).toContainText('frontier');
  await shoot(page, 'group-page-sweep');

  // Compare: the group's runs preselected; the edge comparison of its first two runs, then a pruning level.
  await page.getByRole('link', { name: 'Compare these runs' }).click();
  await expect(page.getByRole('heading', { name: 'Edges of two networks' })).toBeVisible();
  await expect(page.getByText(/Jaccard, top 100/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('tab', { name: /^Shared \(\d+\)$/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/edges: \d+ with the same sign, \d+ with opposite signs/)).toBeVisible();
  await page.getByLabel('Top k (by |effect|)').fill('3');
  await expect(page.getByTestId('topk-jaccard')).toContainText(/A’s top 3, B’s top 3/);
  const levelA = page.getByLabel('Level').first();
  await expect(levelA.locator('option')).not.toHaveCount(1);
  await levelA.selectOption({ index: 1 });
  await expect(page.getByText(/ \(level \d+, \d+ edges\)$/)).toBeVisible();
  await page.getByRole('tab', { name: /^Only in B/ }).click();
  await expect(page.getByRole('table', { name: 'Edges only in B' })).toBeVisible();
  await page.getByRole('tab', { name: /^Shared/ }).click();
  await expect(page.getByRole('table', { name: 'Shared edges' })).toBeVisible();
  await page
    .getByRole('button', { name: /on the Pareto frontier/ })
    .first()
    .hover();
  await shoot(page, 'compare-frontier-and-edges');
});

test('a replicate group’s page says only the seed differs and links to the replicate analysis', async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('Repli'));
  const { projectId, datasetId, priorVersionId } = await tinyChainProject(page, 'Replicates e2e');
  const { launchReplicates } = await call<{ launchReplicates: { id: string; name: string; runs: { id: string }[] } }>(
    page,
    'mutation($input: LaunchReplicatesInput!) { launchReplicates(input: $input) { id name runs { id } } }',
    {
      input: {
        projectId,
        datasetId,
        priorVersionId,
        strategy: 'dash',
        seed: 3,
        replicates: 2,
        hyperparameters: { epochs: 4, hidden: 8, validationFraction: 0.34 },
      },
    },
  );
  await page.goto(`/projects/${projectId}/sweeps/${launchReplicates.id}`);
  await expect(page.getByRole('heading', { name: launchReplicates.name, level: 2 })).toBeVisible();
  await expect(page.getByText(/^Replicates: one DASH configuration trained with 2 seeds; only the seed differs\.$/)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Seed' })).toBeVisible();
  // The page polls while runs train; the analysis link appears with the first finished run.
  await expect(page.getByText(/2 runs · 2 succeeded/)).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('link', { name: 'Replicate analysis' })).toHaveAttribute(
    'href',
    new RegExp(`/projects/${projectId}/runs/${launchReplicates.runs[0].id}/replicates$`),
  );
  await page.getByRole('link', { name: 'Replicate analysis' }).click();
  await expect(page).toHaveURL(/\/replicates$/);
});
