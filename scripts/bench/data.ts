/**
 * `npm run bench:data [-- --database embedded|postgres] [--via upload|graphql]`: big imports through the production
 * server (files by the streamed upload route, as the app sends them, or as GraphQL string variables), and
 * whether one user's import stalls another user (issue 14, items 2 and 4). Prints each figure beside its
 * goal. A benchmark, not a test: it fails nothing.
 */
import { parseArgs } from 'node:util';
import { env } from '@/server/env';
import { freshDatabase, graphql, percentile, row, signedInUser, startBenchApp, upload, type BenchUser } from './app';

const { values: flags } = parseArgs({
  options: { database: { type: 'string', default: 'embedded' }, edges: { type: 'string', default: '500000' }, via: { type: 'string', default: 'upload' } },
  strict: true,
});
if (flags.database !== 'embedded' && flags.database !== 'postgres') throw new Error('--database is embedded or postgres');
if (flags.via !== 'upload' && flags.via !== 'graphql') throw new Error('--via is upload or graphql');
const edgeCount = Number(flags.edges);

/** DoRothEA-sized: ~1,500 regulators over ~20,000 targets, with evidence text, ~100 bytes per edge. */
function priorFile(edges: number, variant = 0): string {
  const lines = ['regulator,target,sign,weight,evidence'];
  const regulators = 1500;
  for (let i = 0; i < edges; i++) {
    const r = i % regulators;
    const t = Math.floor(i / regulators);
    const flipped = variant > 0 && i % 100 === 7; // version 2 flips 1% of the signs
    const sign = ((r + t) % 3 === 0) !== flipped ? -1 : 1;
    lines.push(`TF${r},G${t},${sign},${(((r * 7919 + t) % 1000) / 1000).toFixed(3)},ChIP-seq peak in promoter; curated from literature review ${r % 97}`);
  }
  return lines.join('\n') + '\n';
}

function goldFile(rows: number): string {
  const lines = ['regulator\ttarget\tscore'];
  for (let i = 0; i < rows; i++) lines.push(`TF${i % 1200}\tG${Math.floor(i / 1200)}\t${((i % 997) / 997).toFixed(4)}`);
  return lines.join('\n') + '\n';
}

/** The authors' trajectory CSV: a row `genes,trajectories`, then per trajectory a row per gene and a time row. */
function trajectoryFile(genes: number, trajectories: number, points: number): string {
  const lines = [`${genes},${trajectories}`];
  for (let k = 0; k < trajectories; k++) {
    for (let g = 0; g < genes; g++) {
      const cells: string[] = [];
      for (let t = 0; t < points; t++) cells.push((0.5 + 0.4 * Math.sin(g * 0.37 + k * 0.11 + t * 0.5)).toFixed(4));
      lines.push(cells.join(','));
    }
    lines.push(Array.from({ length: points }, (_, t) => String(t)).join(','));
  }
  return lines.join('\n') + '\n';
}

/** An upload mutation whose `fileFields` (of `variables.i`) are files: sent the way --via says. */
function send(url: string, user: BenchUser, query: string, input: Record<string, unknown>, fileFields: string[]): Promise<any> {
  if (flags.via === 'graphql') return graphql(url, user, query, { i: input });
  const files = Object.fromEntries(fileFields.map((f) => [`variables.i.${f}`, String(input[f])]));
  return upload(url, user, query, { i: { ...input, ...Object.fromEntries(fileFields.map((f) => [f, null])) } }, files);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, (performance.now() - t0) / 1000];
}

