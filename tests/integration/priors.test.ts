import { expect, it } from 'vitest';
import { createApiToken } from '@/server/accounts/service';
import { handlePriorExport } from '@/server/priors/export-route';
import { expectRefused, fixture, ok, team, type Team } from './data-fixtures';
import { forEachBackend } from './harness';

const VERSION_FIELDS = `id number kind message parentId parentNumber authorName edgeCount isHead`;
const IMPORT = `mutation Import($input: ImportPriorInput!) {
  importPrior(input: $input) { id name createdByName headVersion { ${VERSION_FIELDS} } versions { id number } }
}`;
const IMPORT_VERSION = `mutation ImportVersion($input: ImportPriorVersionInput!) { importPriorVersion(input: $input) { ${VERSION_FIELDS} } }`;
const EDIT = `mutation Edit($input: EditPriorInput!) { editPrior(input: $input) { ${VERSION_FIELDS} } }`;
const REVERT = `mutation Revert($v: ID!, $base: ID, $m: String) { revertPrior(versionId: $v, baseVersionId: $base, message: $m) { ${VERSION_FIELDS} } }`;
const DELETE = `mutation Delete($id: ID!) { deletePrior(id: $id) }`;
const LIST = `query List($p: ID!) { priorNetworks(projectId: $p) { id name headVersion { number } } }`;
const PRIOR = `query Prior($id: ID!) { priorNetwork(id: $id) { id runCount versions { ${VERSION_FIELDS} } } }`;
const EDGES = `query Edges($id: ID!, $gene: String, $offset: Int, $limit: Int) {
  priorVersion(id: $id) { genes edges(gene: $gene, offset: $offset, limit: $limit) { total offset edges { regulator target sign weight evidence } } }
}`;
const DIFF = `query Diff($a: ID!, $b: ID!) {
  priorDiff(fromVersionId: $a, toVersionId: $b) {
    from { number } to { number }
    added { regulator target sign } removed { regulator target sign }
    signChanged { regulator target from { sign } to { sign } }
    annotationChanged { regulator target from { evidence } to { evidence } }
  }
}`;
const EXPORT = `query Export($id: ID!, $f: PriorExportFormat!) { priorVersion(id: $id) { export(format: $f) { filename contentType content } } }`;
const MISMATCH = `query Mismatch($v: ID!, $d: ID!) { geneMismatch(versionId: $v, datasetId: $d) { priorGeneCount datasetGeneCount matchedGeneCount missingGenes droppedEdgeCount keptEdgeCount } }`;

type Edge = { regulator: string; target: string; sign: number; weight?: number; evidence?: string };
const pairs = (edges: Edge[]) => edges.map((e) => `${e.regulator}>${e.target}:${e.sign}`).sort();

