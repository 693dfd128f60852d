/**
 * Synthetic benchmarks (server/benchmarks) on the embedded PostgreSQL and PostgreSQL 15: the compute worker
 * simulates a queued benchmark and stores its dataset and true network (a gold standard) together; bad
 * input is refused before anything is queued; a failure while storing leaves nothing behind.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BenchmarkInputError, simulateBenchmark } from '@/compute';
import type { Simulator as Simulate } from '@/server/benchmarks/execution';
import { createSyntheticBenchmark } from '@/server/benchmarks/service';
import { startBenchmarkConsumer } from '@/server/benchmarks/worker';
import { loadDatasetExpression } from '@/server/datasets/load';
import { importPrior } from '@/server/priors/service';
import { configureQueueSettings, defaultQueueSettings, startBoss } from '@/server/queue';
import { team } from './data-fixtures';
import { firstError, forEachBackend, type Harness } from './harness';
import { quietLog, testWorker, tinyPrior, waitFor, workerConnection } from './runs-fixtures';

const CREATE = `mutation($p: ID!, $v: ID!, $name: String!, $t: Int, $times: [Float!], $noise: Float, $seed: Int) {
  createSyntheticBenchmark(projectId: $p, priorVersionId: $v, name: $name, trajectories: $t, timePoints: $times, noise: $noise, seed: $seed) {
    id status progress { phase trajectoriesDone trajectories } datasetId goldStandardId } }`;
const LIST = `query($p: ID!) { syntheticBenchmarks(projectId: $p) { id name status error progress { phase trajectoriesDone trajectories }
  datasetId datasetName goldStandardId goldStandardName geneCount edgeCount priorName priorVersionNumber timePoints noise seed } }`;
const GOLD_EDGES = `query($id: ID!) { goldStandard(id: $id) { name edgeCount edges(limit: 50) { edges { regulator target sign } } } }`;

beforeAll(() => configureQueueSettings({ leaseSeconds: 2, retryDelaySeconds: 0, retryLimit: 1 }));
afterAll(() => configureQueueSettings(defaultQueueSettings));

/** A project with the tiny prior (G1 → G2, G2 ⊣ G3, G3 → G4). */
async function benchmarkProject(h: Harness) {
  const t = await team(h, 'Benchmarks');
  const prior = await importPrior(h.context(t.owner), { projectId: t.projectId, name: 'Tiny prior', format: 'edge_list', text: tinyPrior });
  return { ...t, priorVersionId: prior.headVersionId! };
}

/** The benchmark consumer alone, on its own pool, with a stand-in simulator. */
async function benchmarkConsumer(h: Harness, simulate: Simulate) {
  const handle = workerConnection(h);
  const boss = await startBoss(handle.db, { supervise: true, maintenanceIntervalSeconds: 1 });
  const consumer = startBenchmarkConsumer({ db: handle.db, boss, log: quietLog, leaseSeconds: 2, heartbeatSeconds: 0.4, pollingIntervalMs: 100, simulate });
  let closed = false;
  const close = async (how: 'stop' | 'kill') => {
    if (closed) return;
    closed = true;
    await (how === 'stop' ? consumer.stop({ timeoutMs: 10_000 }) : consumer.kill());
    await boss.stop({ graceful: false, close: false, wait: true });
    await handle.close();
  };
  return { close: () => close('stop'), kill: () => close('kill') };
}

