import { uploadDataset } from '@/server/datasets/service';
import { importGoldStandard } from '@/server/gold-standards/service';
import { importPrior } from '@/server/priors/service';
import { launchRun } from '@/server/runs/service';
import type { Cases, Fixture } from './types';

const tidy = 'gene,trajectory,time,value\nA,t1,0,0.1\nB,t1,0,0.2\nA,t1,1,0.3\nB,t1,1,0.4\nA,t2,0,0.5\nB,t2,0,0.6\nA,t2,1,0.7\nB,t2,1,0.8\n';

async function inputs(f: Fixture) {
  const dataset = await uploadDataset(f.owner, { projectId: f.projectId, name: 'Run walk data', format: 'tidy-csv', data: tidy });
  const prior = await importPrior(f.owner, { projectId: f.projectId, name: 'Run walk prior', format: 'sif', text: 'A\tactivates\tB\n' });
  return { datasetId: dataset.id, priorVersionId: prior.headVersionId! };
}

/** A queued run (no worker runs during the walk). */
async function run(f: Fixture): Promise<string> {
  const { datasetId, priorVersionId } = await inputs(f);
  const r = await launchRun(f.owner, { projectId: f.projectId, datasetId, priorVersionId, strategy: 'dash', hyperparameters: { epochs: 2 } });
  return r.id;
}

const gold = async (f: Fixture) => (await importGoldStandard(f.owner, { projectId: f.projectId, name: 'Run walk gold', text: 'A,B\n' })).id;

const cases: Cases = {
  Query: {
    runs: { need: 'viewer', query: `query($p: ID!) { runs(projectId: $p) { id status progress { fraction } } }`, variables: (f) => ({ p: f.projectId }) },
    run: {
      need: 'viewer',
      query: `query($id: ID!) { run(id: $id) { id config epochs { epoch } storedMetrics { tp } network { totalEdges } heatmap { maxAbs } } }`,
      variables: async (f) => ({ id: await run(f) }),
    },
    runPresets: { need: 'anyone', query: `{ runPresets { id lambda1 lambda2 } }` },
    runStrategies: { need: 'anyone', query: `{ runStrategies { strategy label needsPrior } }` },
    runTrainingDefaults: { need: 'anyone', query: `{ runTrainingDefaults { selection lrReset } }` },
    compareRuns: {
      need: 'viewer',
      query: `query($p: ID!, $r: [ID!]!, $g: ID!) { compareRuns(projectId: $p, runIds: $r, goldStandardId: $g) { rows { sparsity metrics { tp } } } }`,
      variables: async (f) => ({ p: f.projectId, r: [await run(f)], g: await gold(f) }),
    },
  },
  Mutation: {
    launchRun: {
      need: 'editor',
      query: `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id status } }`,
      variables: async (f) => ({ input: { projectId: f.projectId, ...(await inputs(f)), strategy: 'dash', preset: 'synthetic' } }),
    },
    launchSweep: {
      need: 'editor',
      query: `mutation($input: LaunchSweepInput!) { launchSweep(input: $input) { id runs { id } } }`,
      variables: async (f) => ({
        input: { projectId: f.projectId, ...(await inputs(f)), strategies: ['dash', 'imp'], lambda1Values: [0.5, 0.9], lambda2Values: [0.05] },
      }),
    },
    cancelRun: { need: 'editor', query: `mutation($id: ID!) { cancelRun(id: $id) { id status } }`, variables: async (f) => ({ id: await run(f) }) },
    relaunchRun: { need: 'editor', query: `mutation($id: ID!) { relaunchRun(id: $id) { id } }`, variables: async (f) => ({ id: await run(f) }) },
  },
};

export default cases;
