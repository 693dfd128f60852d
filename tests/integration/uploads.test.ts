/**
 * The streamed upload route (issue 17 item 4): POST /api/uploads runs one upload mutation with its files as
 * multipart parts, under its own byte limit, refused while streaming; authorised and answered like GraphQL.
 */
import type { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '@/server/context';
import type { GraphQLContext } from '@/server/graphql/builder';
import { createApolloServer } from '@/server/graphql/server';
import { handleUpload } from '@/server/uploads/route';
import { dataTables, fixture, ok, team, type Team } from './data-fixtures';
import { forEachBackend, type Harness } from './harness';

const IMPORT_PRIOR = `mutation($input: ImportPriorInput!) { importPrior(input: $input) { name headVersion { number edgeCount genes(limit: 100) } } }`;
const IMPORT_VERSION = `mutation($input: ImportPriorVersionInput!) { importPriorVersion(input: $input) { number edgeCount } }`;
const UPLOAD_DATASET = `mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { name format geneCount trajectoryCount testTrajectoryCount } }`;
const IMPORT_GOLD = `mutation($input: ImportGoldStandardInput!) { importGoldStandard(input: $input) { name edgeCount regulatorCount } }`;
const CREATE_TOKEN = `mutation($name: String!) { createApiToken(name: $name) { secret } }`;

let server: ApolloServer<GraphQLContext>;
beforeAll(async () => {
  server = createApolloServer();
  await server.start();
});
afterAll(() => server.stop());

/** A multipart request as the app's gqlUpload sends it: files named by the map, null in the variables. */
function uploadRequest(query: string, variables: Record<string, unknown>, files: Record<string, string>, headers: Record<string, string>): Request {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  const names = Object.keys(files);
  form.append('map', JSON.stringify(Object.fromEntries(names.map((path, i) => [String(i), [path]]))));
  names.forEach((path, i) => form.append(String(i), new Blob([files[path]]), `file-${i}.csv`));
  return new Request('http://localhost/api/uploads', { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true', ...headers } });
}

await forEachBackend('streamed uploads', (h: Harness) => {
  let t: Team;
  const bearer: Partial<Record<keyof Team, Record<string, string>>> = {};
  const post = async (request: Request, maxBytes?: number) => {
    const response = await handleUpload(request, { db: h.db, server, maxBytes });
    return { status: response.status, body: await response.json() };
  };
  const tokenOf = async (viewer: Viewer) => ({
    authorization: `Bearer ${(await ok(h, CREATE_TOKEN, { name: 'uploads' }, viewer)).createApiToken.secret}`,
  });

  it('imports a prior, a version, a dataset and a gold standard with the same answer and data as GraphQL', async () => {
    t = await team(h);
    bearer.editor = await tokenOf(t.editor);
    const text = fixture('tiny-prior.csv');
    const input = { projectId: t.projectId, name: 'Prior', format: 'edge_list', text: null };
    const viaRoute = await post(uploadRequest(IMPORT_PRIOR, { input }, { 'variables.input.text': text }, bearer.editor!));
    const viaGraphQL = await ok(h, IMPORT_PRIOR, { input: { ...input, text } }, t.editor);
    expect(viaRoute.status).toBe(200);
    expect(viaRoute.body).toEqual({ data: viaGraphQL });
    const stored = await h.query(
      `select name, (select count(*)::int from prior_edges e join prior_versions v on v.id = e.version_id where v.prior_id = p.id) as edges from prior_networks p where project_id = $1 order by name`,
      [t.projectId],
    );
    expect(stored.rows).toEqual([
      { name: 'Prior', edges: viaGraphQL.importPrior.headVersion.edgeCount },
      { name: 'Prior', edges: viaGraphQL.importPrior.headVersion.edgeCount },
    ]);

    const [{ id: priorId }] = (await h.query(`select id from prior_networks where project_id = $1 limit 1`, [t.projectId])).rows;
    const version = await post(
      uploadRequest(
        IMPORT_VERSION,
        { input: { priorId, format: 'edge_list', message: 'More', text: null } },
        { 'variables.input.text': `${text.trim()}\nX1,Y1,1,1,\n` },
        bearer.editor!,
      ),
    );
    expect(version).toMatchObject({
      status: 200,
      body: { data: { importPriorVersion: { number: 2, edgeCount: viaGraphQL.importPrior.headVersion.edgeCount + 1 } } },
    });

    const datasetInput = { projectId: t.projectId, name: 'Tidy', format: 'tidy_csv', data: null, testData: null };
    const dataset = await post(
      uploadRequest(
        UPLOAD_DATASET,
        { input: datasetInput },
        { 'variables.input.data': fixture('tiny-tidy.csv'), 'variables.input.testData': fixture('tiny-tidy.csv') },
        bearer.editor!,
      ),
    );
    const datasetViaGraphQL = await ok(
      h,
      UPLOAD_DATASET,
      { input: { ...datasetInput, data: fixture('tiny-tidy.csv'), testData: fixture('tiny-tidy.csv') } },
      t.editor,
    );
    expect(dataset).toEqual({ status: 200, body: { data: datasetViaGraphQL } });
    expect(datasetViaGraphQL.uploadDataset.testTrajectoryCount).toBeGreaterThan(0);

    const goldInput = { projectId: t.projectId, name: 'Gold', text: null };
    const gold = await post(uploadRequest(IMPORT_GOLD, { input: goldInput }, { 'variables.input.text': fixture('tiny-gold.tsv') }, bearer.editor!));
    expect(gold).toEqual({ status: 200, body: { data: await ok(h, IMPORT_GOLD, { input: { ...goldInput, text: fixture('tiny-gold.tsv') } }, t.editor) } });
  });

  it('refuses a body over its limit with 413 while streaming, reading no more than the limit, storing nothing', async () => {
    const before = await h.counts(...dataTables);
    const big = 'regulator,target\n' + 'GENE_A,GENE_B\n'.repeat(2000);
    const declared = await post(
      uploadRequest(
        IMPORT_PRIOR,
        { input: { projectId: t.projectId, name: 'Big', format: 'edge_list', text: null } },
        { 'variables.input.text': big },
        bearer.editor!,
      ),
      16 * 1024,
    );
    expect(declared.status).toBe(413);
    expect(declared.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 16 * 1024 });

    // No Content-Length and a body that never ends: refused once the limit is passed, the rest never pulled.
    const chunk = new Uint8Array(64 * 1024).fill(65);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const streamed = new Request('http://localhost/api/uploads', {
      method: 'POST',
      body: endless,
      duplex: 'half',
      headers: { 'apollo-require-preflight': 'true', 'content-type': 'multipart/form-data; boundary=x', ...bearer.editor! },
    } as RequestInit);
    const refused = await post(streamed, 1024 * 1024);
    expect(refused.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1024 / 64 + 2);
    expect(await h.counts(...dataTables)).toEqual(before);
  });

  it('refuses signed-out callers (401) before reading, viewers (403), outsiders (404), storing nothing', async () => {
    const [asViewer, asOutsider] = [await tokenOf(t.viewer), await tokenOf(t.outsider)];
    const before = await h.counts(...dataTables);
    const request = (headers: Record<string, string>) =>
      uploadRequest(
        IMPORT_PRIOR,
        { input: { projectId: t.projectId, name: 'Nope', format: 'edge_list', text: null } },
        { 'variables.input.text': fixture('tiny-prior.csv') },
        headers,
      );
    expect((await post(request({}))).status).toBe(401);
    expect((await post(request({ authorization: `Bearer grn_${'A'.repeat(43)}` }))).status).toBe(401);
    const viewer = await post(request(asViewer));
    expect(viewer.status).toBe(403);
    expect(viewer.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const outsider = await post(request(asOutsider));
    expect(outsider.status).toBe(404);
    expect(await h.counts(...dataTables)).toEqual(before);
  });

  it('refuses other operations, requests without the preflight header, bad maps and bad files as GraphQL would', async () => {
    const before = await h.counts(...dataTables);
    const other = await post(
      uploadRequest(
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
        { input: { name: null } },
        { 'variables.input.name': 'X' },
        bearer.editor!,
      ),
    );
    expect(other).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
    const input = { projectId: t.projectId, name: 'P', format: 'edge_list', text: null };
    const noHeader = uploadRequest(IMPORT_PRIOR, { input }, { 'variables.input.text': 'a' }, bearer.editor!);
    noHeader.headers.delete('apollo-require-preflight');
    expect((await post(noHeader)).status).toBe(400);
    const badPath = await post(uploadRequest(IMPORT_PRIOR, { input }, { 'variables.__proto__.x': 'a' }, bearer.editor!));
    expect(badPath.status).toBe(400);
    const badFile = await post(
      uploadRequest(IMPORT_PRIOR, { input }, { 'variables.input.text': 'regulator,target,weight\nA,B,1\nB,C,1e309\n' }, bearer.editor!),
    );
    expect(badFile.status).toBe(400);
    expect(badFile.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', kind: 'not-finite', line: 3, column: 3 });
    // A fragment on Mutation cannot smuggle a second mutation in beside the upload.
    const smuggled = await post(
      uploadRequest(
        `mutation($input: ImportPriorInput!) { importPrior(input: $input) { id } ...Also } fragment Also on Mutation { createProject(input: { name: "X" }) { id } }`,
        { input },
        { 'variables.input.text': 'a' },
        bearer.editor!,
      ),
    );
    expect(smuggled).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
    expect(await h.counts(...dataTables)).toEqual(before);
  });

  it("takes the app's typed documents, which carry their fragments along", async () => {
    const input = { projectId: t.projectId, name: 'With fragment', format: 'edge_list', text: null };
    const withFragment = await post(
      uploadRequest(
        `mutation($input: ImportPriorInput!) { importPrior(input: $input) { ...Imported } } fragment Imported on PriorNetwork { name headVersion { edgeCount } }`,
        { input },
        { 'variables.input.text': fixture('tiny-prior.csv') },
        bearer.editor!,
      ),
    );
    expect(withFragment.status).toBe(200);
    expect(withFragment.body.data.importPrior.name).toBe('With fragment');
  });
});
