import { uploadDataset } from '@/server/datasets/service';
import { importGoldStandard } from '@/server/gold-standards/service';
import { editPrior, importPrior } from '@/server/priors/service';
import type { Cases, Fixture } from './types';

const tidy = 'gene,trajectory,time,value\nA,t1,0,0.1\nB,t1,0,0.2\nA,t1,1,0.3\nB,t1,1,0.4\n';
const tidyInput = (f: Fixture) => ({ projectId: f.projectId, name: 'Walk', format: 'tidy_csv', data: tidy });
const sif = 'A\tactivates\tB\nB\tinhibits\tA\n';

const dataset = async (f: Fixture) => (await uploadDataset(f.owner, { projectId: f.projectId, name: 'Walk data', format: 'tidy-csv', data: tidy })).id;
const prior = (f: Fixture) => importPrior(f.owner, { projectId: f.projectId, name: 'Walk prior', format: 'sif', text: sif });
/** A prior with two versions; returns both ids, the second the head. */
async function priorWithTwoVersions(f: Fixture) {
  const p = await prior(f);
  const v2 = await editPrior(f.owner, {
    baseVersionId: p.headVersionId!,
    message: 'second',
    changes: [{ op: 'flip_sign', regulator: 'A', target: 'B' }],
  });
  return { priorId: p.id, v1: p.headVersionId!, v2: v2.id };
}
const gold = async (f: Fixture) => (await importGoldStandard(f.owner, { projectId: f.projectId, name: 'Walk gold', text: 'A,B\n' })).id;

const cases: Cases = {
  Query: {
    datasets: { need: 'viewer', query: `query($p: ID!) { datasets(projectId: $p) { id } }`, variables: (f) => ({ p: f.projectId }) },
    dataset: {
      need: 'viewer',
      query: `query($id: ID!) { dataset(id: $id) { id genes trajectories { index } runCount } }`,
      variables: async (f) => ({ id: await dataset(f) }),
    },
    trajectoryPreview: {
      need: 'viewer',
      query: `query($id: ID!) { trajectoryPreview(datasetId: $id, genes: ["A"], trajectories: [0]) { values } }`,
      variables: async (f) => ({ id: await dataset(f) }),
    },
    priorNetworks: { need: 'viewer', query: `query($p: ID!) { priorNetworks(projectId: $p) { id } }`, variables: (f) => ({ p: f.projectId }) },
    priorNetwork: {
      need: 'viewer',
      query: `query($id: ID!) { priorNetwork(id: $id) { id headVersion { id } versions { id } } }`,
      variables: async (f) => ({ id: (await prior(f)).id }),
    },
    priorVersion: {
      need: 'viewer',
      query: `query($id: ID!) { priorVersion(id: $id) { id genes edges { total } export(format: csv) { content } } }`,
      variables: async (f) => ({ id: (await prior(f)).headVersionId }),
    },
    priorDiff: {
      need: 'viewer',
      query: `query($a: ID!, $b: ID!) { priorDiff(fromVersionId: $a, toVersionId: $b) { signChanged { regulator } } }`,
      variables: async (f) => {
        const { v1, v2 } = await priorWithTwoVersions(f);
        return { a: v1, b: v2 };
      },
    },
    geneMismatch: {
      need: 'viewer',
      query: `query($v: ID!, $d: ID!) { geneMismatch(versionId: $v, datasetId: $d) { missingGenes } }`,
      variables: async (f) => ({ v: (await prior(f)).headVersionId, d: await dataset(f) }),
    },
    goldStandards: { need: 'viewer', query: `query($p: ID!) { goldStandards(projectId: $p) { id } }`, variables: (f) => ({ p: f.projectId }) },
    goldStandard: {
      need: 'viewer',
      query: `query($id: ID!) { goldStandard(id: $id) { id edges { total } } }`,
      variables: async (f) => ({ id: await gold(f) }),
    },
  },
  Mutation: {
    uploadDataset: {
      need: 'editor',
      query: `mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }`,
      variables: (f) => ({ input: tidyInput(f) }),
    },
    deleteDataset: { need: 'editor', query: `mutation($id: ID!) { deleteDataset(id: $id) }`, variables: async (f) => ({ id: await dataset(f) }) },
    importPrior: {
      need: 'editor',
      query: `mutation($input: ImportPriorInput!) { importPrior(input: $input) { id } }`,
      variables: (f) => ({ input: { projectId: f.projectId, name: 'Walk', format: 'sif', text: sif } }),
    },
    importPriorVersion: {
      need: 'editor',
      query: `mutation($input: ImportPriorVersionInput!) { importPriorVersion(input: $input) { id } }`,
      variables: async (f) => ({ input: { priorId: (await prior(f)).id, format: 'sif', text: 'A\tactivates\tB\n', message: 'v2' } }),
    },
    editPrior: {
      need: 'editor',
      query: `mutation($input: EditPriorInput!) { editPrior(input: $input) { id } }`,
      variables: async (f) => ({
        input: { baseVersionId: (await prior(f)).headVersionId, message: 'walk', changes: [{ op: 'remove', regulator: 'A', target: 'B' }] },
      }),
    },
    revertPrior: {
      need: 'editor',
      query: `mutation($v: ID!) { revertPrior(versionId: $v) { id } }`,
      variables: async (f) => ({ v: (await priorWithTwoVersions(f)).v1 }),
    },
    deletePrior: { need: 'editor', query: `mutation($id: ID!) { deletePrior(id: $id) }`, variables: async (f) => ({ id: (await prior(f)).id }) },
    importGoldStandard: {
      need: 'editor',
      query: `mutation($input: ImportGoldStandardInput!) { importGoldStandard(input: $input) { id } }`,
      variables: (f) => ({ input: { projectId: f.projectId, name: 'Walk', source: 'test', text: 'A,B\nB,A\n' } }),
    },
    deleteGoldStandard: { need: 'editor', query: `mutation($id: ID!) { deleteGoldStandard(id: $id) }`, variables: async (f) => ({ id: await gold(f) }) },
  },
};

export default cases;
