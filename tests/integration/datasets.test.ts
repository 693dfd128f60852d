import { expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '@/server/file-input';
import { expectRefused, fixture, ok, team, type Team } from './data-fixtures';
import { forEachBackend } from './harness';

const UPLOAD = `mutation Upload($input: UploadDatasetInput!) {
  uploadDataset(input: $input) {
    id name format geneCount trajectoryCount trainTrajectoryCount testTrajectoryCount createdByName
    genes trajectories { index role timeCount tStart tEnd }
  }
}`;
const LIST = `query List($p: ID!) { datasets(projectId: $p) { id name } }`;
const GET = `query Get($id: ID!) { dataset(id: $id) { id name runCount genes(search: $search) } }`.replace('genes(search: $search)', 'genes');
const SEARCH = `query Search($id: ID!, $s: String, $l: Int) { dataset(id: $id) { genes(search: $s, limit: $l) } }`;
const PREVIEW = `query Preview($id: ID!, $genes: [String!]!, $t: [Int!]!) {
  trajectoryPreview(datasetId: $id, genes: $genes, trajectories: $t) { trajectory role gene times values }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteDataset(id: $id) }`;

const genes = ['GATA1', 'SPI1', 'CEBPA', 'KLF1', 'FLI1'];

await forEachBackend('datasets', (h) => {
  let t: Team;
  const upload = (input: Record<string, unknown>, who = () => t.editor) => ok(h, UPLOAD, { input: { projectId: t.projectId, name: 'Tiny', ...input } }, who());

  it('uploads a trajectory CSV with its genes file, holding out the last trajectory for testing', async () => {
    t = await team(h);
    const { uploadDataset: d } = await upload({
      format: 'trajectory_csv',
      data: fixture('tiny-trajectories.csv'),
      genes: fixture('tiny-genes.csv'),
      testLastTrajectories: 1,
    });
    expect(d).toMatchObject({
      format: 'trajectory_csv',
      geneCount: 5,
      trajectoryCount: 3,
      trainTrajectoryCount: 2,
      testTrajectoryCount: 1,
      genes,
      createdByName: 'Editor',
    });
    expect(d.trajectories).toEqual([
      { index: 0, role: 'train', timeCount: 6, tStart: 0, tEnd: 8 },
      { index: 1, role: 'train', timeCount: 6, tStart: 0, tEnd: 8 },
      { index: 2, role: 'test', timeCount: 6, tStart: 0, tEnd: 8 },
    ]);
    const audit = await h.query(`select action, object_id, details from audit_events where action = 'dataset.upload'`);
    expect(audit.rows).toEqual([
      { action: 'dataset.upload', object_id: d.id, details: expect.objectContaining({ genes: 5, trainTrajectories: 2, testTrajectories: 1 }) },
    ]);
  });

  it('stores the same values from the tidy CSV as from the trajectory CSV', async () => {
    const { uploadDataset: tidy } = await upload({ format: 'tidy_csv', data: fixture('tiny-tidy.csv') });
    expect(tidy).toMatchObject({ geneCount: 5, trajectoryCount: 3, testTrajectoryCount: 0, genes });
    const { datasets } = await ok(h, LIST, { p: t.projectId }, t.viewer);
    const traj = datasets.find((d: { id: string }) => d.id !== tidy.id);
    const q = { genes: ['KLF1', 'GATA1'], t: [2, 0] };
    const a = await ok(h, PREVIEW, { id: tidy.id, ...q }, t.viewer);
    const b = await ok(h, PREVIEW, { id: traj.id, ...q }, t.viewer);
    expect(a.trajectoryPreview.map((s: any) => [s.trajectory, s.gene, s.values])).toEqual(
      b.trajectoryPreview.map((s: any) => [s.trajectory, s.gene, s.values]),
    );
    // KLF1 (row 4) of trajectory 3 in the fixture file.
    const klf1 = a.trajectoryPreview.find((s: any) => s.gene === 'KLF1' && s.trajectory === 2);
    expect(klf1.times).toEqual([0, 1, 2, 4, 6, 8]);
    expect(klf1.values[0]).toBeCloseTo(0.9);
    expect(b.trajectoryPreview.find((s: any) => s.gene === 'KLF1' && s.trajectory === 2).role).toBe('test');
  });

  it('uploads a genes × samples matrix with pseudotime as one trajectory ordered by pseudotime', async () => {
    const { uploadDataset: d } = await upload({ format: 'matrix_pseudotime', data: fixture('tiny-matrix.csv'), pseudotime: fixture('tiny-pseudotime.csv') });
    expect(d).toMatchObject({ geneCount: 5, trajectoryCount: 1, genes });
    expect(d.trajectories[0]).toMatchObject({ timeCount: 6, tStart: 0, tEnd: 1 });
  });

  it('takes test trajectories from a separate file with genes in another order', async () => {
    const reordered = [
      'gene,trajectory,time,value',
      'SPI1,t1,0,0.5',
      'GATA1,t1,0,0.1',
      'CEBPA,t1,0,0.2',
      'KLF1,t1,0,0.3',
      'FLI1,t1,0,0.4',
      'SPI1,t1,1,0.6',
      'GATA1,t1,1,0.7',
      'CEBPA,t1,1,0.8',
      'KLF1,t1,1,0.9',
      'FLI1,t1,1,1',
    ].join('\n');
    const { uploadDataset: d } = await upload({ format: 'tidy_csv', data: fixture('tiny-tidy.csv'), testData: reordered });
    expect(d).toMatchObject({ trajectoryCount: 4, testTrajectoryCount: 1 });
    const { trajectoryPreview } = await ok(h, PREVIEW, { id: d.id, genes: ['GATA1', 'SPI1'], t: [3] }, t.viewer);
    expect(trajectoryPreview.map((s: any) => [s.gene, s.role, s.values])).toEqual([
      ['GATA1', 'test', [0.1, 0.7]],
      ['SPI1', 'test', [0.5, 0.6]],
    ]);
  });

  it.each([
    [
      'a malformed number',
      'trajectory_csv',
      { data: fixture('tiny-trajectories.csv').replace('0.3814', '0.38x4'), genes: fixture('tiny-genes.csv') },
      'data',
      2,
      2,
      /not a number/,
    ],
    [
      'a ragged row',
      'trajectory_csv',
      { data: fixture('tiny-trajectories.csv').replace('0.4,0.2846,0.2073,0.1207,0.0818,0.0643', '0.4,0.2846,0.2073'), genes: fixture('tiny-genes.csv') },
      'data',
      3,
      undefined,
      /expected 6 cells/,
    ],
    [
      'a duplicate gene',
      'trajectory_csv',
      { data: fixture('tiny-trajectories.csv'), genes: fixture('tiny-genes.csv').replace('KLF1', 'GATA1') },
      'genes',
      5,
      1,
      /appears twice/,
    ],
    ['a missing time', 'tidy_csv', { data: fixture('tiny-tidy.csv').replace('SPI1,traj1,2,', 'SPI1,traj1,,') }, 'data', 10, 3, /time/],
    [
      'a malformed pseudotime',
      'matrix_pseudotime',
      { data: fixture('tiny-matrix.csv'), pseudotime: fixture('tiny-pseudotime.csv').replace('cell3,0.25', 'cell3,abc') },
      'pseudotime',
      4,
      2,
      /not a number/,
    ],
    [
      'a malformed matrix value',
      'matrix_pseudotime',
      { data: fixture('tiny-matrix.csv').replace('0.5158', 'x'), pseudotime: fixture('tiny-pseudotime.csv') },
      'data',
      2,
      4,
      /not a number/,
    ],
  ])('refuses %s with its line and column, storing nothing', async (_what, format, files, field, line, column, message) => {
    const { message: text, extensions } = await expectRefused(
      h,
      UPLOAD,
      { input: { projectId: t.projectId, name: 'Bad', format, ...files } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(text).toMatch(message);
    expect(extensions).toMatchObject({ field, line });
    if (column !== undefined) expect(extensions.column).toBe(column);
  });

  it('refuses inconsistent requests naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ format: 'trajectory_csv', data: fixture('tiny-trajectories.csv') }, 'genes'],
      [{ format: 'matrix_pseudotime', data: fixture('tiny-matrix.csv') }, 'pseudotime'],
      [{ format: 'tidy_csv', data: fixture('tiny-tidy.csv'), testLastTrajectories: 3 }, 'testLastTrajectories'],
      [{ format: 'tidy_csv', data: fixture('tiny-tidy.csv'), testData: fixture('tiny-tidy.csv'), testLastTrajectories: 1 }, 'testLastTrajectories'],
      [{ format: 'tidy_csv', data: fixture('tiny-tidy.csv'), testData: 'gene,trajectory,time,value\nOTHER,t,0,1\n' }, 'testData'],
      [{ format: 'tidy_csv', data: fixture('tiny-tidy.csv'), name: ' ' }, 'name'],
    ];
    for (const [input, field] of cases) {
      const { extensions } = await expectRefused(h, UPLOAD, { input: { projectId: t.projectId, name: 'Bad', ...input } }, t.editor, 'BAD_USER_INPUT');
      expect(extensions.field, JSON.stringify(input)).toBe(field);
    }
  });

  it('refuses files over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const huge = 'x'.repeat(MAX_FILE_BYTES + 1);
    const { extensions } = await expectRefused(
      h,
      UPLOAD,
      { input: { projectId: t.projectId, name: 'Huge', format: 'tidy_csv', data: huge } },
      t.editor,
      'PAYLOAD_TOO_LARGE',
    );
    expect(extensions.field).toBe('data');
  });

  it('searches genes and validates preview requests', async () => {
    const { datasets } = await ok(h, LIST, { p: t.projectId }, t.viewer);
    const id = datasets[0].id;
    expect((await ok(h, SEARCH, { id, s: 'p' }, t.viewer)).dataset.genes).toEqual(['SPI1', 'CEBPA']);
    expect((await ok(h, SEARCH, { id, s: null, l: 2 }, t.viewer)).dataset.genes).toEqual(['GATA1', 'SPI1']);
    expect((await ok(h, GET, { id }, t.viewer)).dataset.runCount).toBe(0);
    // Ranges along trajectory 1 of the fixture: GATA1 0.64, KLF1 0.59, CEBPA 0.39, SPI1 0.34, FLI1 0.10.
    const variable = await ok(h, `query($id: ID!) { dataset(id: $id) { variableGenes(limit: 3) } }`, { id }, t.viewer);
    expect(variable.dataset.variableGenes).toEqual(['GATA1', 'KLF1', 'CEBPA']);
    const unknownGene = await expectRefused(h, PREVIEW, { id, genes: ['NOPE'], t: [0] }, t.viewer, 'BAD_USER_INPUT');
    expect(unknownGene).toMatchObject({ message: expect.stringMatching(/no gene NOPE/), extensions: { field: 'genes' } });
    const badTrajectory = await expectRefused(h, PREVIEW, { id, genes: ['GATA1'], t: [99] }, t.viewer, 'BAD_USER_INPUT');
    expect(badTrajectory.extensions.field).toBe('trajectories');
  });

  it('lets viewers read but not write; non-members get NOT_FOUND', async () => {
    const { datasets } = await ok(h, LIST, { p: t.projectId }, t.viewer);
    const id = datasets[0].id;
    await expectRefused(h, UPLOAD, { input: { projectId: t.projectId, name: 'V', format: 'tidy_csv', data: fixture('tiny-tidy.csv') } }, t.viewer, 'FORBIDDEN');
    await expectRefused(h, DELETE, { id }, t.viewer, 'FORBIDDEN');
    await expectRefused(h, LIST, { p: t.projectId }, t.outsider, 'NOT_FOUND');
    await expectRefused(h, GET, { id }, t.outsider, 'NOT_FOUND');
    await expectRefused(h, PREVIEW, { id, genes: ['GATA1'], t: [0] }, t.outsider, 'NOT_FOUND');
    await expectRefused(h, DELETE, { id }, t.outsider, 'NOT_FOUND');
    await expectRefused(h, GET, { id: 'not-a-uuid' }, t.viewer, 'NOT_FOUND');
    await expectRefused(
      h,
      UPLOAD,
      { input: { projectId: t.projectId, name: 'O', format: 'tidy_csv', data: fixture('tiny-tidy.csv') } },
      t.outsider,
      'NOT_FOUND',
    );
  });

  it('deletes a dataset with its trajectories, but not while a run uses it', async () => {
    const { uploadDataset: d } = await upload({ format: 'tidy_csv', data: fixture('tiny-tidy.csv') });
    await h.query(`insert into runs (project_id, name, dataset_id, strategy, config, seed, code_version) values ($1, 'r', $2, 'dash', '{}', 0, 'test')`, [
      t.projectId,
      d.id,
    ]);
    const refused = await expectRefused(h, DELETE, { id: d.id }, t.editor, 'CONFLICT');
    expect(refused.message).toMatch(/Runs use this dataset/);
    await h.query(`delete from runs where dataset_id = $1`, [d.id]);
    expect((await ok(h, DELETE, { id: d.id }, t.editor)).deleteDataset).toBe(true);
    expect((await h.query(`select count(*)::int as n from dataset_trajectories where dataset_id = $1`, [d.id])).rows[0].n).toBe(0);
    await expectRefused(h, GET, { id: d.id }, t.editor, 'NOT_FOUND');
    const audit = await h.query(`select count(*)::int as n from audit_events where action = 'dataset.delete' and object_id = $1`, [d.id]);
    expect(audit.rows[0].n).toBe(1);
  });
});
