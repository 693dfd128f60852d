import { expect, it } from 'vitest';
import { expectRefused, fixture, ok, team, type Team } from './data-fixtures';
import { forEachBackend } from './harness';

const IMPORT = `mutation Import($input: ImportGoldStandardInput!) {
  importGoldStandard(input: $input) { id name source edgeCount regulatorCount targetCount createdByName }
}`;
const LIST = `query List($p: ID!) { goldStandards(projectId: $p) { id name } }`;
const GET = `query Get($id: ID!, $gene: String) { goldStandard(id: $id) { id edges(gene: $gene, limit: 100) { total edges { regulator target sign score } } } }`;
const DELETE = `mutation Delete($id: ID!) { deleteGoldStandard(id: $id) }`;

await forEachBackend('gold standards', (h) => {
  let t: Team;
  let goldId: string;
  const importGold = (input: Record<string, unknown>, who = () => t.editor) =>
    ok(h, IMPORT, { input: { projectId: t.projectId, name: 'ChIP-atlas', ...input } }, who());

  it('imports a TSV regulator→target list with scores and its source, and audits it', async () => {
    t = await team(h);
    const { importGoldStandard: g } = await importGold({ text: fixture('tiny-gold.tsv'), source: 'ChIP-atlas 2024, blood' });
    goldId = g.id;
    expect(g).toEqual({
      id: g.id,
      name: 'ChIP-atlas',
      source: 'ChIP-atlas 2024, blood',
      edgeCount: 4,
      regulatorCount: 3,
      targetCount: 4,
      createdByName: 'Editor',
    });
    const { goldStandard } = await ok(h, GET, { id: g.id, gene: 'GATA1' }, t.viewer);
    expect(goldStandard.edges).toEqual({
      total: 2,
      edges: [
        { regulator: 'GATA1', target: 'KLF1', sign: 0, score: 0.92 },
        { regulator: 'GATA1', target: 'SPI1', sign: 0, score: 0.4 },
      ],
    });
    const audit = await h.query(`select action, details from audit_events where object_id = $1`, [g.id]);
    expect(audit.rows).toEqual([{ action: 'gold_standard.import', details: expect.objectContaining({ source: 'ChIP-atlas 2024, blood', edgeCount: 4 }) }]);
  });

  it('reads a headerless list as regulator,target,score,sign and a bare two-column list', async () => {
    const unsigned = await importGold({ name: 'Scores only', text: 'TF1,G1,0.7\nTF1,G2,-0.2\n' });
    const scores = (await ok(h, GET, { id: unsigned.importGoldStandard.id }, t.viewer)).goldStandard.edges.edges;
    expect(scores.map((e: { sign: number; score: number }) => [e.sign, e.score])).toEqual([
      [0, 0.7],
      [0, -0.2],
    ]);
    const scored = await importGold({ name: 'No header', text: 'TF1,G1,0.7,-1\nTF1,G2,0.2,1\n' });
    const { goldStandard } = await ok(h, GET, { id: scored.importGoldStandard.id }, t.viewer);
    expect(goldStandard.edges.edges).toEqual([
      { regulator: 'TF1', target: 'G1', sign: -1, score: 0.7 },
      { regulator: 'TF1', target: 'G2', sign: 1, score: 0.2 },
    ]);
    const bare = await importGold({ name: 'Bare', text: 'TF1\tG1\nTF2\tG1\n' });
    expect(bare.importGoldStandard).toMatchObject({ edgeCount: 2, regulatorCount: 2, targetCount: 1 });
  });

  it('imports a signed dense matrix with a genes file (as SIM350 ships its truth)', async () => {
    const { importGoldStandard: g } = await importGold({ name: 'Truth', format: 'dense_matrix', text: '0,1,0\n0,0,-1\n0,0,0\n', genes: 'x\nA\nB\nC\n' });
    const { goldStandard } = await ok(h, GET, { id: g.id }, t.viewer);
    expect(goldStandard.edges.edges).toEqual([
      { regulator: 'A', target: 'B', sign: 1, score: null },
      { regulator: 'B', target: 'C', sign: -1, score: null },
    ]);
  });

  it('refuses malformed files at the right line and column (counting from the file, not a supplied header)', async () => {
    const headerless = await expectRefused(
      h,
      IMPORT,
      { input: { projectId: t.projectId, name: 'Bad', text: 'TF1,G1,0.7\nTF1,G2,high\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(headerless.extensions).toMatchObject({ field: 'text', line: 2, column: 3 });
    expect(headerless.message).toMatch(/line 2, column 3: 'high' is not a number/);
    const ragged = await expectRefused(
      h,
      IMPORT,
      { input: { projectId: t.projectId, name: 'Bad', text: 'regulator\ttarget\tscore\nA\tB\t1\nC\tD\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(ragged.extensions).toMatchObject({ field: 'text', line: 3 });
    const empty = await expectRefused(h, IMPORT, { input: { projectId: t.projectId, name: 'Bad', text: '  ' } }, t.editor, 'BAD_USER_INPUT');
    expect(empty.extensions.field).toBe('text');
  });

  it('lets viewers read but not write; non-members get NOT_FOUND', async () => {
    await expectRefused(h, IMPORT, { input: { projectId: t.projectId, name: 'V', text: fixture('tiny-gold.tsv') } }, t.viewer, 'FORBIDDEN');
    await expectRefused(h, DELETE, { id: goldId }, t.viewer, 'FORBIDDEN');
    await expectRefused(h, LIST, { p: t.projectId }, t.outsider, 'NOT_FOUND');
    await expectRefused(h, GET, { id: goldId }, t.outsider, 'NOT_FOUND');
    await expectRefused(h, DELETE, { id: goldId }, t.outsider, 'NOT_FOUND');
    expect((await ok(h, LIST, { p: t.projectId }, t.viewer)).goldStandards).toHaveLength(5);
  });

  it('deletes a gold standard with its edges', async () => {
    expect((await ok(h, DELETE, { id: goldId }, t.editor)).deleteGoldStandard).toBe(true);
    expect((await h.query(`select count(*)::int as n from gold_standard_edges where gold_standard_id = $1`, [goldId])).rows[0].n).toBe(0);
    await expectRefused(h, GET, { id: goldId }, t.editor, 'NOT_FOUND');
  });

  it('states its coverage of each dataset: edges with both genes in it, and edges outside', async () => {
    await ok(
      h,
      `mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }`,
      {
        input: { projectId: t.projectId, name: 'A and B', format: 'tidy_csv', data: 'gene,trajectory,time,value\nA,a,0,1\nB,a,0,1\n' },
      },
      t.editor,
    );
    const { importGoldStandard: g } = await importGold({ name: 'Coverage', text: 'regulator,target\nA,B\nA,C\nD,E\n' });
    const { goldStandard } = await ok(
      h,
      `query($id: ID!) { goldStandard(id: $id) { datasetCoverage { datasetName coveredEdges outsideEdges } } }`,
      { id: g.id },
      t.viewer,
    );
    expect(goldStandard.datasetCoverage).toEqual([{ datasetName: 'A and B', coveredEdges: 1, outsideEdges: 2 }]);
  });
});
