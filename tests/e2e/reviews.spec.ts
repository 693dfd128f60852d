import { expect, test, type Locator, type Page } from '@playwright/test';
import { createProject, gqlInPage, newUser, signUp, tinyTidyCsv } from './helpers';

const PRIOR_EDGES = ['G1>G2', 'G2>G3', 'G3>G4'];

async function call<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await gqlInPage(page, query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** A four-gene dataset, a chain prior, and a finished run without pruning (so every pair is an inferred edge). */
async function seedFinishedRun(page: Page, projectId: string): Promise<{ runId: string }> {
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
  const { launchRun } = await call<{ launchRun: { id: string } }>(page, 'mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }', {
    input: {
      projectId,
      datasetId: uploadDataset.id,
      priorVersionId: importPrior.headVersion.id,
      strategy: 'none',
      name: 'Dense run',
      hyperparameters: { epochs: 4, hidden: 8, validationFraction: 0.34 },
    },
  });
  await expect
    .poll(async () => (await call<{ run: { status: string } }>(page, 'query($id: ID!) { run(id: $id) { status } }', { id: launchRun.id })).run.status, {
      timeout: 90_000,
    })
    .toBe('succeeded');
  return { runId: launchRun.id };
}

const panelOf = (page: Page, edge: string): Locator => page.getByRole('complementary', { name: `Review of ${edge.replace('>', ' → ')}` });
const queueUrl = (projectId: string, query: string) => `/projects/${projectId}/reviews?${query}`;
const edgeParam = (edge: string) => `edge=${encodeURIComponent(edge)}`;

test('two reviewers dispute an edge, the owner settles it, and an editor folds the reviews into a new prior version', async ({ browser }) => {
  test.setTimeout(240_000);
  const adaContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const bobContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const ada = await adaContext.newPage();
  const bob = await bobContext.newPage();
  const adaUser = newUser('Ada');
  const bobUser = newUser('Bob');
  await signUp(ada, adaUser);
  await signUp(bob, bobUser);

  const projectId = await createProject(ada, 'Review loop');
  // Bob joins by accepting Ada's invitation link (nobody is added without consent).
  const invited = await call<{ inviteMember: { invitationPath: string } }>(
    ada,
    'mutation($id: ID!, $email: String!) { inviteMember(projectId: $id, email: $email, role: editor) { invitationPath } }',
    { id: projectId, email: bobUser.email },
  );
  await call(bob, 'mutation($token: String!) { acceptInvitation(token: $token) { id } }', {
    token: invited.inviteMember.invitationPath.replace('/invite/', ''),
  });
  const { runId } = await seedFinishedRun(ada, projectId);

  // Ada opens the queue of novel edges (the newest succeeded run is chosen) and reads the two strongest.
  await ada.goto(`/projects/${projectId}`);
  await ada.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Review' }).click();
  await ada.getByLabel('Prior', { exact: true }).selectOption('NOVEL');
  await expect(ada).toHaveURL(/novelty=NOVEL/);
  const rows = ada.getByRole('table', { name: 'Edges to review' }).locator('tbody tr');
  await expect(rows.nth(1)).toBeVisible();
  const edgeName = async (i: number) => (await rows.nth(i).locator('td.mono').innerText()).replace(' → ', '>');
  const x = await edgeName(0);
  const y = await edgeName(1);
  expect(PRIOR_EDGES).not.toContain(x);
  expect(PRIOR_EDGES).not.toContain(y);
  await expect(ada.getByRole('status').filter({ hasText: 'edges reviewed' })).toContainText('0 of');

  // Ada accepts X with a PubMed ID and starts a thread.
  const adaPanel = panelOf(ada, x);
  await expect(adaPanel.getByText('No verdicts yet.')).toBeVisible();
  await adaPanel.getByRole('button', { name: 'Add evidence' }).click();
  await adaPanel.getByLabel('Evidence 1 value').fill('12345678');
  await adaPanel.getByRole('button', { name: 'Accept', exact: true }).click();
  const adaVerdicts = adaPanel.getByRole('list', { name: 'Verdicts' });
  await expect(adaVerdicts).toContainText(`${adaUser.name}: accepted`);
  await expect(adaVerdicts.getByRole('link', { name: 'PMID 12345678' })).toHaveAttribute('href', 'https://pubmed.ncbi.nlm.nih.gov/12345678/');
  await expect(adaPanel.locator('.review-status')).toHaveText('accepted');
  await adaPanel.getByRole('textbox', { name: 'New comment' }).fill('ChIP-chip shows binding upstream of the target. <b>not bold</b>');
  await adaPanel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(adaPanel.getByText('<b>not bold</b>', { exact: false })).toBeVisible();

  // Bob rejects X (wrong sign) and replies in Ada's thread, mentioning her.
  await bob.goto(queueUrl(projectId, edgeParam(x)));
  const bobPanel = panelOf(bob, x);
  await expect(bobPanel.getByRole('list', { name: 'Verdicts' })).toContainText(`${adaUser.name}: accepted`);
  await bobPanel.getByRole('button', { name: 'Reject…' }).click();
  await bobPanel.getByLabel('Reason').selectOption({ label: 'wrong sign' });
  await bobPanel.getByLabel('Note').fill('The knockout raises the target.');
  await bobPanel.getByRole('button', { name: 'Reject edge' }).click();
  await expect(bobPanel.getByRole('list', { name: 'Verdicts' })).toContainText(`${bobUser.name}: rejected (wrong sign)`);
  await expect(bobPanel.locator('.review-status')).toHaveText('disputed');
  await bobPanel.getByRole('button', { name: 'Reply', exact: true }).click();
  await bobPanel.getByRole('textbox', { name: 'Reply' }).fill(`@${adaUser.email} binding, yes, but it represses.`);
  await bobPanel.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(bobPanel.getByText('binding, yes, but it represses.')).toBeVisible();
  await expect(bobPanel.locator('.mention')).toHaveText(`@${adaUser.email}`);
  await bobPanel.getByRole('button', { name: 'Resolve thread' }).click();
  await expect(bobPanel.getByText(`resolved by ${bobUser.name}`)).toBeVisible();
  await bobPanel.getByRole('button', { name: 'Reopen' }).click();
  await expect(bobPanel.getByRole('button', { name: 'Resolve thread' })).toBeVisible();

  // Keyboard triage: the next novel edge, accepted with `a`.
  await bob.goto(queueUrl(projectId, 'novelty=NOVEL'));
  await expect(panelOf(bob, x)).toBeVisible();
  await bob.keyboard.press('j');
  await expect(panelOf(bob, y)).toBeVisible();
  await bob.keyboard.press('a');
  await expect(bob.getByRole('status').filter({ hasText: `${y.replace('>', ' → ')}: accepted.` })).toBeVisible();
  await expect(bob.getByRole('status').filter({ hasText: 'edges reviewed' })).toContainText('2 of');
  // The queue moved on to the third edge: select it and the fourth, then one verdict for both.
  const third = await edgeName(2);
  await expect(panelOf(bob, third)).toBeVisible();
  await bob.keyboard.press('x');
  await bob.keyboard.press('j');
  await bob.keyboard.press('x');
  const selection = bob.getByRole('group', { name: 'Selected edges' });
  await expect(selection).toContainText('2 selected');
  await selection.getByRole('button', { name: 'Needs evidence' }).click();
  await expect(bob.getByRole('status').filter({ hasText: '2 edges updated.' })).toBeVisible();
  await expect(bob.getByRole('status').filter({ hasText: 'edges reviewed' })).toContainText('4 of');

  // Ada rejects an edge of the prior (through the API, like a script would).
  const z = { regulator: 'G2', target: 'G3' };
  const { reviewEdge } = await call<{ reviewEdge: { version: number } }>(
    ada,
    'query($p: ID!, $r: String!, $t: String!) { reviewEdge(projectId: $p, regulator: $r, target: $t) { version } }',
    { p: projectId, r: z.regulator, t: z.target },
  );
  await call(ada, 'mutation($input: SetVerdictInput!) { setVerdict(input: $input) { status } }', {
    input: { projectId, ...z, expectedVersion: reviewEdge.version, verdict: 'REJECTED', reason: 'NO_RELATION' },
  });

  // The queue, the panel: screenshots.
  await bob.goto(queueUrl(projectId, edgeParam(x)));
  await expect(panelOf(bob, x).getByText('binding, yes, but it represses.')).toBeVisible();
  await bob.screenshot({ path: 'docs/screenshots/reviews-queue.png' });
  await bob.setViewportSize({ width: 1400, height: 1700 }); // the whole panel, history included
  await expect(panelOf(bob, x).getByRole('list', { name: 'History' })).toBeVisible();
  await panelOf(bob, x).screenshot({ path: 'docs/screenshots/reviews-panel.png' });
  await bob.setViewportSize({ width: 1400, height: 1000 });

  // Ada's inbox says the edge is disputed; the top bar counts the unread.
  await ada.goto('/inbox');
  await expect(ada.getByRole('banner').getByLabel(/\d+ unread/)).toBeVisible();
  const inbox = ada.getByRole('list', { name: 'Notifications' });
  const dispute = inbox.getByRole('listitem').filter({ hasText: 'disputed' }).first();
  await expect(dispute).toContainText(x.replace('>', ' → '));
  await expect(inbox).toContainText('mentioned you on');

  // Ada, the owner, settles it as accepted, from the inbox's link.
  await dispute.getByRole('link', { name: x.replace('>', ' → ') }).click();
  const settlePanel = panelOf(ada, x);
  await settlePanel.getByLabel('Settled status').selectOption('ACCEPTED');
  await settlePanel.getByLabel('Settle note').fill('The binding data outweigh the knockout.');
  await settlePanel.getByRole('button', { name: 'Settle', exact: true }).click();
  await expect(settlePanel.locator('.review-status')).toHaveText('accepted · settled');
  await expect(settlePanel.getByText('The binding data outweigh the knockout.')).toBeVisible();

  // In context: the run's network counts review statuses in its legend; its edge table opens the panel.
  await ada.goto(`/projects/${projectId}/runs/${runId}`);
  const network = ada.getByRole('region', { name: 'Inferred network' });
  await expect(network.getByLabel('Review status')).toContainText('accepted (2)');
  await expect(network.getByLabel('Review status')).toContainText('rejected (1)');
  await network.getByText(/Edge table/).click();
  await network.getByRole('button', { name: `Review ${x.replace('>', ' → ')}` }).click();
  await expect(panelOf(ada, x).locator('.review-status')).toHaveText('accepted · settled');
  await network.locator('figure.network-figure').screenshot({ path: 'docs/screenshots/reviews-network.png' });

  // Bob proposes a prior version from the reviews, trims Y and commits.
  await bob.goto(`/projects/${projectId}/priors`);
  await bob.getByRole('link', { name: 'Chain prior' }).click();
  const proposal = bob.getByRole('region', { name: 'Propose a version from reviews' });
  await proposal.getByRole('button', { name: 'Propose a version from reviews' }).click();
  const proposed = proposal.getByRole('table');
  await expect(proposed.locator('tbody tr')).toHaveCount(3);
  const row = (edge: string) => proposed.getByRole('row').filter({ hasText: new RegExp(`^.*${edge.split('>')[0]}\\s*${edge.split('>')[1]}`) });
  await expect(proposed.getByRole('row').filter({ hasText: 'added' })).toHaveCount(2);
  await expect(proposed.getByRole('row').filter({ hasText: 'removed' })).toHaveCount(1);
  await expect(row('G2>G3')).toContainText('removed');
  await proposal.getByLabel(`Keep ${y.replace('>', ' → ')}`).uncheck();
  await proposal.getByLabel('Message').fill('Reviewed edges of the dense run');
  await proposal.screenshot({ path: 'docs/screenshots/reviews-proposal.png' });
  await proposal.getByRole('button', { name: 'Commit 2 changes as v2' }).click();
  await expect(bob.getByRole('status').filter({ hasText: 'Saved version 2 from reviews' })).toBeVisible();

  // The new version's diff: exactly X added and G2 → G3 removed.
  const diff = bob.getByRole('region', { name: 'Changes from v1 to v2' });
  await expect(diff).toContainText('1 added');
  await expect(diff).toContainText('1 removed');
  await expect(diff).toContainText('0 sign changed');
  const diffRows = diff.getByRole('table').locator('tbody tr');
  await expect(diffRows).toHaveCount(2);
  const [xr, xt] = x.split('>');
  await expect(diffRows.filter({ hasText: 'added' }).getByRole('cell').nth(1)).toHaveText(xr);
  await expect(diffRows.filter({ hasText: 'added' }).getByRole('cell').nth(2)).toHaveText(xt);
  await expect(diffRows.filter({ hasText: 'removed' }).getByRole('cell').nth(1)).toHaveText('G2');
  await expect(diffRows.filter({ hasText: 'removed' }).getByRole('cell').nth(2)).toHaveText('G3');

  // The activity page tells the story in words.
  await ada.goto(`/projects/${projectId}/activity?kind=review`);
  await expect(ada.getByRole('list', { name: /Activity/ })).toContainText(`settled ${x.replace('>', ' → ')} as accepted`);

  await adaContext.close();
  await bobContext.close();
});
