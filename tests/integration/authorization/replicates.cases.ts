import { uploadDataset } from '@/server/datasets/service';
import { importGoldStandard } from '@/server/gold-standards/service';
import { importPrior } from '@/server/priors/service';
import { launchReplicates } from '@/server/replicates/launch';
import type { Cases, Fixture } from './types';

const tidy = 'gene,trajectory,time,value\nA,t1,0,0.1\nB,t1,0,0.2\nA,t1,1,0.3\nB,t1,1,0.4\nA,t2,0,0.5\nB,t2,0,0.6\nA,t2,1,0.7\nB,t2,1,0.8\n';

async function inputs(f: Fixture) {
  const dataset = await uploadDataset(f.owner, { projectId: f.projectId, name: 'Replicate walk data', format: 'tidy-csv', data: tidy });
  const prior = await importPrior(f.owner, { projectId: f.projectId, name: 'Replicate walk prior', format: 'sif', text: 'A\tactivates\tB\nB\trepresses\tA\n' });
  return { datasetId: dataset.id, priorVersionId: prior.headVersionId! };
}

/** Two finished replicates, stored as a worker would (no training during the walk); returns the first. */
async function replicatedRun(f: Fixture): Promise<string> {
  const group = await launchReplicates(f.owner, {
    projectId: f.projectId,
    ...(await inputs(f)),
    strategy: 'dash',
    hyperparameters: { epochs: 2 },
    replicates: 2,
  });
  for (const r of group.runs) {
    await f.h.query(`update runs set status = 'succeeded' where id = $1`, [r.id]);
    await f.h.query(`insert into inferred_edges (run_id, regulator, target, effect, rank) values ($1, 'A', 'B', 0.9, 1)`, [r.id]);
  }
  return group.runs[0].id;
}

/** A finished run with one stored pruning level (A → B, effect 0.5), as a worker would store it. */
async function runWithLevel(f: Fixture): Promise<string> {
  const runId = await replicatedRun(f);
  await f.h.query(
    `insert into run_level_networks (run_id, level, first_epoch, last_epoch, best_epoch, sparsity, val_mse, edge_count, pairs, effects)
     values ($1, 0, 1, 2, 2, 0.5, 0.01, 1, decode('01000000', 'hex'), decode('0000003f', 'hex'))`,
    [runId],
  );
  return runId;
}

const cases: Cases = {
  Query: {
    runLevelNetwork: {
      need: 'viewer',
      query: `query($r: ID!) { runLevelNetwork(runId: $r, level: 0, limit: 10) { total level { kept sparsity } edges { regulator target effect } } }`,
      variables: async (f) => ({ r: await runWithLevel(f) }),
    },
    replicateAnalysis: {
      need: 'viewer',
      query: `query($p: ID!, $r: ID!, $g: ID) { replicateAnalysis(projectId: $p, runId: $r, goldStandardId: $g) {
        flaggedCount replicates { seed } unsupported(limit: 10) { total items { regulator confidence reviewStatus } } candidates(limit: 10) { items { target } } consensus(limit: 10) { items { sign } } scores { prior { f1 } consensus { f1 } } } }`,
      variables: async (f) => ({
        p: f.projectId,
        r: await replicatedRun(f),
        g: (await importGoldStandard(f.owner, { projectId: f.projectId, name: 'Replicate walk gold', text: 'A,B\n' })).id,
      }),
    },
    replicateListQueue: {
      need: 'viewer',
      query: `query($p: ID!, $r: ID!) { replicateListQueue(projectId: $p, runId: $r, list: UNSUPPORTED, limit: 10) {
        total runEdges items { regulator target confidence status myVerdict } } }`,
      variables: async (f) => ({ p: f.projectId, r: await replicatedRun(f) }),
    },
  },
  Mutation: {
    replicateRun: {
      need: 'editor',
      query: `mutation($r: ID!) { replicateRun(runId: $r, seeds: 2) { id runs { id } } }`,
      variables: async (f) => ({ r: await replicatedRun(f) }),
    },
    launchReplicates: {
      need: 'editor',
      query: `mutation($input: LaunchReplicatesInput!) { launchReplicates(input: $input) { id runs { id } } }`,
      variables: async (f) => ({ input: { projectId: f.projectId, ...(await inputs(f)), strategy: 'dash', replicates: 3 } }),
    },
  },
};

export default cases;
