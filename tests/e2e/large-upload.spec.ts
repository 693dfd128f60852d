import { expect, test } from '@playwright/test';
import { newUser, signUp } from './helpers';

test('a large prior file is parsed off the request thread by the production server, and a bad one is refused with its line', async ({ page }) => {
  await signUp(page, newUser('Big'));
  const gql = async (query: string, variables: Record<string, unknown>) => (await page.request.post('/api/graphql', { data: { query, variables } })).json();
  const { data } = await gql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input: { name: 'Large upload' } });
  const projectId = data.createProject.id as string;
  // About 400 KB: over the size that goes to the parse thread.
  const rows = Array.from({ length: 12_000 }, (_, k) => `R${k % 400},T${Math.floor(k / 400)}_${k % 97},1,0.5,pmid${k}`);
  const text = ['regulator,target,sign,weight,evidence', ...rows].join('\n');
  const IMPORT = `mutation($input: ImportPriorInput!) { importPrior(input: $input) { id headVersion { edgeCount } } }`;
  const imported = await gql(IMPORT, { input: { projectId, name: 'Large', format: 'edge_list', text } });
  expect(imported.errors).toBeUndefined();
  expect(imported.data.importPrior.headVersion.edgeCount).toBe(12_000);
  const refused = await gql(IMPORT, { input: { projectId, name: 'Bad', format: 'edge_list', text: `${text}\nA,B,1,1e309,x` } });
  expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', kind: 'not-finite', line: 12_002, column: 4 });
});
