import { expect, test, type Page } from '@playwright/test';
import { createProject, gqlInPage, newUser, signUp } from './helpers';

async function call<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await gqlInPage(page, query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const GENES = 75;

/** 75 genes, three short trajectories: an unpruned run infers an edge for (nearly) every pair, over 5,000. */
function wideTidyCsv(): string {
  const lines = ['gene,trajectory,time,value'];
  for (let t = 0; t < 3; t++) {
    for (let time = 0; time < 4; time++) {
      for (let g = 0; g < GENES; g++) lines.push(`G${g + 1},tr${t},${time},${(((g * 7 + t * 5 + time * 3) % 17) / 17).toFixed(4)}`);
    }
  }
  return lines.join('\n');
}

async function seedDenseRun(page: Page, projectId: string): Promise<string> {
  const { uploadDataset } = await call<{ uploadDataset: { id: string } }>(
    page,
    'mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }',
    {
      input: { projectId, name: 'Wide system', format: 'tidy_csv', data: wideTidyCsv() },
    },
  );
  const { launchRun } = await call<{ launchRun: { id: string } }>(page, 'mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }', {
    input: {
      projectId,
      datasetId: uploadDataset.id,
      strategy: 'none',
      name: 'Dense wide run',
      hyperparameters: { epochs: 2, hidden: 4, validationFraction: 0.34 },
    },
  });
  await expect
    .poll(async () => (await call<{ run: { status: string } }>(page, 'query($id: ID!) { run(id: $id) { status } }', { id: launchRun.id })).run.status, {
      timeout: 120_000,
    })
    .toBe('succeeded');
  return launchRun.id;
}

test('the run network view draws a network of over 5,000 edges, and the edge-count setting travels in the address', async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, newUser('Nell'));
  const projectId = await createProject(page, 'Big network e2e');
  const runId = await seedDenseRun(page, projectId);
  const { run } = await call<{ run: { network: { totalEdges: number } } }>(
    page,
    'query($id: ID!) { run(id: $id) { network(input: { topK: 1 }) { totalEdges } } }',
    { id: runId },
  );
  const all = run.network.totalEdges;
  expect(all).toBeGreaterThan(5000);
  expect(all).toBeLessThanOrEqual(GENES * GENES);

  await page.goto(`/projects/${projectId}/runs/${runId}`);
  const network = page.getByRole('region', { name: 'Inferred network' });
  const status = network.getByRole('status');
  const graph = network.locator('[data-layout]');
  await expect(status).toContainText(`Showing 100 of ${all} matching edges`);
  await expect(graph).toHaveAttribute('data-edges', '100');
  await expect(graph).toHaveAttribute('data-renderer', 'canvas');

  await network.getByRole('button', { name: 'Top 2,000' }).click();
  await expect(page).toHaveURL(/[?&]top=2000\b/);
  await expect(status).toContainText(`Showing 2000 of ${all} matching edges`);
  await expect(graph).toHaveAttribute('data-edges', '2000');
  await expect(network.getByRole('button', { name: 'Top 2,000' })).toHaveAttribute('aria-pressed', 'true');

  // Past 2,000 edges: the app's WebGL 2 renderer where the browser has WebGL 2 (this headless one may not: then
  // cytoscape on canvas), a sliced layout.
  await network.getByRole('button', { name: 'Top 20,000' }).click();
  await expect(page).toHaveURL(/[?&]top=20000\b/);
  await expect(status).toContainText(`Showing ${all} of ${all} matching edges`);
  await expect(network.getByRole('img', { name: `Inferred network: ${GENES} genes and ${all} edges; the table below lists the same edges.` })).toBeVisible();
  await expect(graph).toHaveAttribute('data-edges', String(all), { timeout: 30_000 });
  await expect(graph).toHaveAttribute('data-layout', 'done', { timeout: 90_000 });
  const webgl2 = await page.evaluate(() => Boolean(document.createElement('canvas').getContext('webgl2')));
  await expect(graph).toHaveAttribute('data-renderer', webgl2 ? 'webgl2' : 'canvas');
  await expect(network.getByText('drawn with WebGL; drag to pan, scroll to zoom')).toBeVisible();
  if (webgl2) {
    // A click on a gene's disc opens its neighbourhood, as in the cytoscape view (picking on the CPU).
    const at = await graph.evaluate((el) =>
      (el as HTMLElement & { grnView?: { locate(label: string): { x: number; y: number } | null } }).grnView!.locate('G7'),
    );
    expect(at).not.toBeNull();
    await graph.click({ position: at! });
    await expect(page).toHaveURL(/[?&]gene=G7\b/);
    await expect(status).not.toContainText(`Showing ${all} of ${all} matching edges`);
    await network.getByRole('button', { name: 'Clear' }).click();
    await expect(status).toContainText(`Showing ${all} of ${all} matching edges`);
    await expect(graph).toHaveAttribute('data-layout', 'done', { timeout: 90_000 });
  }

  // The page answered input while the graph loaded: the filters still work, and the table shows the strongest 1,000.
  await network.getByText(`Edge table (${all})`).click();
  await expect(network.getByText('The strongest 1,000 of these edges; the downloads below hold them all.')).toBeVisible();
  await expect(network.locator('.edge-table tbody tr')).toHaveCount(1000);

  // The setting is in the address: a reload (or a shared link) shows the same view.
  await page.reload();
  await expect(status).toContainText(`Showing ${all} of ${all} matching edges`);
  await expect(graph).toHaveAttribute('data-edges', String(all), { timeout: 30_000 });

  // A typed count past the server's cap (NETWORK_MAX_EDGES, 20,000 by default) is refused by the field itself.
  await network.getByRole('button', { name: 'Top 200', exact: true }).click();
  await expect(page).toHaveURL(/[?&]top=200\b/);
  await expect(network.getByLabel('Strongest edges')).toHaveAttribute('max', '20000');
  await network.getByLabel('Strongest edges').fill('50000');
  await network.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/[?&]top=200\b/);
});
