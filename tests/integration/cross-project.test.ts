/**
 * Objects of one project used from another, by someone who may see both: a run in project A launched
 * with B's dataset or prior, and A's run network scored against B's gold standard. Refused as if the
 * object did not exist, with nothing stored (no run, no job, no audit event).
 */
import { beforeAll, expect, it } from 'vitest';
import { uploadDataset } from '@/server/datasets/service';
import { importGoldStandard } from '@/server/gold-standards/service';
import { importPrior } from '@/server/priors/service';
import { createProject } from '@/server/projects/service';
import { firstError, forEachBackend } from './harness';
import { runsProject, tinyGold, tinyPrior, tinyTidyCsv, type RunsProject } from './runs-fixtures';

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id status } }`;
const NETWORK = `query($id: ID!, $input: RunNetworkInput) { run(id: $id) { network(input: $input) { totalEdges } } }`;

await forEachBackend('objects from another project', (h) => {
  let a: RunsProject;
  let b: { projectId: string; datasetId: string; priorVersionId: string; goldStandardId: string };
  let runId: string;

  const stored = async () => ({
    ...(await h.counts('runs', 'audit_events')),
    jobs: (await h.query(`select count(*)::int as n from pgboss.job`)).rows[0].n as number,
  });
  const launchInput = (over: Record<string, unknown>) => ({
    input: { projectId: a.projectId, datasetId: a.datasetId, priorVersionId: a.priorVersionId, strategy: 'dash', hyperparameters: { epochs: 3 }, ...over },
  });

  beforeAll(async () => {
    a = await runsProject(h);
    // The owner of A owns B too, so only the project boundary can refuse, not membership.
    const owner = h.context(a.owner);
    const project = await createProject(owner, { name: 'Other project' });
    const dataset = await uploadDataset(owner, { projectId: project.id, name: 'Other data', format: 'tidy-csv', data: tinyTidyCsv(4) });
    const prior = await importPrior(owner, { projectId: project.id, name: 'Other prior', format: 'edge_list', text: tinyPrior });
    const gold = await importGoldStandard(owner, { projectId: project.id, name: 'Other truth', source: 'test', text: tinyGold });
    b = { projectId: project.id, datasetId: dataset.id, priorVersionId: prior.headVersionId!, goldStandardId: gold.id };
    const launched = await h.gql(LAUNCH, launchInput({}), a.owner);
    expect(launched.errors, JSON.stringify(launched.errors)).toBeUndefined();
    runId = launched.data!.launchRun.id;
  });

  it.each([
    ['dataset', { datasetId: () => b.datasetId }],
    ['prior version', { priorVersionId: () => b.priorVersionId }],
  ])("refuses a run launched with another project's %s and stores nothing", async (_what, over) => {
    const before = await stored();
    const input = launchInput(Object.fromEntries(Object.entries(over).map(([k, f]) => [k, f()])));
    const result = await h.gql(LAUNCH, input, a.owner);
    expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(result.errors?.[0]?.extensions?.code);
    expect(result.data?.launchRun ?? null).toBeNull();
    expect(await stored()).toEqual(before);
  });

  // Checked by authz's requireInProject: an object of another project is refused exactly as one that exists
  // nowhere (same code, field and message), so its id says nothing about the other project.
  it.each([
    ['datasetId', () => b.datasetId, /^Dataset was not found in this project\.$/],
    ['priorVersionId', () => b.priorVersionId, /^Prior network version was not found in this project\.$/],
  ])("refuses another project's %s as it refuses an id that exists nowhere", async (field, theirs, message) => {
    const before = await stored();
    const nowhere = firstError(await h.gql(LAUNCH, launchInput({ [field]: '00000000-0000-4000-8000-000000000000' }), a.owner));
    const other = firstError(await h.gql(LAUNCH, launchInput({ [field]: theirs() }), a.owner));
    expect(other).toEqual({ code: 'NOT_FOUND', field, message: expect.stringMatching(message) });
    expect(other).toEqual(nowhere);
    expect(await stored()).toEqual(before);
  });

  it("refuses a replicate analysis of another project's run, or against its gold standard, as ids that exist nowhere", async () => {
    const ANALYSIS = `query($p: ID!, $r: ID!, $g: ID) { replicateAnalysis(projectId: $p, runId: $r, goldStandardId: $g) { runId } }`;
    const nowhere = '00000000-0000-4000-8000-000000000000';
    const theirs = { projectId: b.projectId, datasetId: b.datasetId, priorVersionId: b.priorVersionId };
    const theirRun = await h.gql(LAUNCH, { input: { ...launchInput({}).input, ...theirs } }, a.owner);
    expect(theirRun.errors, JSON.stringify(theirRun.errors)).toBeUndefined();
    const before = await stored();
    const ask = async (r: string, g?: string) => firstError(await h.gql(ANALYSIS, { p: a.projectId, r, g }, a.owner));
    expect(await ask(theirRun.data!.launchRun.id)).toEqual({ code: 'NOT_FOUND', field: 'runId', message: 'Run was not found in this project.' });
    expect(await ask(theirRun.data!.launchRun.id)).toEqual(await ask(nowhere));
    expect(await ask(runId, b.goldStandardId)).toEqual({ code: 'NOT_FOUND', field: 'goldStandardId', message: 'Gold standard was not found in this project.' });
    expect(await ask(runId, b.goldStandardId)).toEqual(await ask(runId, nowhere));
    expect(await stored()).toEqual(before);
  });

  it("refuses a run network scored against another project's gold standard", async () => {
    const own = await h.gql(NETWORK, { id: runId, input: { goldStandardId: a.goldStandardId } }, a.owner);
    expect(own.errors?.[0]?.extensions?.code).not.toBe('NOT_FOUND');
    const before = await stored();
    const result = await h.gql(NETWORK, { id: runId, input: { goldStandardId: b.goldStandardId } }, a.owner);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'goldStandardId' } });
    expect(await stored()).toEqual(before);
  });
});
