/**
 * Runs end to end with the real compute engine on a tiny dataset: launch (and its input checks), a sweep,
 * training by a worker, stored results, metrics against a gold standard, the filtered network, the
 * heatmap and the comparison.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configureQueueSettings, defaultQueueSettings } from '@/server/queue';
import { configureNetworkMaxEdges } from '@/server/runs/network';
import { forEachBackend, firstError } from './harness';
import { importGoldStandard } from '@/server/gold-standards/service';
import { runsProject, testWorker, waitFor, type RunsProject, type TestWorker } from './runs-fixtures';

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id name status strategy lambda1 lambda2 config codeVersion } }`;
const SWEEP = `mutation($input: LaunchSweepInput!) { launchSweep(input: $input) { id name runs { id name strategy lambda1 lambda2 sweepId status } } }`;
const RESULT = `query($id: ID!, $gold: ID!) { run(id: $id) {
  status error epochs { epoch trainLoss valLoss valSe sparsity } progress { phase epoch totalEpochs fraction keptEpoch }
  summary { sparsity valMse epochsRun bestEpoch inferredEdges }
  metrics(goldStandardId: $gold) { balancedAccuracy precision recall auroc aupr epr tp fp tn fn referenceEdges predictedEdges
    referenceEdgesOutside unknownReferenceGenes computedAt }
} }`;
const NETWORK = `query($id: ID!, $input: RunNetworkInput) { run(id: $id) { network(input: $input) {
  totalEdges matchingEdges truncated maxEdges nodes { id isFocus inDegree outDegree }
  edges { regulator target effect sign rank priorSupported gold } goldEdges { regulator target predicted shown } } } }`;
const HEATMAP = `query($id: ID!) { run(id: $id) { heatmap(regulators: 2, targets: 3) { regulators targets values maxAbs totalRegulators totalTargets } } }`;
const COMPARE = `query($p: ID!, $r: [ID!]!, $g: ID!) { compareRuns(projectId: $p, runIds: $r, goldStandardId: $g) {
  goldStandardName rows { run { id strategy } sparsity metrics { balancedAccuracy } } } }`;

const tinyConfig = { epochs: 6, hidden: 8, validationFraction: 0.2, pruningFirstEpoch: 2, pruningEvery: 2 };

beforeAll(() => configureQueueSettings({ leaseSeconds: 30, retryDelaySeconds: 0 }));
afterAll(() => configureQueueSettings(defaultQueueSettings));

await forEachBackend('runs with the compute engine', (h) => {
  let p: RunsProject;
  let worker: TestWorker | undefined;
  const ids: Record<string, string> = {};
  afterAll(async () => worker?.close());

  const launch = (input: Record<string, unknown>, who = () => p.editor) =>
    h.gql(LAUNCH, { input: { projectId: p.projectId, datasetId: p.datasetId, ...input } }, who());

  it('refuses launches it cannot run, saying which field is wrong, and stores nothing', async () => {
    p = await runsProject(h, 6);
    const tables = ['runs', 'sweeps', 'audit_events'];
    const before = await h.counts(...tables);
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ strategy: 'dash' }, 'BAD_USER_INPUT', 'priorVersionId', /DASH needs a prior/],
      [{ strategy: 'imp', preset: 'mouse' }, 'BAD_USER_INPUT', 'preset', /no preset called “mouse”/],
      [{ strategy: 'imp', hyperparameters: { epochs: 0 } }, 'BAD_USER_INPUT', 'hyperparameters.epochs', /at least 1/],
      [{ strategy: 'dash', priorVersionId: p.priorVersionId, hyperparameters: { lambda1: 1.5 } }, 'BAD_USER_INPUT', 'hyperparameters.lambda1', /from 0 to 1/],
      [{ strategy: 'imp', datasetId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'datasetId', /Dataset was not found/],
      [{ strategy: 'dash', priorVersionId: 'not-an-id' }, 'NOT_FOUND', 'priorVersionId', /Prior network version was not found/],
    ];
    for (const [input, code, field, message] of cases) {
      const error = firstError(await launch(input));
      expect(error, JSON.stringify(input)).toMatchObject({ code, field });
      expect(error!.message).toMatch(message);
    }
    expect(firstError(await launch({ strategy: 'imp' }, () => p.viewer))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.counts(...tables)).toEqual(before);
  });

  it('launches single runs with a preset and a λ sweep with its baselines', async () => {
    const dash = await launch({ strategy: 'dash', priorVersionId: p.priorVersionId, preset: 'synthetic', seed: 3, hyperparameters: tinyConfig });
    expect(dash.errors).toBeUndefined();
    expect(dash.data!.launchRun).toMatchObject({ status: 'queued', strategy: 'dash', lambda1: 0.5, lambda2: 0.05, name: 'DASH λ (0.5, 0.05) · seed 3' });
    expect(dash.data!.launchRun.config).toMatchObject({ epochs: 6, hidden: 8, noiseStd: 0.025, seed: 3, pruning: { firstEpoch: 2, every: 2 } });
    expect(dash.data!.launchRun.config).not.toHaveProperty('backend');
    expect(dash.data!.launchRun.codeVersion).toMatch(/^([0-9a-f]{40}(\+dirty)?|grn-studio@.+)$/);
    // Two of the four trajectories validate this one, so it has a validation standard error.
    const imp = await launch({ strategy: 'imp', seed: 3, hyperparameters: { ...tinyConfig, validationFraction: 0.5 } });
    expect(imp.data!.launchRun).toMatchObject({ strategy: 'imp', lambda1: 0, lambda2: 0 });
    ids.dash = dash.data!.launchRun.id;
    ids.imp = imp.data!.launchRun.id;

    const sweep = await h.gql(
      SWEEP,
      {
        input: {
          projectId: p.projectId,
          datasetId: p.datasetId,
          priorVersionId: p.priorVersionId,
          name: 'Grid',
          strategies: ['dash', 'bioprune'],
          lambda1Values: [0.5, 0.9],
          lambda2Values: [0.05, 0.5],
          hyperparameters: { ...tinyConfig, epochs: 2 },
        },
      },
      p.editor,
    );
    expect(sweep.errors).toBeUndefined();
    const runs = sweep.data!.launchSweep.runs;
    expect(runs.map((r: { strategy: string; lambda1: number; lambda2: number }) => [r.strategy, r.lambda1, r.lambda2])).toEqual([
      ['dash', 0.5, 0.05],
      ['dash', 0.5, 0.5],
      ['dash', 0.9, 0.05],
      ['dash', 0.9, 0.5],
      ['bioprune', 1, 1],
    ]);
    expect(runs.every((r: { sweepId: string; status: string }) => r.sweepId === sweep.data!.launchSweep.id && r.status === 'queued')).toBe(true);
    const jobs = await h.query(`select count(*)::int as n from pgboss.job where name = 'train-run'`);
    expect(jobs.rows[0].n).toBe(7);
    // Only the two single runs are trained below.
    for (const r of runs) await h.gql(`mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: r.id }, p.editor);
  });

  it('trains the runs with the compute engine and stores curves, summary and ranked edges', async () => {
    worker = await testWorker(h, undefined as never, { leaseSeconds: 30 });
    for (const id of [ids.dash, ids.imp]) {
      await waitFor(
        `run ${id} to finish`,
        async () => {
          const r = await h.query(`select status from runs where id = $1`, [id]);
          return ['succeeded', 'failed'].includes(r.rows[0].status);
        },
        120_000,
      );
    }
    const { data } = await h.gql(RESULT, { id: ids.dash, gold: p.goldStandardId }, p.viewer);
    const run = data!.run;
    expect(run).toMatchObject({ status: 'succeeded', error: null, progress: { phase: 'done', epoch: 6, totalEpochs: 6, fraction: 1 } });
    expect(run.epochs.map((e: { epoch: number }) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run.epochs.every((e: { trainLoss: number; valLoss: number }) => e.trainLoss > 0 && e.valLoss > 0)).toBe(true);
    // One validation trajectory (0.2 of 4) gives no standard error; two do, for every epoch.
    expect(run.epochs.every((e: { valSe: number | null }) => e.valSe === null)).toBe(true);
    const imp = (await h.gql(RESULT, { id: ids.imp, gold: p.goldStandardId }, p.viewer)).data!.run;
    expect(imp.epochs).toHaveLength(6);
    expect(imp.epochs.every((e: { valLoss: number; valSe: number | null }) => e.valSe !== null && e.valSe > 0 && e.valSe < e.valLoss)).toBe(true);
    expect(run.summary.epochsRun).toBe(6);
    // The progress names the kept model as the summary does.
    expect(run.progress.keptEpoch).toBe(run.summary.bestEpoch);
    expect(imp.progress.keptEpoch).toBe(imp.summary.bestEpoch);
    expect(run.summary.sparsity).toBeGreaterThan(0.5); // pruned at epochs 2, 4 and 6

    const edges = await h.query(`select regulator, target, effect, rank from inferred_edges where run_id = $1 order by rank`, [ids.dash]);
    expect(edges.rows.length).toBe(run.summary.inferredEdges);
    expect(edges.rows.length).toBeGreaterThan(0);
    expect(edges.rows.every((e) => e.effect !== 0)).toBe(true);
    const magnitudes = edges.rows.map((e) => Math.abs(e.effect));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    expect(edges.rows.map((e) => e.rank)).toEqual(edges.rows.map((_, i) => i + 1));
  });

  it('scores a run against the project’s gold standards when it succeeds, counting edges outside the dataset, and keeps the scores', async () => {
    // Stored in the transaction that marked the run succeeded: before any page asked for them.
    const atEnd = await h.query(
      `select count(*)::int as n from run_metrics m join runs r on r.id = m.run_id where m.run_id = any($1::uuid[]) and m.created_at = r.finished_at`,
      [[ids.dash, ids.imp]],
    );
    expect(atEnd.rows[0].n).toBe(2);
    const { data } = await h.gql(RESULT, { id: ids.dash, gold: p.goldStandardId }, p.viewer);
    const m = data!.run.metrics;
    const predicted = data!.run.summary.inferredEdges;
    expect(m).toMatchObject({ referenceEdges: 3, referenceEdgesOutside: 1, unknownReferenceGenes: ['G9'], predictedEdges: predicted });
    expect(m.tp + m.fp).toBe(predicted);
    expect(m.tp + m.fn).toBe(3);
    expect(m.tp + m.fp + m.tn + m.fn).toBe(16);
    expect(m.precision).toBeCloseTo(m.tp / predicted, 10);
    expect(m.recall).toBeCloseTo(m.tp / 3, 10);
    expect(m.balancedAccuracy).toBeCloseTo((m.tp / 3 + m.tn / 13) / 2, 10);
    const again = await h.gql(RESULT, { id: ids.dash, gold: p.goldStandardId }, p.viewer);
    expect(again.data!.run.metrics.computedAt).toBe(m.computedAt);
    const kept = await h.query(`select count(*)::int as n from run_metrics where run_id = $1`, [ids.dash]);
    expect(kept.rows[0].n).toBe(1);

    const elsewhere = await runsProject(h, 2);
    const foreign = await h.gql(RESULT, { id: ids.dash, gold: elsewhere.goldStandardId }, p.viewer);
    expect(firstError(foreign)).toMatchObject({ code: 'NOT_FOUND', field: 'goldStandardId' });
  });

  it('serves the network filtered on the server, with prior support and true/false positives marked', async () => {
    const all = await h.query(`select regulator, target, effect, rank from inferred_edges where run_id = $1 order by rank`, [ids.dash]);
    const gold = new Set(['G1>G2', 'G2>G3', 'G3>G4']);
    const prior = new Set(['G1>G2', 'G2>G3', 'G3>G4']);

    const top = (await h.gql(NETWORK, { id: ids.dash, input: { topK: 3, goldStandardId: p.goldStandardId } }, p.viewer)).data!.run.network;
    expect(top.totalEdges).toBe(all.rows.length);
    expect(top.edges.map((e: { rank: number }) => e.rank)).toEqual(all.rows.slice(0, 3).map((e) => e.rank));
    expect(top.truncated).toBe(all.rows.length > 3);
    for (const e of top.edges) {
      expect(e.gold).toBe(gold.has(`${e.regulator}>${e.target}`) ? 'tp' : 'fp');
      expect(e.priorSupported).toBe(prior.has(`${e.regulator}>${e.target}`));
      expect(e.sign).toBe(Math.sign(e.effect));
    }
    const shownNodes = new Set(top.nodes.map((n: { id: string }) => n.id));
    for (const g of top.goldEdges) expect(shownNodes.has(g.regulator) && shownNodes.has(g.target)).toBe(true);

    const regulator = all.rows[0].regulator;
    const fromOne = (await h.gql(NETWORK, { id: ids.dash, input: { regulator } }, p.viewer)).data!.run.network;
    expect(fromOne.edges.length).toBe(all.rows.filter((e) => e.regulator === regulator).length);
    expect(fromOne.edges.every((e: { regulator: string; gold: unknown }) => e.regulator === regulator && e.gold === null)).toBe(true);

    const near = (await h.gql(NETWORK, { id: ids.dash, input: { gene: 'G2', hops: 1 } }, p.viewer)).data!.run.network;
    expect(near.matchingEdges).toBe(all.rows.filter((e) => e.regulator === 'G2' || e.target === 'G2').length);
    expect(near.edges.every((e: { regulator: string; target: string }) => e.regulator === 'G2' || e.target === 'G2')).toBe(true);
    expect(near.nodes.find((n: { id: string }) => n.id === 'G2')).toMatchObject({ isFocus: true });

    // Two hops, few edges: the strongest edges that stay connected to the gene, not strong edges elsewhere.
    const twoHops = (await h.gql(NETWORK, { id: ids.dash, input: { gene: 'G2', hops: 2, topK: 3 } }, p.viewer)).data!.run.network;
    expect(twoHops.edges.length).toBe(Math.min(3, twoHops.matchingEdges));
    const connected = new Set(['G2']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of twoHops.edges) {
        if (connected.has(e.regulator) !== connected.has(e.target)) {
          connected.add(e.regulator).add(e.target);
          grew = true;
        }
      }
    }
    expect(twoHops.edges.every((e: { regulator: string; target: string }) => connected.has(e.regulator) && connected.has(e.target))).toBe(true);

    const unknown = await h.gql(NETWORK, { id: ids.dash, input: { gene: 'BRCA1' } }, p.viewer);
    expect(firstError(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gene' });
    // The cap is the server's setting (NETWORK_MAX_EDGES, 20,000 by default), named in the answer and the refusal.
    expect(top.maxEdges).toBe(20_000);
    const tooMany = await h.gql(NETWORK, { id: ids.dash, input: { topK: 20_001 } }, p.viewer);
    expect(firstError(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topK', message: expect.stringContaining('NETWORK_MAX_EDGES') });
    const before = configureNetworkMaxEdges(2);
    try {
      expect(firstError(await h.gql(NETWORK, { id: ids.dash, input: { topK: 3 } }, p.viewer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topK' });
      expect((await h.gql(NETWORK, { id: ids.dash, input: { topK: 2 } }, p.viewer)).data!.run.network).toMatchObject({ maxEdges: 2 });
    } finally {
      configureNetworkMaxEdges(before);
    }
    const beyondAnyServer = await h.gql(NETWORK, { id: ids.dash, input: { topK: 200_001 } }, p.viewer);
    expect(firstError(beyondAnyServer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topK' });
  });

  it('gives heatmap data for the strongest regulators and their targets', async () => {
    const hm = (await h.gql(HEATMAP, { id: ids.dash }, p.viewer)).data!.run.heatmap;
    const rows = (await h.query(`select regulator, target, effect from inferred_edges where run_id = $1`, [ids.dash])).rows;
    const strength = (key: 'regulator' | 'target', gene: string, among = rows) =>
      among.filter((r) => r[key] === gene).reduce((s, r) => s + Math.abs(r.effect), 0);
    const regulators = [...new Set(rows.map((r) => r.regulator))].sort((a, b) => strength('regulator', b) - strength('regulator', a) || a.localeCompare(b));
    expect(hm.regulators).toEqual(regulators.slice(0, 2));
    expect(hm.totalRegulators).toBe(regulators.length);
    expect(hm.values).toHaveLength(hm.regulators.length * hm.targets.length);
    hm.regulators.forEach((r: string, i: number) =>
      hm.targets.forEach((t: string, j: number) => {
        const cell = rows.find((x) => x.regulator === r && x.target === t);
        expect(hm.values[i * hm.targets.length + j]).toBe(cell ? cell.effect : 0);
      }),
    );
    expect(hm.maxAbs).toBe(Math.max(...hm.values.map(Math.abs)));
  });

  it('compares runs against one gold standard', async () => {
    const { data, errors } = await h.gql(COMPARE, { p: p.projectId, r: [ids.dash, ids.imp], g: p.goldStandardId }, p.viewer);
    expect(errors).toBeUndefined();
    expect(data!.compareRuns.goldStandardName).toBe('Tiny truth');
    expect(data!.compareRuns.rows.map((r: { run: { strategy: string } }) => r.run.strategy)).toEqual(['dash', 'imp']);
    for (const row of data!.compareRuns.rows) {
      expect(row.sparsity).toBeGreaterThan(0);
      expect(row.metrics.balancedAccuracy).toBeGreaterThanOrEqual(0);
    }
    const foreign = await runsProject(h, 2);
    const mixed = await h.gql(COMPARE, { p: foreign.projectId, r: [ids.dash], g: foreign.goldStandardId }, foreign.owner);
    expect(firstError(mixed)).toMatchObject({ code: 'NOT_FOUND', field: 'runIds' });
  });

  it('scores the finished runs against a gold standard imported later (on a worker), and ranks gold standards by fit', async () => {
    const owner = h.context(p.owner);
    const active = `select count(*)::int as n from runs where project_id = $1 and status in ('queued', 'running')`;
    await waitFor('the sweep runs to finish', async () => (await h.query(active, [p.projectId])).rows[0].n === 0, 120_000);
    const runsOf = `select count(*)::int as n from runs where project_id = $1 and status = 'succeeded'`;
    const finished = (await h.query(runsOf, [p.projectId])).rows[0].n;
    // One sharing no edge with the dataset's genes, one sharing more edges than Tiny truth (5 against 3).
    const elsewhere = await importGoldStandard(owner, { projectId: p.projectId, name: 'Elsewhere', source: 'test', text: 'X1,X2\nX2,X3\nG1,X1\n' });
    const wider = await importGoldStandard(owner, { projectId: p.projectId, name: 'Wider', source: 'test', text: 'G1,G2\nG2,G3\nG3,G4\nG4,G1\nG1,G3\n' });
    const scored = (id: string) => h.query(`select count(*)::int as n from run_metrics where gold_standard_id = $1`, [id]).then((r) => r.rows[0].n as number);
    await waitFor('the worker to score the finished runs against Wider', async () => (await scored(wider.id)) === finished, 60_000);
    expect(await scored(elsewhere.id)).toBe(0);
    const FITS = `query($id: ID!) { run(id: $id) { goldStandardFits { goldStandardName sharedEdges } storedMetrics { goldStandardName referenceEdges balancedAccuracy } } }`;
    const { data } = await h.gql(FITS, { id: ids.imp }, p.viewer);
    expect(data!.run.goldStandardFits).toEqual([
      { goldStandardName: 'Wider', sharedEdges: 5 },
      { goldStandardName: 'Tiny truth', sharedEdges: 3 },
    ]);
    // The best fit first, as the runs list shows it; the one sharing no edge is never scored or offered.
    expect(data!.run.storedMetrics.map((m: { goldStandardName: string; referenceEdges: number }) => [m.goldStandardName, m.referenceEdges])).toEqual([
      ['Wider', 5],
      ['Tiny truth', 3],
    ]);
    const list = await h.gql(`query($p: ID!) { runs(projectId: $p) { id storedMetrics { goldStandardName balancedAccuracy } } }`, { p: p.projectId }, p.viewer);
    const listed = list.data!.runs.find((r: { id: string }) => r.id === ids.dash);
    expect(listed.storedMetrics[0]).toMatchObject({ goldStandardName: 'Wider', balancedAccuracy: expect.any(Number) });
  });
});