await forEachBackend('prior networks', (h) => {
  let t: Team;
  let priorId: string;
  let v1: string;

  const importPrior = (input: Record<string, unknown>, who = () => t.editor) =>
    ok(h, IMPORT, { input: { projectId: t.projectId, name: 'Literature', ...input } }, who());
  const edges = async (versionId: string, extra: Record<string, unknown> = {}) =>
    (await ok(h, EDGES, { id: versionId, limit: 5000, ...extra }, t.viewer)).priorVersion.edges;

  it('imports an edge list as version 1 (kind import, no parent) and audits it', async () => {
    t = await team(h);
    const { importPrior: p } = await importPrior({ format: 'edge_list', text: fixture('tiny-prior.csv'), message: 'From the review' });
    priorId = p.id;
    v1 = p.headVersion.id;
    expect(p).toMatchObject({ name: 'Literature', createdByName: 'Editor', versions: [{ id: v1, number: 1 }] });
    expect(p.headVersion).toMatchObject({
      number: 1,
      kind: 'import',
      message: 'From the review',
      parentId: null,
      authorName: 'Editor',
      edgeCount: 6,
      isHead: true,
    });
    const page = await edges(v1);
    expect(page.total).toBe(6);
    expect(page.edges[0]).toEqual({ regulator: 'CEBPA', target: 'FLI1', sign: 1, weight: 0.5, evidence: '' });
    expect(page.edges.find((e: Edge) => e.regulator === 'GATA1' && e.target === 'KLF1').evidence).toBe('ChIP-seq');
    const audit = await h.query(`select action from audit_events where object_id = $1`, [priorId]);
    expect(audit.rows).toEqual([{ action: 'prior.import' }]);
  });

  it('pages and filters edges by gene', async () => {
    const gata1 = await edges(v1, { gene: 'GATA1' });
    expect(pairs(gata1.edges)).toEqual(['GATA1>KLF1:1', 'GATA1>SPI1:-1', 'SPI1>GATA1:-1']);
    const second = await edges(v1, { offset: 2, limit: 2 });
    expect(second).toMatchObject({ total: 6, offset: 2 });
    const all = await edges(v1);
    expect(second.edges).toEqual(all.edges.slice(2, 4));
    // Deep pages start at the offset-th key (byte order: upper case before lower case, as JavaScript sorts).
    for (const offset of [1, 3, 5, 6, 7]) {
      expect((await edges(v1, { offset, limit: 2 })).edges, `offset ${offset}`).toEqual(all.edges.slice(offset, offset + 2));
    }
    const mixed = await importPrior({ name: 'Case', format: 'edge_list', text: 'regulator,target,sign\nb,a,1\nB,a,1\na,B,1\nA,b,1\n_x,Z,1\n' });
    const mixedAll = await edges(mixed.importPrior.headVersion.id);
    expect(mixedAll.edges.map((e: Edge) => e.regulator)).toEqual(['A', 'B', '_x', 'a', 'b']);
    expect((await edges(mixed.importPrior.headVersion.id, { offset: 2, limit: 2 })).edges).toEqual(mixedAll.edges.slice(2, 4));
    await expectRefused(h, EDGES, { id: v1, limit: 0 }, t.viewer, 'BAD_USER_INPUT');
  });

  it('imports SIF and dense matrix (with a genes file) priors', async () => {
    const sif = await importPrior({ name: 'SIF', format: 'sif', text: fixture('tiny-prior.sif') });
    expect(sif.importPrior.headVersion.edgeCount).toBe(4);
    const matrix = ['0,1,0', '-1,0,0', '0,0.5,0'].join('\n');
    const dense = await importPrior({ name: 'Matrix', format: 'dense_matrix', text: matrix, genes: 'x\nA\nB\nC\n' });
    const page = await edges(dense.importPrior.headVersion.id);
    expect(page.edges).toEqual([
      { regulator: 'A', target: 'B', sign: 1, weight: 1, evidence: '' },
      { regulator: 'B', target: 'A', sign: -1, weight: 1, evidence: '' },
      { regulator: 'C', target: 'B', sign: 1, weight: 0.5, evidence: '' },
    ]);
  });

  it('refuses malformed network files with line and column, storing nothing', async () => {
    const bad = await expectRefused(
      h,
      IMPORT,
      { input: { projectId: t.projectId, name: 'Bad', format: 'edge_list', text: 'regulator,target,sign\nA,B,1\nC,D,sideways\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(bad.message).toMatch(/not a sign/);
    expect(bad.extensions).toMatchObject({ field: 'text', line: 3, column: 3 });
    const ragged = await expectRefused(
      h,
      IMPORT,
      { input: { projectId: t.projectId, name: 'Bad', format: 'dense_matrix', text: '0,1\n1,0,0\n', genes: 'x\nA\nB\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(ragged.extensions).toMatchObject({ field: 'text', line: 2 });
    const conflictingSigns = await expectRefused(
      h,
      IMPORT,
      { input: { projectId: t.projectId, name: 'Bad', format: 'edge_list', text: 'A,B,1\nA,B,-1\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(conflictingSigns.extensions).toMatchObject({ line: 2 });
    const noGenes = await expectRefused(
      h,
      IMPORT,
      { input: { projectId: t.projectId, name: 'Bad', format: 'dense_matrix', text: '0,1\n1,0\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(noGenes.message).toMatch(/gene/);
  });

  let v2: string;
  it('edits a batch of edges into one new version whose parent is the base', async () => {
    const { editPrior: v } = await ok(
      h,
      EDIT,
      {
        input: {
          baseVersionId: v1,
          message: 'Curated against ChIP-atlas',
          changes: [
            { op: 'add', regulator: 'FLI1', target: 'GATA1', sign: -1, evidence: 'PMID 123' },
            { op: 'remove', regulator: 'KLF1', target: 'FLI1' },
            { op: 'flip_sign', regulator: 'SPI1', target: 'CEBPA' },
            { op: 'set_evidence', regulator: 'GATA1', target: 'SPI1', evidence: 'ChIP-seq + literature' },
          ],
        },
      },
      t.editor,
    );
    v2 = v.id;
    expect(v).toMatchObject({ number: 2, kind: 'edit', parentId: v1, parentNumber: 1, edgeCount: 6, isHead: true, message: 'Curated against ChIP-atlas' });
    // Version 1 is unchanged: versions are immutable.
    expect((await edges(v1)).edges.find((e: Edge) => e.regulator === 'SPI1' && e.target === 'CEBPA').sign).toBe(1);
    const { priorDiff } = await ok(h, DIFF, { a: v1, b: v2 }, t.viewer);
    expect(priorDiff).toEqual({
      from: { number: 1 },
      to: { number: 2 },
      added: [{ regulator: 'FLI1', target: 'GATA1', sign: -1 }],
      removed: [{ regulator: 'KLF1', target: 'FLI1', sign: -1 }],
      signChanged: [{ regulator: 'SPI1', target: 'CEBPA', from: { sign: 1 }, to: { sign: -1 } }],
      annotationChanged: [{ regulator: 'GATA1', target: 'SPI1', from: { evidence: 'literature' }, to: { evidence: 'ChIP-seq + literature' } }],
    });
    const audit = await h.query(`select details from audit_events where object_id = $1 and action = 'prior.version_create'`, [v2]);
    expect(audit.rows[0].details).toMatchObject({ kind: 'edit', number: 2, added: 1, removed: 1, signChanged: 1, annotationChanged: 1 });
  });

  it('refuses an edit made on an old version with CONFLICT naming both versions, storing nothing', async () => {
    const stale = await expectRefused(
      h,
      EDIT,
      {
        input: { baseVersionId: v1, message: 'Late', changes: [{ op: 'remove', regulator: 'GATA1', target: 'KLF1' }] },
      },
      t.owner,
      'CONFLICT',
    );
    expect(stale.message).toMatch(/Someone saved version 2 meanwhile/);
    expect(stale.extensions).toMatchObject({ baseVersionNumber: 1, headVersionNumber: 2, headVersionId: v2 });
  });

  it('of two concurrent edits on the same head, exactly one is saved and the other gets CONFLICT', async () => {
    const edit = (who: typeof t.editor, target: string) =>
      h.gql(EDIT, { input: { baseVersionId: v2, message: `by ${who.name}`, changes: [{ op: 'add', regulator: 'CEBPA', target, sign: 1 }] } }, who);
    const results = await Promise.all([edit(t.editor, 'KLF1'), edit(t.owner, 'SPI1')]);
    const saved = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors![0].extensions).toMatchObject({ code: 'CONFLICT', baseVersionNumber: 2, headVersionNumber: 3 });
    const { priorNetwork } = await ok(h, PRIOR, { id: priorId }, t.viewer);
    expect(priorNetwork.versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
  });

  it('refuses changes that do not apply, naming the change', async () => {
    const { priorNetwork } = await ok(h, PRIOR, { id: priorId }, t.viewer);
    const head = priorNetwork.versions[0].id;
    const cases: [Record<string, unknown>[], string, RegExp][] = [
      [[{ op: 'remove', regulator: 'NOPE', target: 'GATA1' }], 'changes.0', /not in the network/],
      [
        [
          { op: 'flip_sign', regulator: 'GATA1', target: 'KLF1' },
          { op: 'add', regulator: 'GATA1', target: 'KLF1', sign: 1 },
        ],
        'changes.1',
        /already in the network/,
      ],
      [[{ op: 'add', regulator: 'A', target: 'B', sign: 2 }], 'changes.0.sign', /sign/],
      [[{ op: 'add', regulator: ' ', target: 'B', sign: 1 }], 'changes.0.regulator', /empty/],
      [
        [
          { op: 'flip_sign', regulator: 'GATA1', target: 'KLF1' },
          { op: 'flip_sign', regulator: 'GATA1', target: 'KLF1' },
        ],
        'changes',
        /as it was/,
      ],
      [[], 'changes', /at least one/],
    ];
    for (const [changes, field, message] of cases) {
      const refused = await expectRefused(h, EDIT, { input: { baseVersionId: head, message: 'x', changes } }, t.editor, 'BAD_USER_INPUT');
      expect(refused.extensions.field, JSON.stringify(changes)).toBe(field);
      expect(refused.message).toMatch(message);
    }
    const noMessage = await expectRefused(
      h,
      EDIT,
      { input: { baseVersionId: head, message: ' ', changes: [{ op: 'remove', regulator: 'GATA1', target: 'KLF1' }] } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(noMessage.extensions.field).toBe('message');
  });

  it('reverts to an old version as a new head version equal to it', async () => {
    const { priorNetwork } = await ok(h, PRIOR, { id: priorId }, t.viewer);
    const head = priorNetwork.versions[0];
    const { revertPrior: v } = await ok(h, REVERT, { v: v1, base: head.id }, t.editor);
    expect(v).toMatchObject({ number: head.number + 1, kind: 'revert', parentId: head.id, message: 'Revert to version 1', edgeCount: 6, isHead: true });
    expect((await edges(v.id)).edges).toEqual((await edges(v1)).edges);
    const { priorDiff } = await ok(h, DIFF, { a: v1, b: v.id }, t.viewer);
    expect([priorDiff.added, priorDiff.removed, priorDiff.signChanged, priorDiff.annotationChanged]).toEqual([[], [], [], []]);
    const again = await expectRefused(h, REVERT, { v: v.id }, t.editor, 'BAD_USER_INPUT');
    expect(again.message).toMatch(/already the current version/);
    const stale = await expectRefused(h, REVERT, { v: v2, base: head.id }, t.editor, 'CONFLICT');
    expect(stale.extensions).toMatchObject({ baseVersionNumber: head.number, headVersionNumber: v.number });
  });

  it('imports a file as the next version of an existing prior', async () => {
    const { priorNetwork } = await ok(h, PRIOR, { id: priorId }, t.viewer);
    const head = priorNetwork.versions[0];
    const { importPriorVersion: v } = await ok(
      h,
      IMPORT_VERSION,
      { input: { priorId, baseVersionId: head.id, format: 'sif', text: fixture('tiny-prior.sif'), message: 'Re-import' } },
      t.editor,
    );
    expect(v).toMatchObject({ number: head.number + 1, kind: 'import', parentId: head.id, edgeCount: 4 });
    const stale = await expectRefused(
      h,
      IMPORT_VERSION,
      { input: { priorId, baseVersionId: head.id, format: 'sif', text: fixture('tiny-prior.sif'), message: 'Again' } },
      t.editor,
      'CONFLICT',
    );
    expect(stale.extensions).toMatchObject({ headVersionNumber: v.number });
  });

  it.each(['csv', 'sif', 'graphml', 'cytoscape_json'])('exports version 2 as %s', async (format) => {
    const { priorVersion } = await ok(h, EXPORT, { id: v2, f: format }, t.viewer);
    const file = priorVersion.export;
    expect(file.filename).toBe(`literature-v2.${{ csv: 'csv', sif: 'sif', graphml: 'graphml', cytoscape_json: 'cyjs' }[format]}`);
    if (format === 'graphml') {
      expect(file.content).toMatch(/<graphml/);
      expect(file.content.match(/<edge /g)).toHaveLength(6);
      expect(file.content).toContain('source="FLI1" target="GATA1"');
    }
    if (format === 'cytoscape_json') {
      const json = JSON.parse(file.content);
      expect(json.elements.edges).toHaveLength(6);
      expect(json.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(['CEBPA', 'FLI1', 'GATA1', 'KLF1', 'SPI1']);
    }
  });

  it('downloads an export from the route with a bearer token, refusing others', async () => {
    const { secret } = await createApiToken(h.context(t.viewer), { name: 'export script' });
    const get = (format: string, authorization?: string, id = v2) =>
      handlePriorExport(
        new Request(`http://localhost/api/priors/${id}/export?format=${format}`, { headers: authorization ? { authorization } : {} }),
        id,
        h.db,
      );
    const res = await get('sif', `Bearer ${secret}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="literature-v2.sif"');
    const text = await res.text();
    expect(text).toBe((await ok(h, EXPORT, { id: v2, f: 'sif' }, t.viewer)).priorVersion.export.content);
    expect((await get('csv')).status).toBe(401);
    expect((await get('pdf', `Bearer ${secret}`)).status).toBe(400);
    expect((await get('csv', `Bearer ${secret}`, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const outsider = await createApiToken(h.context(t.outsider), { name: 'other lab' });
    const refused = await get('csv', `Bearer ${outsider.secret}`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('round-trips: export CSV (and SIF) then import gives the same edges', async () => {
    const original = (await edges(v2)).edges;
    const csv = (await ok(h, EXPORT, { id: v2, f: 'csv' }, t.viewer)).priorVersion.export.content;
    const back = await importPrior({ name: 'Round trip', format: 'edge_list', text: csv });
    expect((await edges(back.importPrior.headVersion.id)).edges).toEqual(original);
    const sif = (await ok(h, EXPORT, { id: v2, f: 'sif' }, t.viewer)).priorVersion.export.content;
    const fromSif = await importPrior({ name: 'SIF round trip', format: 'sif', text: sif });
    expect(pairs((await edges(fromSif.importPrior.headVersion.id)).edges)).toEqual(pairs(original));
  });

  it('reports prior genes missing from a dataset and the edges they drop', async () => {
    const upload = await ok(
      h,
      `mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }`,
      {
        input: { projectId: t.projectId, name: 'Three genes', format: 'tidy_csv', data: 'gene,trajectory,time,value\nGATA1,a,0,1\nSPI1,a,0,1\nKLF1,a,0,1\n' },
      },
      t.editor,
    );
    const { geneMismatch } = await ok(h, MISMATCH, { v: v1, d: upload.uploadDataset.id }, t.viewer);
    expect(geneMismatch).toEqual({
      priorGeneCount: 5,
      datasetGeneCount: 3,
      matchedGeneCount: 3,
      missingGenes: ['CEBPA', 'FLI1'],
      droppedEdgeCount: 3,
      keptEdgeCount: 3,
    });
  });

  it('reports after an import how its genes meet each dataset of the project', async () => {
    const { importPrior: p } = await importPrior({
      name: 'Ensembl ids',
      format: 'edge_list',
      text: 'regulator,target,sign\nENSG01,ENSG02,1\nGATA1,ENSG03,-1\n',
    });
    const { priorVersion } = await ok(
      h,
      `query($id: ID!) { priorVersion(id: $id) { datasetOverlap { datasetName mismatch { priorGeneCount matchedGeneCount missingGenes keptEdgeCount droppedEdgeCount } } } }`,
      { id: p.headVersion.id },
      t.viewer,
    );
    expect(priorVersion.datasetOverlap).toEqual([
      {
        datasetName: 'Three genes',
        mismatch: { priorGeneCount: 4, matchedGeneCount: 1, missingGenes: ['ENSG01', 'ENSG02', 'ENSG03'], keptEdgeCount: 0, droppedEdgeCount: 2 },
      },
    ]);
  });

  it('names the genes of planned edges that no dataset of the project has (the editor warns with it)', async () => {
    const q = `query($id: ID!, $g: [String!]!) { priorVersion(id: $id) { genesInNoDataset(genes: $g) } }`;
    const { priorVersion } = await ok(h, q, { id: v1, g: ['GATA1', 'ENSG09', 'KLF1', 'ENSG09'] }, t.viewer);
    expect(priorVersion.genesInNoDataset).toEqual(['ENSG09']);
    const e = await expectRefused(h, q, { id: v1, g: Array.from({ length: 201 }, (_, i) => `G${i}`) }, t.viewer, 'BAD_USER_INPUT');
    expect(e.message).toContain('at most 200 genes');
  });

  it('refuses prose imported as SIF, naming the first bad line, and stores nothing', async () => {
    const e = await expectRefused(
      h,
      IMPORT,
      { input: { projectId: t.projectId, name: 'Prose', format: 'sif', text: 'Notes\nWe think GATA1 activates KLF1.\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(e.message).toContain("line 2, column 2: 'think' is not an interaction type");
  });

  it('lets viewers read but not write; non-members get NOT_FOUND', async () => {
    const edit = { input: { baseVersionId: v2, message: 'x', changes: [{ op: 'remove', regulator: 'GATA1', target: 'KLF1' }] } };
    await expectRefused(h, EDIT, edit, t.viewer, 'FORBIDDEN');
    await expectRefused(h, REVERT, { v: v1 }, t.viewer, 'FORBIDDEN');
    await expectRefused(h, DELETE, { id: priorId }, t.viewer, 'FORBIDDEN');
    await expectRefused(h, IMPORT, { input: { projectId: t.projectId, name: 'V', format: 'sif', text: fixture('tiny-prior.sif') } }, t.viewer, 'FORBIDDEN');
    await expectRefused(h, IMPORT_VERSION, { input: { priorId, format: 'sif', text: fixture('tiny-prior.sif'), message: 'V' } }, t.viewer, 'FORBIDDEN');
    for (const [query, variables] of [
      [EDIT, edit],
      [LIST, { p: t.projectId }],
      [PRIOR, { id: priorId }],
      [EDGES, { id: v1 }],
      [DIFF, { a: v1, b: v2 }],
      [EXPORT, { id: v1, f: 'csv' }],
      [REVERT, { v: v1 }],
      [DELETE, { id: priorId }],
    ] as const) {
      await expectRefused(h, query, variables, t.outsider, 'NOT_FOUND');
    }
  });

  it('deletes a prior with its versions, but not while a run uses one of them', async () => {
    const { importPrior: p } = await importPrior({ name: 'Disposable', format: 'sif', text: fixture('tiny-prior.sif') });
    const dataset = await h.query(`select id from datasets where project_id = $1 limit 1`, [t.projectId]);
    await h.query(
      `insert into runs (project_id, name, dataset_id, prior_version_id, strategy, config, seed, code_version) values ($1, 'r', $2, $3, 'dash', '{}', 0, 'test')`,
      [t.projectId, dataset.rows[0].id, p.headVersion.id],
    );
    expect((await ok(h, PRIOR, { id: p.id }, t.viewer)).priorNetwork.runCount).toBe(1);
    await expectRefused(h, DELETE, { id: p.id }, t.editor, 'CONFLICT');
    await h.query(`delete from runs where prior_version_id = $1`, [p.headVersion.id]);
    expect((await ok(h, DELETE, { id: p.id }, t.editor)).deletePrior).toBe(true);
    expect((await h.query(`select count(*)::int as n from prior_versions where prior_id = $1`, [p.id])).rows[0].n).toBe(0);
    await expectRefused(h, PRIOR, { id: p.id }, t.editor, 'NOT_FOUND');
    const names = (await ok(h, LIST, { p: t.projectId }, t.viewer)).priorNetworks.map((x: { name: string }) => x.name);
    expect(names).not.toContain('Disposable');
  });
});
