import { importPrior } from '@/server/priors/service';
import type { Cases, Fixture } from './types';

async function priorVersion(f: Fixture): Promise<string> {
  const prior = await importPrior(f.owner, { projectId: f.projectId, name: 'Benchmark walk prior', format: 'sif', text: 'A\tactivates\tB\nB\trepresses\tC\n' });
  return prior.headVersionId!;
}

const cases: Cases = {
  Query: {
    syntheticBenchmarks: {
      need: 'viewer',
      query: `query($p: ID!) { syntheticBenchmarks(projectId: $p, limit: 10) { id status progress { trajectoriesDone } datasetId goldStandardId } }`,
      variables: (f) => ({ p: f.projectId }),
    },
  },
  Mutation: {
    createSyntheticBenchmark: {
      need: 'editor',
      query: `mutation($p: ID!, $v: ID!) { createSyntheticBenchmark(projectId: $p, priorVersionId: $v, name: "Walk", trajectories: 3, timePoints: [0, 1, 2]) { id status } }`,
      variables: async (f) => ({ p: f.projectId, v: await priorVersion(f) }),
    },
  },
};

export default cases;
