/**
 * Hostile input through the GraphQL API (issue 17): specific errors, nothing stored, nothing secret
 * or uploaded in the logs, exports that spreadsheets read as text.
 */
import { expect, it } from 'vitest';
import { expectRefused, ok, team, type Team } from './data-fixtures';
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
});
