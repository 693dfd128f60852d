/**
 * Hostile input through the GraphQL API (issue 17): specific errors, nothing stored, nothing secret
 * or uploaded in the logs, exports that spreadsheets read as text.
 */
import { expect, it } from 'vitest';
import { expectRefused, fixture, ok, team, type Team } from './data-fixtures';
import { maxGraphQLExportEdges } from '@/server/priors/schema';
import { forEachBackend } from './harness';

const IMPORT_PRIOR = `mutation($input: ImportPriorInput!) { importPrior(input: $input) { id headVersion { id } } }`;
const IMPORT_GOLD = `mutation($input: ImportGoldStandardInput!) { importGoldStandard(input: $input) { id } }`;
const UPLOAD = `mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { id } }`;
const RUNS = `query($p: ID!, $s: ID) { runs(projectId: $p, sweepId: $s) { id } }`;
const EXPORT = `query($id: ID!, $f: PriorExportFormat!) { priorVersion(id: $id) { export(format: $f) { content } } }`;

await forEachBackend('hardening', (h) => {
  let t: Team;

  it('refuses non-finite weights, scores and values with line and column, storing nothing', async () => {
    t = await team(h);
    const prior = await expectRefused(
      h,
      IMPORT_PRIOR,
      { input: { projectId: t.projectId, name: 'P', format: 'edge_list', text: 'regulator,target,weight\nA,B,1\nB,C,1e309\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(prior.extensions).toMatchObject({ field: 'text', kind: 'not-finite', line: 3, column: 3 });
    const gold = await expectRefused(h, IMPORT_GOLD, { input: { projectId: t.projectId, name: 'G', text: 'A\tB\tInfinity\n' } }, t.editor, 'BAD_USER_INPUT');
    expect(gold.extensions).toMatchObject({ field: 'text', kind: 'not-finite', line: 1, column: 3 });
    const data = await expectRefused(
      h,
      UPLOAD,
      { input: { projectId: t.projectId, name: 'D', format: 'tidy_csv', data: 'gene,trajectory,time,value\nA,1,0,-1e400\n' } },
      t.editor,
      'BAD_USER_INPUT',
    );
    expect(data.extensions).toMatchObject({ field: 'data', kind: 'not-finite', line: 2, column: 4 });
  });

  it('refuses binary files, NUL characters and lone surrogates as user errors', async () => {
    const cases: [string, string][] = [
      ['regulator,target\nA,B\u0000\n', 'binary-content'],
      ['PK\u0003\u0004\ufffd\ufffd\n', 'binary-content'],
      ['regulator,target\nA\ud800,B\n', 'invalid-text'],
    ];
    for (const [text, kind] of cases) {
      const { extensions } = await expectRefused(
        h,
        IMPORT_PRIOR,
        { input: { projectId: t.projectId, name: 'P', format: 'edge_list', text } },
        t.editor,
        'BAD_USER_INPUT',
      );
      expect(extensions.kind).toBe(kind);
    }
  });

  it('refuses NUL characters and lone surrogates in any text input before anything runs', async () => {
    const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
    const before = await h.counts('projects', 'audit_events');
    const nul = await h.gql(CREATE, { input: { name: 'Lab\u0000' } }, t.owner);
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', kind: 'binary-content', field: 'name' });
    const surrogate = await h.gql(CREATE, { input: { name: 'Lab', description: 'x\udc00' } }, t.owner);
    expect(surrogate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', kind: 'invalid-text', field: 'description' });
    const literal = await h.gql(`mutation { createProject(input: { name: "a\\u0000b" }) { id } }`, {}, t.owner);
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', kind: 'binary-content' });
    expect(await h.counts('projects', 'audit_events')).toEqual(before);
    expect((await h.gql(CREATE, { input: { name: 'Lab 🧬' } }, t.owner)).errors).toBeUndefined();
  });

  it('answers a malformed sweep id with BAD_USER_INPUT, not an internal error', async () => {
    const result = await h.gql(RUNS, { p: t.projectId, s: 'not-a-uuid' }, t.viewer);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sweepId' });
  });

  it('keeps password hashes and uploaded content out of the logs of a failed write', async () => {
    const password = 'correct horse battery staple';
    await h.query('alter table users add constraint hardening_refuse_users check (false) not valid');
    await h.query('alter table prior_edges add constraint hardening_refuse_edges check (false) not valid');
    try {
      const signUp = await h.gql(SIGN_UP, { input: { email: 'leak@example.org', name: 'Leak', password } });
      expect(signUp.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const evidence = 'UNPUBLISHED-RESULT-7f3a';
      const upload = await h.gql(
        IMPORT_PRIOR,
        { input: { projectId: t.projectId, name: 'P', format: 'edge_list', text: `regulator,target,sign,weight,evidence\nA,B,1,1,${evidence}\n` } },
        t.editor,
      );
      expect(upload.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const logged = JSON.stringify(h.logs.filter((l) => l.level === 'error'));
      expect(logged).toContain('Failed query');
      expect(logged).toContain('params: [redacted]');
      expect(logged).not.toMatch(/scrypt\$\d+/);
      expect(logged).not.toContain(password);
      expect(logged).not.toContain(evidence);
    } finally {
      await h.query('alter table users drop constraint hardening_refuse_users');
      await h.query('alter table prior_edges drop constraint hardening_refuse_edges');
    }
  });

  it('exports names and notes that spreadsheets would run as formulas as text, keeping numbers', async () => {
    const text = ['regulator,target,sign,weight,evidence', '=HYPERLINK("http://x"),B,1,-2.5,@SUM(A1)', '+A,-B,-1,1,"-1+1"', 'C,D,-1,0.5,plain'].join('\n');
    const { importPrior } = await ok(h, IMPORT_PRIOR, { input: { projectId: t.projectId, name: 'Formulas', format: 'edge_list', text } }, t.editor);
    const csv = (await ok(h, EXPORT, { id: importPrior.headVersion.id, f: 'csv' }, t.viewer)).priorVersion.export.content as string;
    const lines = csv.trim().split('\n');
    expect(lines).toContain(`"'=HYPERLINK(""http://x"")",B,1,-2.5,'@SUM(A1)`);
    expect(lines).toContain(`'+A,'-B,-1,1,'-1+1`);
    expect(lines).toContain('C,D,-1,0.5,plain');
    const sif = (await ok(h, EXPORT, { id: importPrior.headVersion.id, f: 'sif' }, t.viewer)).priorVersion.export.content as string;
    expect(sif).toContain("'+A\tinhibits\t'-B");
  });

  it('pages every list field, refusing a limit over its maximum', async () => {
    const refusedLimit = async (query: string, variables: Record<string, unknown>) => {
      const result = await h.gql(query, variables, t.viewer);
      expect(result.errors?.[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    };
    await refusedLimit(`query { projects(limit: 1001) { id } }`, {});
    expect((await ok(h, `query { projects(limit: 1) { id } }`, {}, t.viewer)).projects).toHaveLength(1);

    const { uploadDataset: d } = await ok(
      h,
      UPLOAD.replace('{ id }', '{ id genes }'),
      { input: { projectId: t.projectId, name: 'Tiny', format: 'tidy_csv', data: fixture('tiny-tidy.csv') } },
      t.editor,
    );
    const DATASET = `query($id: ID!, $l: Int, $o: Int) { dataset(id: $id) { genes(limit: $l, offset: $o) trajectories(limit: $l, offset: $o) { index } } }`;
    const paged = (await ok(h, DATASET, { id: d.id, l: 2, o: 1 }, t.viewer)).dataset;
    expect(paged.genes).toEqual(d.genes.slice(1, 3));
    expect(paged.trajectories.map((x: { index: number }) => x.index)).toEqual([1, 2]);
    await refusedLimit(`query($id: ID!, $l: Int) { dataset(id: $id) { genes(limit: $l) } }`, { id: d.id, l: 50_001 });
    await refusedLimit(`query($id: ID!, $l: Int) { dataset(id: $id) { trajectories(limit: $l) { index } } }`, { id: d.id, l: 10_001 });

    const { importPrior: p } = await ok(
      h,
      IMPORT_PRIOR,
      { input: { projectId: t.projectId, name: 'Paged', format: 'edge_list', text: fixture('tiny-prior.csv') } },
      t.editor,
    );
    const IMPORT_VERSION = `mutation($input: ImportPriorVersionInput!) { importPriorVersion(input: $input) { id } }`;
    const { importPriorVersion: v2 } = await ok(
      h,
      IMPORT_VERSION,
      { input: { priorId: p.id, format: 'edge_list', text: `${fixture('tiny-prior.csv').trim()}\nX1,Y1,1,1,\nX2,Y2,1,1,\nX3,Y3,1,1,\n`, message: 'Second' } },
      t.editor,
    );
    const PRIOR = `query($id: ID!, $v: ID!, $l: Int) { priorNetwork(id: $id) { versions(limit: $l) { id } } priorVersion(id: $v) { genes(limit: $l) } }`;
    const prior = await ok(h, PRIOR, { id: p.id, v: v2.id, l: 1 }, t.viewer);
    expect(prior.priorNetwork.versions).toEqual([{ id: v2.id }]);
    expect(prior.priorVersion.genes).toHaveLength(1);
    await refusedLimit(`query($v: ID!, $l: Int) { priorVersion(id: $v) { genes(limit: $l) } }`, { v: v2.id, l: 50_001 });
    await refusedLimit(`query($id: ID!, $l: Int) { priorNetwork(id: $id) { versions(limit: $l) { id } } }`, { id: p.id, l: 1001 });
    const DIFF = `query($a: ID!, $b: ID!, $l: Int) { priorDiff(fromVersionId: $a, toVersionId: $b, limit: $l) { added { regulator } removed { regulator } counts { added removed } } }`;
    const full = (await ok(h, DIFF, { a: p.headVersion.id, b: v2.id }, t.viewer)).priorDiff;
    const one = (await ok(h, DIFF, { a: p.headVersion.id, b: v2.id, l: 1 }, t.viewer)).priorDiff;
    expect(full.counts).toEqual({ added: 3, removed: 0 });
    expect(full.added.map((e: { regulator: string }) => e.regulator)).toEqual(['X1', 'X2', 'X3']);
    expect(one.counts).toEqual(full.counts);
    expect(one.added).toEqual([{ regulator: 'X1' }]);
    await refusedLimit(DIFF, { a: p.headVersion.id, b: v2.id, l: 5001 });
  });

  it("pages a project's members, datasets, gold standards, priors, overlaps and the caller's tokens, refusing a limit over the maximum", async () => {
    const refusedLimit = async (query: string, variables: Record<string, unknown>) => {
      const result = await h.gql(query, variables, t.owner);
      expect(result.errors?.[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    };
    const MEMBERS = `query($p: ID!, $l: Int, $o: Int) { project(id: $p) { members(limit: $l, offset: $o) { name } } }`;
    const allMembers = (await ok(h, MEMBERS, { p: t.projectId }, t.owner)).project.members;
    expect(allMembers.length).toBeGreaterThanOrEqual(3);
    expect((await ok(h, MEMBERS, { p: t.projectId, l: 1, o: 1 }, t.owner)).project.members).toEqual(allMembers.slice(1, 2));
    await refusedLimit(MEMBERS, { p: t.projectId, l: 1001 });

    await ok(h, UPLOAD, { input: { projectId: t.projectId, name: 'Second', format: 'tidy_csv', data: fixture('tiny-tidy.csv') } }, t.editor);
    await ok(h, IMPORT_GOLD, { input: { projectId: t.projectId, name: 'First gold', text: fixture('tiny-gold.tsv') } }, t.editor);
    const { id: goldId } = (await ok(h, IMPORT_GOLD, { input: { projectId: t.projectId, name: 'Coverage', text: fixture('tiny-gold.tsv') } }, t.editor))
      .importGoldStandard;
    for (const [field, max] of [
      ['datasets', 1000],
      ['goldStandards', 1000],
      ['priorNetworks', 500],
    ] as const) {
      const LIST = `query($p: ID!, $l: Int, $o: Int) { ${field}(projectId: $p, limit: $l, offset: $o) { id } }`;
      const all = (await ok(h, LIST, { p: t.projectId }, t.viewer))[field];
      expect(all.length, field).toBeGreaterThanOrEqual(2);
      expect((await ok(h, LIST, { p: t.projectId, l: 1, o: 1 }, t.viewer))[field], field).toEqual(all.slice(1, 2));
      await refusedLimit(LIST, { p: t.projectId, l: max + 1 });
    }

    const { headVersion } = (await ok(h, `query($p: ID!) { priorNetworks(projectId: $p, limit: 1) { headVersion { id } } }`, { p: t.projectId }, t.viewer))
      .priorNetworks[0];
    const OVERLAP = `query($v: ID!, $l: Int, $o: Int) { priorVersion(id: $v) { datasetOverlap(limit: $l, offset: $o) { datasetId } } }`;
    const overlaps = (await ok(h, OVERLAP, { v: headVersion.id }, t.viewer)).priorVersion.datasetOverlap;
    expect(overlaps.length).toBeGreaterThanOrEqual(2);
    expect((await ok(h, OVERLAP, { v: headVersion.id, l: 1, o: 1 }, t.viewer)).priorVersion.datasetOverlap).toEqual(overlaps.slice(1, 2));
    await refusedLimit(OVERLAP, { v: headVersion.id, l: 1001 });
    const COVERAGE = `query($g: ID!, $l: Int, $o: Int) { goldStandard(id: $g) { datasetCoverage(limit: $l, offset: $o) { datasetId } } }`;
    const coverage = (await ok(h, COVERAGE, { g: goldId }, t.viewer)).goldStandard.datasetCoverage;
    expect((await ok(h, COVERAGE, { g: goldId, l: 1, o: 1 }, t.viewer)).goldStandard.datasetCoverage).toEqual(coverage.slice(1, 2));
    await refusedLimit(COVERAGE, { g: goldId, l: 1001 });

    const CREATE_TOKEN = `mutation($name: String!) { createApiToken(name: $name) { token { id } } }`;
    for (const name of ['one', 'two', 'three']) await ok(h, CREATE_TOKEN, { name }, t.owner);
    const TOKENS = `query($l: Int, $o: Int) { myTokens(limit: $l, offset: $o) { name } }`;
    expect((await ok(h, TOKENS, {}, t.owner)).myTokens.map((x: { name: string }) => x.name)).toEqual(['three', 'two', 'one']);
    expect((await ok(h, TOKENS, { l: 1, o: 1 }, t.owner)).myTokens).toEqual([{ name: 'two' }]);
    await refusedLimit(TOKENS, { l: 501 });
  });

  it('refuses a GraphQL export of a version over the cap, pointing to the download', async () => {
    const rows = Array.from({ length: maxGraphQLExportEdges + 1 }, (_, k) => `R${k % 500},T${Math.floor(k / 500)},1`);
    const { importPrior: p } = await ok(
      h,
      IMPORT_PRIOR,
      { input: { projectId: t.projectId, name: 'Huge', format: 'edge_list', text: `regulator,target,sign\n${rows.join('\n')}` } },
      t.editor,
    );
    const result = await h.gql(EXPORT, { id: p.headVersion.id, f: 'csv' }, t.viewer);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
    expect(result.errors?.[0].message).toContain(`/api/priors/${p.headVersion.id}/export?format=csv`);
  });
});
