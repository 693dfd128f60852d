/**
 * Issue 16 items 3 and 4 end to end on the tiny dataset with the real compute engine: a replicate group
 * trained by a worker, the network of every pruning level stored and served, the replicate analysis
 * (two review lists, consensus, scores against the gold standard beside the prior alone), more seeds
 * for a run, and the typed errors.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configureQueueSettings, defaultQueueSettings } from '@/server/queue';
import { firstError, forEachBackend } from './harness';
import { runsProject, testWorker, waitFor, type RunsProject, type TestWorker } from './runs-fixtures';

const LAUNCH = `mutation($input: LaunchReplicatesInput!) { launchReplicates(input: $input) { id name runs { id seed sweepId } } }`;
const LEVELS = `query($id: ID!) { run(id: $id) { epochs { epoch pruned } summary { bestEpoch inferredEdges sparsity } levels { level firstEpoch lastEpoch bestEpoch sparsity valMse edgeCount kept } } }`;
const LEVEL = `query($id: ID!, $level: Int!, $gold: ID, $offset: Int, $limit: Int) { runLevelNetwork(runId: $id, level: $level, goldStandardId: $gold, offset: $offset, limit: $limit) {
  total offset limit level { level kept } edges { regulator target effect rank } scores { precision recall f1 balancedAccuracy referenceEdges } } }`;
const ANALYSIS = `query($p: ID!, $r: ID!, $g: ID, $flagAt: Float) { replicateAnalysis(projectId: $p, runId: $r, goldStandardId: $g, flagAt: $flagAt) {
  replicates { id seed } priorEdgeCount flaggedCount acceptedCount flagAt
  unsupported(limit: 50) { total items { regulator target confidence survival flagged priorSign reviewStatus } }
  candidates(limit: 50) { total items { regulator target confidence sign accepted } }
  consensus(limit: 50) { total items { regulator target sign fromPrior } }
  scores { priorEdges wrongPriorEdges prior { precision recall f1 } consensus { edges precision recall f1 } flagged { count precision recall } candidates { k topPrecision } } } }`;
const MORE = `mutation($r: ID!, $seeds: Int) { replicateRun(runId: $r, seeds: $seeds) { id runs { id seed } } }`;

const tinyConfig = { epochs: 6, hidden: 8, validationFraction: 0.2, pruningFirstEpoch: 2, pruningEvery: 2 };

beforeAll(() => configureQueueSettings({ leaseSeconds: 30, retryDelaySeconds: 0 }));
afterAll(() => configureQueueSettings(defaultQueueSettings));

await forEachBackend('replicate groups and level networks', (h) => {
  let p: RunsProject;
  let worker: TestWorker | undefined;
  let runIds: string[] = [];
  afterAll(async () => worker?.close());

  it('refuses an analysis before any replicate has finished, and a group of one seed', async () => {
    p = await runsProject(h, 6);
    const one = await h.gql(
      LAUNCH,
      { input: { projectId: p.projectId, datasetId: p.datasetId, priorVersionId: p.priorVersionId, strategy: 'dash', replicates: 1 } },
      p.editor,
    );
    expect(firstError(one)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'replicates', message: expect.stringMatching(/at least 2 seeds/) });
    const { data } = await h.gql(
      LAUNCH,
      {
        input: {
          projectId: p.projectId,
          datasetId: p.datasetId,
          priorVersionId: p.priorVersionId,
          strategy: 'dash',
          seed: 3,
          replicates: 2,
          hyperparameters: tinyConfig,
        },
      },
      p.editor,
    );
    const group = data!.launchReplicates;
    expect(group.runs.map((r: { seed: number }) => r.seed)).toEqual([3, 4]);
    expect(new Set(group.runs.map((r: { sweepId: string }) => r.sweepId))).toEqual(new Set([group.id]));
    runIds = group.runs.map((r: { id: string }) => r.id);
    const early = await h.gql(ANALYSIS, { p: p.projectId, r: runIds[0] }, p.viewer);
    expect(firstError(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'runId', message: expect.stringMatching(/not finished/) });
  });

  it('stores the network of every pruning level; the kept level matches the run’s network', async () => {
    worker = await testWorker(h, undefined as never, { leaseSeconds: 30 });
    for (const id of runIds) {
      await waitFor(
        `run ${id}`,
        async () => ['succeeded', 'failed'].includes((await h.query(`select status from runs where id = $1`, [id])).rows[0].status),
        120_000,
      );
    }
    const run = (await h.gql(LEVELS, { id: runIds[0] }, p.viewer)).data!.run;
    // A level starts at the first epoch and at every epoch that pruned (as metrics/pruningPath splits the path).
    const starts = [1, ...run.epochs.filter((e: { epoch: number; pruned: boolean }) => e.pruned && e.epoch > 1).map((e: { epoch: number }) => e.epoch)];
    expect(starts.length).toBeGreaterThan(1);
    expect(run.levels.map((l: { firstEpoch: number }) => l.firstEpoch)).toEqual(starts);
    expect(run.levels.filter((l: { kept: boolean }) => l.kept)).toHaveLength(1);
    const kept = run.levels.find((l: { kept: boolean }) => l.kept);
    expect(kept.firstEpoch <= run.summary.bestEpoch && run.summary.bestEpoch <= kept.lastEpoch).toBe(true);
    expect(run.levels[0].sparsity).toBeLessThan(run.levels.at(-1).sparsity);

    const view = (await h.gql(LEVEL, { id: runIds[0], level: kept.level, gold: p.goldStandardId, limit: 3 }, p.viewer)).data!.runLevelNetwork;
    expect(view.total).toBe(kept.edgeCount);
    if (kept.bestEpoch === run.summary.bestEpoch) expect(view.total).toBe(run.summary.inferredEdges);
    expect(view.edges.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3].slice(0, Math.min(3, view.total)));
    const magnitudes = view.edges.map((e: { effect: number }) => Math.abs(e.effect));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    expect(view.scores.referenceEdges).toBe(3);
    expect(view.scores.precision).toBeGreaterThanOrEqual(0);
    const next = (await h.gql(LEVEL, { id: runIds[0], level: kept.level, offset: 1, limit: 1 }, p.viewer)).data!.runLevelNetwork;
    expect(next.edges[0]).toEqual(view.edges[1]);
    const missing = await h.gql(LEVEL, { id: runIds[0], level: 99 }, p.viewer);
    expect(firstError(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'level' });
  });

  it('compares the replicates with the prior: lists, consensus, and the prior alone against the gold standard', async () => {
    const { data, errors } = await h.gql(ANALYSIS, { p: p.projectId, r: runIds[0], g: p.goldStandardId, flagAt: 0.5 }, p.viewer);
    expect(errors).toBeUndefined();
    const a = data!.replicateAnalysis;
    expect(a.replicates.map((r: { seed: number }) => r.seed)).toEqual([3, 4]);
    expect(a.priorEdgeCount).toBe(3);
    expect(a.unsupported.total).toBe(3);
    // Every prior edge is listed once, least supported first, with a confidence that is the share pruned.
    const conf = a.unsupported.items.map((e: { confidence: number }) => e.confidence);
    expect(conf).toEqual([...conf].sort((x, y) => y - x));
    for (const e of a.unsupported.items) {
      expect(e.confidence).toBeCloseTo(1 - e.survival);
      expect(e.flagged).toBe(e.confidence >= 0.5);
      expect(e.reviewStatus).toBe('UNREVIEWED');
    }
    expect(a.flaggedCount).toBe(a.unsupported.items.filter((e: { flagged: boolean }) => e.flagged).length);
    // Candidates come from the data's residual screen: known regulators, outside the prior, most explained first.
    const priorPairs = new Set(a.unsupported.items.map((e: { regulator: string; target: string }) => `${e.regulator}>${e.target}`));
    const regulators = new Set(a.unsupported.items.map((e: { regulator: string }) => e.regulator));
    const explained = a.candidates.items.map((e: { confidence: number }) => e.confidence);
    expect(explained).toEqual([...explained].sort((x, y) => y - x));
    expect(a.candidates.total).toBeGreaterThan(0);
    for (const e of a.candidates.items) {
      expect(priorPairs.has(`${e.regulator}>${e.target}`)).toBe(false);
      expect(regulators.has(e.regulator)).toBe(true);
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(Math.abs(e.sign)).toBe(1);
      expect(e.accepted).toBe(e.confidence >= 0.5);
    }
    // The consensus is the prior minus the flagged edges plus the accepted candidates.
    expect(a.consensus.total).toBe(3 - a.flaggedCount + a.acceptedCount);
    expect(a.consensus.items.filter((e: { fromPrior: boolean }) => !e.fromPrior)).toHaveLength(a.acceptedCount);
    // Tiny truth: the prior's three edges are all true (G9 → G1 names a gene outside the data).
    expect(a.scores).toMatchObject({ priorEdges: 3, wrongPriorEdges: 0, prior: { precision: 1, recall: 1, f1: 1 } });
    expect(a.scores.flagged.count).toBe(a.flaggedCount);
    expect(a.scores.consensus.edges).toBe(a.consensus.total);
  });

  it('trains more seeds of a run above the seeds its replicates use, and refuses a viewer', async () => {
    const denied = await h.gql(MORE, { r: runIds[0], seeds: 2 }, p.viewer);
    expect(firstError(denied)?.code).toBe('FORBIDDEN');
    const { data } = await h.gql(MORE, { r: runIds[0], seeds: 2 }, p.editor);
    expect(data!.replicateRun.runs.map((r: { seed: number }) => r.seed)).toEqual([5, 6]);
    const configs = await h.query(`select config - 'seed' as c from runs where id = any($1::uuid[])`, [
      [runIds[0], ...data!.replicateRun.runs.map((r: { id: string }) => r.id)],
    ]);
    expect(new Set(configs.rows.map((r) => JSON.stringify(r.c))).size).toBe(1);
    const tooMany = await h.gql(MORE, { r: runIds[0], seeds: 50 }, p.editor);
    expect(firstError(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
