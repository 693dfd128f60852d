import { uploadDataset } from '@/server/datasets/service';
import { importPrior } from '@/server/priors/service';
import { launchReplicates } from '@/server/replicates/launch';
import type { Cases, Fixture } from './types';

const tidy = 'gene,trajectory,time,value\nA,t1,0,0.1\nB,t1,0,0.2\nA,t1,1,0.3\nB,t1,1,0.4\nA,t2,0,0.5\nB,t2,0,0.6\nA,t2,1,0.7\nB,t2,1,0.8\n';

/** A replicate group of two runs, finished as a worker would leave them (A → B kept by both). */
async function group(f: Fixture) {
  const dataset = await uploadDataset(f.owner, { projectId: f.projectId, name: 'Group walk data', format: 'tidy-csv', data: tidy });
  const prior = await importPrior(f.owner, { projectId: f.projectId, name: 'Group walk prior', format: 'sif', text: 'A\tactivates\tB\n' });
  const g = await launchReplicates(f.owner, {
    projectId: f.projectId,
    datasetId: dataset.id,
    priorVersionId: prior.headVersionId!,
    strategy: 'dash',
    hyperparameters: { epochs: 2 },
    replicates: 2,
  });
  for (const r of g.runs) {
    await f.h.query(`update runs set status = 'succeeded' where id = $1`, [r.id]);
    await f.h.query(`insert into inferred_edges (run_id, regulator, target, effect, rank) values ($1, 'A', 'B', 0.9, 1)`, [r.id]);
  }
  return g;
}

const cases: Cases = {
  Query: {
    sweep: {
      need: 'viewer',
      query: `query($id: ID!) { sweep(id: $id) { id kind summary settings { name values } runCount statusCounts { status count } runs { id status } } }`,
      variables: async (f) => ({ id: (await group(f)).id }),
    },
    compareEdges: {
      need: 'viewer',
      query: `query($p: ID!, $a: ID!, $b: ID!) { compareEdges(projectId: $p, a: { runId: $a }, b: { runId: $b }, k: 5) {
        sharedCount jaccard topK { jaccard } shared(limit: 5) { total items { regulator target effectA effectB sameSign } } } }`,
      variables: async (f) => {
        const g = await group(f);
        return { p: f.projectId, a: g.runs[0].id, b: g.runs[1].id };
      },
    },
  },
};

export default cases;