/** One user listing their projects over and over while `busy` runs; latencies in ms. */
async function readWhile(url: string, user: BenchUser, busy: Promise<unknown>): Promise<number[]> {
  let done = false;
  // Its failure is reported by whoever awaits it; here it only ends the loop.
  busy.then(
    () => (done = true),
    () => (done = true),
  );
  const latencies: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await graphql(url, user, `{ projects { id name myRole } }`);
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return latencies.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const external = flags.database === 'postgres' ? await freshDatabase(env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : null;
  const app = await startBenchApp(external?.url);
  const results: (string | number)[][] = [];
  try {
    const importer = await signedInUser(app.url, 'importer');
    const reader = await signedInUser(app.url, 'reader');
    const { createProject: project } = await graphql(app.url, importer, `mutation { createProject(input: { name: "Big data" }) { id } }`);
    for (let i = 0; i < 5; i++)
      await graphql(app.url, reader, `mutation($n: String!) { createProject(input: { name: $n }) { id } }`, { n: `Reader project ${i}` });

    const text = priorFile(edgeCount);
    const mb = Buffer.byteLength(text) / 1e6;
    const importing = timed(() =>
      send(
        app.url,
        importer,
        `mutation($i: ImportPriorInput!) { importPrior(input: $i) { id headVersion { id edgeCount } } }`,
        { projectId: project.id, name: 'DoRothEA-sized', format: 'edge_list', text },
        ['text'],
      ),
    );
    const latencies = await readWhile(app.url, reader, importing);
    const [{ importPrior: prior }, importSeconds] = await importing;
    results.push(['prior import', `${edgeCount.toLocaleString('en')} edges, ${mb.toFixed(1)} MB`, `${importSeconds.toFixed(1)} s`, '< 30 s']);
    results.push([
      "another user's project list during that import",
      `${latencies.length} requests`,
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`,
      'p95 < 200 ms',
    ]);

    const [{ importPriorVersion: v2 }, v2Seconds] = await timed(() =>
      send(
        app.url,
        importer,
        `mutation($i: ImportPriorVersionInput!) { importPriorVersion(input: $i) { id edgeCount } }`,
        { priorId: prior.id, format: 'edge_list', text: priorFile(edgeCount, 1), message: '1% of signs flipped' },
        ['text'],
      ),
    );
    results.push(['prior version 2 import', `${v2.edgeCount.toLocaleString('en')} edges`, `${v2Seconds.toFixed(1)} s`, '< 30 s']);
    for (const offset of [0, Math.floor(edgeCount / 2), edgeCount - 100]) {
      const [, s] = await timed(() =>
        graphql(
          app.url,
          importer,
          `query($id: ID!, $o: Int!) { priorVersion(id: $id) { edges(limit: 100, offset: $o) { total edges { regulator target sign } } } }`,
          { id: v2.id, o: offset },
        ),
      );
      results.push(['edge page (100)', `offset ${offset.toLocaleString('en')}`, `${(s * 1000).toFixed(0)} ms`, '< 1 s']);
    }
    const [, geneSeconds] = await timed(() =>
      graphql(app.url, importer, `query($id: ID!) { priorVersion(id: $id) { edges(gene: "TF42", limit: 100) { total } } }`, { id: v2.id }),
    );
    results.push(['edge page filtered by gene', 'TF42', `${(geneSeconds * 1000).toFixed(0)} ms`, '< 1 s']);
    const [{ priorDiff: diff }, diffSeconds] = await timed(() =>
      graphql(
        app.url,
        importer,
        `query($a: ID!, $b: ID!) { priorDiff(fromVersionId: $a, toVersionId: $b) { added { regulator } removed { regulator } signChanged { regulator to { sign } } } }`,
        { a: prior.headVersion.id, b: v2.id },
      ),
    );
    results.push([
      'diff of the two versions',
      `${diff.signChanged.length.toLocaleString('en')} sign changes`,
      `${(diffSeconds * 1000).toFixed(0)} ms`,
      '< 1 s',
    ]);

    const goldRows = 226_000;
    const [, goldSeconds] = await timed(() =>
      send(
        app.url,
        importer,
        `mutation($i: ImportGoldStandardInput!) { importGoldStandard(input: $i) { id edgeCount } }`,
        { projectId: project.id, name: 'ChIP-atlas-sized', format: 'edge_list', text: goldFile(goldRows) },
        ['text'],
      ),
    );
    results.push(['gold standard import', `${goldRows.toLocaleString('en')} rows`, `${goldSeconds.toFixed(1)} s`, '< 30 s']);

    const data = trajectoryFile(2000, 150, 10);
    const [, datasetSeconds] = await timed(() =>
      send(
        app.url,
        importer,
        `mutation($i: UploadDatasetInput!) { uploadDataset(input: $i) { id } }`,
        {
          projectId: project.id,
          name: '2,000 genes × 150 trajectories',
          format: 'trajectory_csv',
          data,
          genes: ['x', ...Array.from({ length: 2000 }, (_, g) => `G${g}`)].join('\n'),
        },
        ['data', 'genes'],
      ),
    );
    results.push([
      'dataset upload',
      `2,000 genes × 150 trajectories × 10 points, ${(Buffer.byteLength(data) / 1e6).toFixed(1)} MB`,
      `${datasetSeconds.toFixed(1)} s`,
      '< 30 s',
    ]);
  } catch (e) {
    console.error(`the app's output:\n${app.output().slice(-3000)}`);
    throw e;
  } finally {
    await app.stop();
    await external?.drop();
  }
  console.log(
    `\nbench:data on ${flags.database === 'embedded' ? 'the embedded PostgreSQL 18' : 'PostgreSQL 15 (TEST_DATABASE_URL)'}, production build, files via ${flags.via === 'upload' ? 'POST /api/uploads' : 'GraphQL string variables'}\n`,
  );
  console.log(row(['what', 'size', 'measured', 'goal']));
  console.log(row(['---', '---', '---', '---']));
  for (const r of results) console.log(row(r));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