await forEachBackend('synthetic benchmarks', (h) => {
  const closers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c.close()));
  });
  const row = async (id: string) =>
    (await h.query(`select status, error, dataset_id, gold_standard_id, progress from synthetic_benchmarks where id = $1`, [id])).rows[0];
  const settled = (id: string) =>
    waitFor(`benchmark ${id} to finish`, async () => ((await row(id)).status !== 'queued' && (await row(id)).status !== 'running' ? row(id) : null));

  it('the compute worker simulates a queued benchmark and stores its dataset and true network, linked', async () => {
    const p = await benchmarkProject(h);
    const created = await h.gql(CREATE, { p: p.projectId, v: p.priorVersionId, name: 'Tiny SIM', t: 5, times: [0, 1, 2, 4], noise: 0.01, seed: 7 }, p.editor);
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const benchmark = created.data!.createSyntheticBenchmark;
    expect(benchmark).toMatchObject({ status: 'queued', progress: { phase: 'queued', trajectoriesDone: 0, trajectories: 5 }, datasetId: null });

    closers.push(await testWorker(h, () => Promise.reject(new Error('no training here'))));
    expect((await settled(benchmark.id)).status).toBe('succeeded');

    const { data } = await h.gql(LIST, { p: p.projectId }, p.viewer);
    const listed = data!.syntheticBenchmarks[0];
    expect(listed).toMatchObject({
      name: 'Tiny SIM',
      status: 'succeeded',
      error: null,
      progress: { phase: 'done', trajectoriesDone: 5, trajectories: 5 },
      datasetName: 'Tiny SIM',
      goldStandardName: 'Tiny SIM (true network)',
      geneCount: 4,
      edgeCount: 3,
      priorName: 'Tiny prior',
      priorVersionNumber: 1,
      timePoints: [0, 1, 2, 4],
      noise: 0.01,
      seed: 7,
    });

    // The stored data is exactly compute's for the prior's network, options and seed.
    const stored = await loadDatasetExpression(h.db, listed.datasetId);
    const expected = await simulateBenchmark({
      genes: ['G1', 'G2', 'G3', 'G4'],
      edges: [
        { regulator: 'G1', target: 'G2', sign: 1 },
        { regulator: 'G2', target: 'G3', sign: -1 },
        { regulator: 'G3', target: 'G4', sign: 1 },
      ],
      trajectories: 5,
      timePoints: [0, 1, 2, 4],
      noise: 0.01,
      seed: 7,
    });
    expect(stored.data).toEqual(expected.data);
    expect(stored.isSynthetic).toBe(false); // noisy data is not marked for noise at load

    const gold = await h.gql(GOLD_EDGES, { id: listed.goldStandardId }, p.viewer);
    expect(gold.data!.goldStandard.edges.edges).toEqual([
      { regulator: 'G1', target: 'G2', sign: 1 },
      { regulator: 'G2', target: 'G3', sign: -1 },
      { regulator: 'G3', target: 'G4', sign: 1 },
    ]);
    const audit = await h.query(`select action from audit_events where project_id = $1 and action like 'synthetic_benchmark.%' order by id`, [p.projectId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['synthetic_benchmark.create', 'synthetic_benchmark.store']);
  });

  it('refuses bad input with specific errors, storing and queueing nothing', async () => {
    const p = await benchmarkProject(h);
    const other = await benchmarkProject(h);
    const before = await h.counts('synthetic_benchmarks', 'datasets', 'gold_standards');
    const jobsBefore = (await h.query(`select count(*)::int as n from pgboss.job where name = 'synthetic-benchmark'`)).rows[0].n;
    const create = (vars: Record<string, unknown>) => h.gql(CREATE, { p: p.projectId, v: p.priorVersionId, name: 'Bad', ...vars }, p.editor);

    expect(firstError(await create({ v: other.priorVersionId }))).toMatchObject({ code: 'NOT_FOUND', field: 'priorVersionId' });
    expect(firstError(await create({ times: [0, 2, 1] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'timePoints',
      message: 'Time points must increase.',
    });
    expect(firstError(await create({ t: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'trajectories' });
    expect(firstError(await create({ noise: -1 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'noise' });
    expect(firstError(await create({ name: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    // NaN cannot travel in JSON; the service refuses it from any other caller.
    await expect(
      createSyntheticBenchmark(h.context(p.editor), { projectId: p.projectId, priorVersionId: p.priorVersionId, name: 'NaN', noise: Number.NaN }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'Noise σ must be a number.', details: { field: 'noise' } });

    // An empty network: a version without edges.
    const [{ prior_id: priorId }] = (await h.query(`select prior_id from prior_versions where id = $1`, [p.priorVersionId])).rows;
    const [{ id: emptyVersion }] = (
      await h.query(`insert into prior_versions (prior_id, number, message, kind, edge_count) values ($1, 2, 'all removed', 'edit', 0) returning id`, [priorId])
    ).rows;
    expect(firstError(await create({ v: emptyVersion }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'priorVersionId',
      message: expect.stringMatching(/no edges/),
    });

    // Too many genes: a chain over 2,001 genes.
    const chain = ['regulator,target,sign', ...Array.from({ length: 2000 }, (_, i) => `g${i},g${i + 1},1`)].join('\n');
    const big = await importPrior(h.context(p.owner), { projectId: p.projectId, name: 'Big', format: 'edge_list', text: chain });
    expect(firstError(await create({ v: big.headVersionId }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'priorVersionId',
      message: 'The network has 2,001 genes; a benchmark simulates at most 2,000.',
    });
    // Too many values: 1,000 trajectories × 100 time points × 100 genes.
    const hundred = ['regulator,target,sign', ...Array.from({ length: 99 }, (_, i) => `h${i},h${i + 1},1`)].join('\n');
    const mid = await importPrior(h.context(p.owner), { projectId: p.projectId, name: 'Mid', format: 'edge_list', text: hundred });
    const times = Array.from({ length: 100 }, (_, i) => i);
    expect(firstError(await create({ v: mid.headVersionId, t: 1000, times }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'trajectories' });

    expect(await h.counts('synthetic_benchmarks', 'datasets', 'gold_standards')).toEqual(before);
    expect((await h.query(`select count(*)::int as n from pgboss.job where name = 'synthetic-benchmark'`)).rows[0].n).toBe(jobsBefore);
  });

  it('a failure while storing leaves no dataset and no gold standard, and says why', async () => {
    const p = await benchmarkProject(h);
    const before = await h.counts('datasets', 'dataset_trajectories', 'gold_standards', 'gold_standard_edges');
    // The true network repeats an edge: the gold standard's insert fails after the dataset's, inside the one transaction.
    const duplicating: Simulate = async (input, options) => {
      const result = await simulateBenchmark(input, options);
      return { ...result, truth: [...result.truth, result.truth[0]] };
    };
    closers.push(await benchmarkConsumer(h, duplicating));
    const created = await h.gql(CREATE, { p: p.projectId, v: p.priorVersionId, name: 'Doomed', t: 3, times: [0, 1] }, p.editor);
    const failed = await settled(created.data!.createSyntheticBenchmark.id);
    expect(failed).toMatchObject({ status: 'failed', dataset_id: null, gold_standard_id: null, progress: { phase: 'failed' } });
    expect(failed.error).toMatch(/internal error \(id [0-9a-f]{8}\); nothing was stored/);
    expect(await h.counts('datasets', 'dataset_trajectories', 'gold_standards', 'gold_standard_edges')).toEqual(before);
  });

  it('a worker that dies mid-simulation leaves the benchmark to another, which stores it once', async () => {
    const p = await benchmarkProject(h);
    const before = await h.counts('datasets', 'gold_standards');
    const slow: Simulate = (input, options) =>
      simulateBenchmark(input, {
        ...options,
        onProgress: async (progress) => {
          await options?.onProgress?.(progress);
          await new Promise((r) => setTimeout(r, 300));
        },
      });
    const doomed = await benchmarkConsumer(h, slow);
    closers.push(doomed);
    const created = await h.gql(CREATE, { p: p.projectId, v: p.priorVersionId, name: 'Survivor', t: 20, times: [0, 1, 2] }, p.editor);
    const id = created.data!.createSyntheticBenchmark.id;
    await waitFor('two simulated trajectories', async () => ((await row(id)).progress?.trajectoriesDone ?? 0) >= 2);
    await doomed.kill(); // no completion, no failure: as if the process died
    expect((await row(id)).status).toBe('running');

    closers.push(await benchmarkConsumer(h, simulateBenchmark));
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'succeeded', progress: { phase: 'done', trajectoriesDone: 20 } });
    const [{ attempts }] = (await h.query(`select attempts from synthetic_benchmarks where id = $1`, [id])).rows;
    expect(attempts).toBe(2);
    const after = await h.counts('datasets', 'gold_standards');
    expect(after).toEqual({ datasets: before.datasets + 1, gold_standards: before.gold_standards + 1 });
  });

  it('input the simulator refuses marks the benchmark failed with its message', async () => {
    const p = await benchmarkProject(h);
    const refusing: Simulate = async () => {
      throw new BenchmarkInputError('The network has no edges to simulate.', 'edges');
    };
    closers.push(await benchmarkConsumer(h, refusing));
    const created = await h.gql(CREATE, { p: p.projectId, v: p.priorVersionId, name: 'Refused', t: 2, times: [0, 1] }, p.editor);
    const failed = await settled(created.data!.createSyntheticBenchmark.id);
    expect(failed).toMatchObject({ status: 'failed', error: 'The network has no edges to simulate.', dataset_id: null });
  });
});
