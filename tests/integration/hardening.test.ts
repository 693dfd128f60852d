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
    const prior = await expectRefused(h, IMPORT_PRIOR, { input: { projectId: t.projectId, name: 'P', format: 'edge_list', text: 'regulator,target,weight\nA,B,1\nB,C,1e309\n' } }, t.editor, 'BAD_USER_INPUT');
    expect(prior.extensions).toMatchObject({ field: 'text', kind: 'not-finite', line: 3, column: 3 });
    const gold = await expectRefused(h, IMPORT_GOLD, { input: { projectId: t.projectId, name: 'G', text: 'A\tB\tInfinity\n' } }, t.editor, 'BAD_USER_INPUT');
    expect(gold.extensions).toMatchObject({ field: 'text', kind: 'not-finite', line: 1, column: 3 });
    const data = await expectRefused(h, UPLOAD, { input: { projectId: t.projectId, name: 'D', format: 'tidy_csv', data: 'gene,trajectory,time,value\nA,1,0,-1e400\n' } }, t.editor, 'BAD_USER_INPUT');
    expect(data.extensions).toMatchObject({ field: 'data', kind: 'not-finite', line: 2, column: 4 });
  });

  it('refuses binary files, NUL characters and lone surrogates as user errors', async () => {
    const cases: [string, string][] = [
      ['regulator,target\nA,B\u0000\n', 'binary-content'],
      ['PK\u0003\u0004\ufffd\ufffd\n', 'binary-content'],
      ['regulator,target\nA\ud800,B\n', 'invalid-text'],
    ];
    for (const [text, kind] of cases) {
      const { extensions } = await expectRefused(h, IMPORT_PRIOR, { input: { projectId: t.projectId, name: 'P', format: 'edge_list', text } }, t.editor, 'BAD_USER_INPUT');
      expect(extensions.kind).toBe(kind);
    }
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
      const upload = await h.gql(IMPORT_PRIOR, { input: { projectId: t.projectId, name: 'P', format: 'edge_list', text: `regulator,target,sign,weight,evidence\nA,B,1,1,${evidence}\n` } }, t.editor);
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

    const { uploadDataset: d } = await ok(h, UPLOAD.replace('{ id }', '{ id genes }'), { input: { projectId: t.projectId, name: 'Tiny', format: 'tidy_csv', data: fixture('tiny-tidy.csv') } }, t.editor);
    const DATASET = `query($id: ID!, $l: Int, $o: Int) { dataset(id: $id) { genes(limit: $l, offset: $o) trajectories(limit: $l, offset: $o) { index } } }`;
    const paged = (await ok(h, DATASET, { id: d.id, l: 2, o: 1 }, t.viewer)).dataset;
    expect(paged.genes).toEqual(d.genes.slice(1, 3));
    expect(paged.trajectories.map((x: { index: number }) => x.index)).toEqual([1, 2]);
    await refusedLimit(`query($id: ID!, $l: Int) { dataset(id: $id) { genes(limit: $l) } }`, { id: d.id, l: 50_001 });
    await refusedLimit(`query($id: ID!, $l: Int) { dataset(id: $id) { trajectories(limit: $l) { index } } }`, { id: d.id, l: 10_001 });

    const { importPrior: p } = await ok(h, IMPORT_PRIOR, { input: { projectId: t.projectId, name: 'Paged', format: 'edge_list', text: fixture('tiny-prior.csv') } }, t.editor);
    const IMPORT_VERSION = `mutation($input: ImportPriorVersionInput!) { importPriorVersion(input: $input) { id } }`;
    const { importPriorVersion: v2 } = await ok(h, IMPORT_VERSION, { input: { priorId: p.id, format: 'edge_list', text: `${fixture('tiny-prior.csv').trim()}\nX1,Y1,1,1,\nX2,Y2,1,1,\nX3,Y3,1,1,\n`, message: 'Second' } }, t.editor);
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

  it('refuses a GraphQL export of a version over the cap, pointing to the download', async () => {
    const rows = Array.from({ length: maxGraphQLExportEdges + 1 }, (_, k) => `R${k % 500},T${Math.floor(k / 500)},1`);
    const { importPrior: p } = await ok(h, IMPORT_PRIOR, { input: { projectId: t.projectId, name: 'Huge', format: 'edge_list', text: `regulator,target,sign\n${rows.join('\n')}` } }, t.editor);
    const result = await h.gql(EXPORT, { id: p.headVersion.id, f: 'csv' }, t.viewer);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
    expect(result.errors?.[0].message).toContain(`/api/priors/${p.headVersion.id}/export?format=csv`);
  });
});
