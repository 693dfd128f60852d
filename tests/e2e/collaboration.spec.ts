import { expect, test } from '@playwright/test';
import { createProject, gqlInPage, newUser, signUp } from './helpers';

test('an owner invites a viewer, who sees the project but cannot change it', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const viewerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const viewer = await viewerContext.newPage();
  const ada = newUser('Ada');
  const bob = newUser('Bob');

  await signUp(owner, ada);
  await signUp(viewer, bob);
  await expect(viewer.getByText('You are not in any project yet.')).toBeVisible();

  const projectId = await createProject(owner, 'Yeast cell cycle', 'GRN of the yeast cell cycle.');
  await owner.getByLabel('Email', { exact: true }).fill(bob.email);
  await owner.getByLabel('Role', { exact: true }).selectOption('viewer');
  await owner.getByRole('button', { name: 'Invite' }).click();
  await expect(owner.getByRole('status')).toContainText(`${bob.email} is invited. They join once they accept through this link.`);
  const link = await owner.getByRole('textbox', { name: `Invitation link for ${bob.email}` }).inputValue();
  await owner.screenshot({ path: 'docs/screenshots/accounts-invitation-link.png' });
  expect(link).toMatch(/\/invite\/inv_[\w-]{43}$/);

  // Bob is not a member until he accepts through the link.
  await viewer.goto(link);
  await expect(viewer.getByText(`${ada.name} invites you to Yeast cell cycle as viewer.`)).toBeVisible();
  await viewer.screenshot({ path: 'docs/screenshots/accounts-invitation-page.png' });
  await viewer.getByRole('button', { name: 'Accept and join' }).click();
  await expect(viewer.getByRole('status')).toContainText('You joined Yeast cell cycle.');
  await owner.reload();
  const bobRow = owner.getByRole('row', { name: new RegExp(bob.email.replace(/\./g, '\\.')) });
  await expect(bobRow.getByLabel(`Role of ${bob.name}`)).toHaveValue('viewer');
  await expect(owner.getByRole('list', { name: 'Recent activity' })).toContainText('joined through an invitation as viewer');

  // The viewer finds the project in their list and opens it.
  await viewer.goto('/');
  await viewer.getByRole('link', { name: 'Yeast cell cycle' }).click();
  await expect(viewer).toHaveURL(new RegExp(`/projects/${projectId}$`));
  await expect(viewer.getByText('GRN of the yeast cell cycle.')).toBeVisible();
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText('Yeast cell cycle');
  await expect(viewer.getByRole('table', { name: /Members/ })).toContainText(ada.email);

  // No edit controls for a viewer...
  await expect(viewer.getByRole('button', { name: 'Edit details' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Invite' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(viewer.getByRole('combobox')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Delete project' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Leave project' })).toBeVisible();

  // ...and the server refuses the writes anyway, from the viewer's own browser session.
  const update = await gqlInPage(viewer, 'mutation($id: ID!) { updateProject(id: $id, input: { name: "Hijacked" }) { id name } }', {
    id: projectId,
  });
  expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const invite = await gqlInPage(viewer, 'mutation($id: ID!) { inviteMember(projectId: $id, email: "eve@example.org", role: owner) { id } }', {
    id: projectId,
  });
  expect(invite.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  // Nothing changed: the owner still sees the original name and no new member.
  await owner.reload();
  await expect(owner.getByRole('heading', { level: 1 })).toContainText('Yeast cell cycle');
  await expect(owner.getByRole('table', { name: /Members/ })).not.toContainText('eve@example.org');

  await ownerContext.close();
  await viewerContext.close();
});

test('a stranger gets "not found" for a project they are not in', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const strangerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const stranger = await strangerContext.newPage();
  await signUp(owner, newUser('Carol'));
  const projectId = await createProject(owner, 'Private network');
  await signUp(stranger, newUser('Mallory'));
  await stranger.goto(`/projects/${projectId}`);
  await expect(stranger.getByRole('heading', { name: 'Project not found' })).toBeVisible();
  await expect(stranger.getByText('Private network')).toHaveCount(0);
  await ownerContext.close();
  await strangerContext.close();
});

test('the owner edits the details, and a field error appears next to its field', async ({ page }) => {
  await signUp(page, newUser('Dora'));
  await createProject(page, 'Draft name');
  await page.getByRole('button', { name: 'Edit details' }).click();
  const name = page.getByLabel('Project name');
  await name.fill('   ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await name.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('Give the project a name.');
  await name.fill('Final name');
  await page.getByLabel('Description').fill('Now with a description.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Final name');
  await expect(page.getByText('Now with a description.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText('renamed the project to “Final name” and changed the description');
});
