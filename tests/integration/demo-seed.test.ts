/**
 * The demo project: each account's own copy of SIM350 with its prior, gold standard and the precomputed DASH
 * and IMP runs, seeded on request and visible through the API exactly like trained runs. No shared login.
 */
import { expect, it } from 'vitest';
import { DEMO_REPLICATE_GROUP, readDemoRunFiles } from '@/server/demo/demo-runs';
import { seedDemo } from '@/server/demo/seed';
import { demoProjectOffered, openDemoProject } from '@/server/demo/service';
import { forEachBackend } from './harness';
import { quietLog } from './runs-fixtures';

const PROJECT = `query($id: ID!) {
  project(id: $id) { name myRole }
  datasets(projectId: $id, limit: 10) { name geneCount trainTrajectoryCount testTrajectoryCount isSynthetic }
  priorNetworks(projectId: $id, limit: 10) { name versions { id number edgeCount kind message } }
  goldStandards(projectId: $id, limit: 10) { id name edgeCount }
  runs(projectId: $id, limit: 10) { id name strategy status seed config codeVersion
    summary { sparsity epochsRun inferredEdges provenance } epochs(limit: 500) { epoch pruned }
    storedMetrics { goldStandardName balancedAccuracy predictedEdges referenceEdges } }
}`;

const OFFERED = `query { demoProjectOffered }`;
const OPEN = `mutation { openDemoProject { id name myRole } }`;

await forEachBackend('demo project', (h) => {
  it('has no shared demo account: each account opens its own copy, seeded on request, once', async () => {
    const ada = await h.user('Ada');
    const bob = await h.user('Bob');
    expect((await h.gql(OFFERED, {}, ada)).data?.demoProjectOffered).toBe(true);
    const started = Date.now();
    const opened = await h.gql(OPEN, {}, ada);
    const seconds = (Date.now() - started) / 1000;
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openDemoProject).toMatchObject({ name: 'SIM350 demo', myRole: 'owner' });
    // Nothing is trained: the precomputed runs are inserted, so this takes seconds (a loaded 2-core CI machine included).
    expect(seconds).toBeLessThan(60);
    expect((await h.gql(OFFERED, {}, ada)).data?.demoProjectOffered).toBe(false);

    const tables = [
      'users',
      'projects',
      'datasets',
      'dataset_trajectories',
      'prior_versions',
      'prior_edges',
      'gold_standard_edges',
      'runs',
      'inferred_edges',
      'run_metrics',
      'sweeps',
      'run_level_networks',
    ];
    const before = await h.counts(...tables);
    expect((await h.gql(OPEN, {}, ada)).data!.openDemoProject.id).toBe(opened.data!.openDemoProject.id);
    expect(await h.counts(...tables)).toEqual(before);

    // Bob's copy is his own; neither sees the other's.
    const bobs = (await h.gql(OPEN, {}, bob)).data!.openDemoProject;
    expect(bobs.id).not.toBe(opened.data!.openDemoProject.id);
    expect((await h.gql(`{ projects { id } }`, {}, bob)).data?.projects).toEqual([{ id: bobs.id }]);
    expect((await h.query(`select count(*)::int as n from users where email like 'demo@%'`)).rows[0].n).toBe(0);
  }, 240_000);

  it('seeds SIM350, its prior, the true network and the precomputed runs, visible like trained runs', async () => {
    const files = readDemoRunFiles();
    const owner = await h.user('Owner');
    const { projectId } = await seedDemo(h.db, { owner, log: quietLog });
    const { data, errors } = await h.gql(PROJECT, { id: projectId }, owner);
    expect(errors).toBeUndefined();
    expect(data!.project).toEqual({ name: 'SIM350 demo', myRole: 'owner' });
    expect(data!.datasets).toEqual([
      { name: expect.stringContaining('SIM350'), geneCount: 350, trainTrajectoryCount: 150, testTrajectoryCount: 10, isSynthetic: true },
    ]);
    const [prior] = data!.priorNetworks;
    expect(prior.name).toBe('SIM350 prior, 5% noise');
    expect(prior.versions.map((v: { number: number; edgeCount: number; kind: string }) => [v.number, v.edgeCount, v.kind])).toEqual([
      [2, 550, 'review'],
      [1, 550, 'import'],
    ]);
    expect(prior.versions[0].message).toMatch(/^First review round: .* \(from reviews: 2 edges, 3 verdicts\)$/);
    expect(data!.goldStandards).toEqual([{ id: expect.any(String), name: 'SIM350 true network', edgeCount: 550 }]);

    // Whatever precomputed runs are committed arrive finished, with their history, edges and scores.
    expect(data!.runs).toHaveLength(files.length);
    for (const file of files) {
      const run = data!.runs.find((r: { name: string }) => r.name === file.name);
      expect(run).toMatchObject({ strategy: file.strategy, status: 'succeeded', seed: file.seed, codeVersion: file.codeVersion, config: file.config });
      // Files without the training rules were trained before they were stored: the record names the rules of then.
      expect(run.config).toMatchObject({ selection: file.config.selection ?? 'best', lrReset: file.config.lrReset ?? 'initial' });
      expect(run.summary.provenance).toContain('scripts/precompute-demo.ts');
      expect(run.summary.epochsRun).toBe(file.history.length);
      expect(run.epochs).toHaveLength(file.history.length);
      expect(run.epochs.filter((e: { pruned: boolean }) => e.pruned).length).toBe(file.history.filter((e) => e.pruned).length);
      expect(run.summary.inferredEdges).toBeGreaterThan(0);
      expect(run.storedMetrics).toEqual([
        { goldStandardName: 'SIM350 true network', balancedAccuracy: expect.any(Number), predictedEdges: run.summary.inferredEdges, referenceEdges: 550 },
      ]);
    }
  }, 240_000);

  it('arrives with a replicate group whose runs have their level networks, so the replicate page and the level card are filled', async () => {
    const group = readDemoRunFiles().filter((f) => f.group === DEMO_REPLICATE_GROUP);
    // The committed group: three seeds of the demo's DASH setting under today's rules, each with every level.
    expect(group.map((f) => f.seed)).toEqual([0, 1, 2]);
    expect(group.every((f) => f.config.selection === 'one-se' && f.config.lrReset === 'reference')).toBe(true);
    const owner = await h.user('Newcomer');
    const { projectId } = await seedDemo(h.db, { owner, log: quietLog });
    const sweeps = await h.query(
      `select s.name, s.config, array_agg(r.seed order by r.seed) as seeds from sweeps s join runs r on r.sweep_id = s.id where s.project_id = $1 group by s.id`,
      [projectId],
    );
    expect(sweeps.rows).toEqual([{ name: DEMO_REPLICATE_GROUP, config: expect.objectContaining({ replicates: 3, strategies: ['dash'] }), seeds: [0, 1, 2] }]);

    const LEVELS = `query($p: ID!) { runs(projectId: $p, limit: 20) { id name summary { bestEpoch }
      levels { level firstEpoch lastEpoch bestEpoch sparsity valMse edgeCount kept } } }`;
    const runs = (await h.gql(LEVELS, { p: projectId }, owner)).data!.runs as {
      id: string;
      name: string;
      summary: { bestEpoch: number };
      levels: { level: number; firstEpoch: number; lastEpoch: number; bestEpoch: number; edgeCount: number; kept: boolean; sparsity: number }[];
    }[];
    const gold = (await h.gql(`query($p: ID!) { goldStandards(projectId: $p) { id } }`, { p: projectId }, owner)).data!.goldStandards[0].id;
    for (const file of group) {
      const run = runs.find((r) => r.name === file.name)!;
      expect(run.levels.map((l) => l.level)).toEqual(file.levels!.map((l) => l.level));
      expect(run.levels.length).toBeGreaterThan(5);
      // The validation path: one kept level (the one-SE model's), sparser levels after it, every level with edges.
      const kept = run.levels.filter((l) => l.kept);
      expect(kept).toHaveLength(1);
      expect(kept[0].firstEpoch).toBeLessThanOrEqual(run.summary.bestEpoch);
      expect(run.levels.every((l) => l.edgeCount > 0)).toBe(true);
      expect(run.levels.at(-1)!.sparsity).toBeGreaterThan(run.levels[1].sparsity);
    }
    // A level other than the kept one can be viewed and scored against the true network.
    const first = runs.find((r) => r.name === group[0].name)!;
    const other = first.levels.find((l) => !l.kept && l.level > 0)!;
    const view = await h.gql(
      `query($r: ID!, $l: Int!, $g: ID) { runLevelNetwork(runId: $r, level: $l, goldStandardId: $g, limit: 3) { total edges { rank } scores { balancedAccuracy } } }`,
      { r: first.id, l: other.level, g: gold },
      owner,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data!.runLevelNetwork).toMatchObject({ total: other.edgeCount, edges: [{ rank: 1 }, { rank: 2 }, { rank: 3 }] });
    expect(view.data!.runLevelNetwork.scores.balancedAccuracy).toBeGreaterThan(0.5);

    // The replicate page: three replicates, flagged prior edges and candidates to review.
    const analysis = await h.gql(
      `query($p: ID!, $r: ID!, $g: ID) { replicateAnalysis(projectId: $p, runId: $r, goldStandardId: $g) {
        replicates { seed } flaggedCount acceptedCount unsupported(limit: 5) { total items { flagged } } candidates(limit: 5) { total }
        scores { prior { f1 } consensus { f1 } candidates { k topPrecision } } } }`,
      { p: projectId, r: first.id, g: gold },
      owner,
    );
    expect(analysis.errors).toBeUndefined();
    const a = analysis.data!.replicateAnalysis;
    expect(a.replicates.map((r: { seed: number }) => r.seed)).toEqual([0, 1, 2]);
    expect(a.flaggedCount).toBeGreaterThan(0);
    expect(a.unsupported.items[0].flagged).toBe(true);
    expect(a.candidates.total).toBeGreaterThan(0);
    // Scored against the true network beside the prior alone. The candidates (the residual screen on the data
    // with the runs' training noise) reach the issue's aim: at least 0.2 of the top k (k = the prior's 27 wrong
    // edges) are true missing edges; ordered by the replicates' mean rank they held 0.11.
    expect(a.scores).toMatchObject({ prior: { f1: expect.any(Number) }, consensus: { f1: expect.any(Number) }, candidates: { k: 27 } });
    expect(a.scores.candidates.topPrecision).toBeGreaterThanOrEqual(0.2);
  }, 240_000);

  it('offers a new copy after the owner deleted theirs; SEED_DEMO=false offers and opens none', async () => {
    const owner = await h.user('Owner');
    const { projectId } = await seedDemo(h.db, { owner, log: quietLog });
    expect((await h.gql(`mutation($id: ID!) { deleteProject(id: $id) }`, { id: projectId }, owner)).errors).toBeUndefined();
    expect(await demoProjectOffered(h.context(owner), true)).toBe(true);
    expect(await demoProjectOffered(h.context(owner), false)).toBe(false);
    const before = await h.counts('projects');
    await expect(openDemoProject(h.context(owner), false)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('SEED_DEMO=false') });
    expect(await h.counts('projects')).toEqual(before);
  }, 240_000);

  it('arrives with the review loop under way: two reviewers, a disputed edge with a thread, and a version from reviews', async () => {
    const demo = await h.user('Demo scientist');
    const { projectId } = await seedDemo(h.db, { owner: demo, log: quietLog });
    const runs = (await h.gql(`query($p: ID!) { runs(projectId: $p) { id name strategy } }`, { p: projectId }, demo)).data!.runs;
    // The DASH run of the first files (the replicate group's runs are DASH too, and newer).
    const dash = runs.find((r: { name: string }) => r.name === readDemoRunFiles().find((f) => f.id === 'dash')!.name) ?? runs[0];
    const queue = await h.gql(
      `query($p: ID!, $r: ID!) { reviewQueue(projectId: $p, runId: $r, filter: { statuses: [ACCEPTED, REJECTED, NEEDS_EVIDENCE, DISPUTED] }) {
      total reviewed items { regulator target status verdictCount commentCount } } }`,
      { p: projectId, r: dash.id },
      demo,
    );
    expect(queue.errors).toBeUndefined();
    const items = queue.data!.reviewQueue.items as { regulator: string; target: string; status: string; verdictCount: number; commentCount: number }[];
    expect(items.map((i) => i.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'DISPUTED', 'NEEDS_EVIDENCE', 'REJECTED']);
    const disputed = items.find((i) => i.status === 'DISPUTED')!;
    expect(disputed).toMatchObject({ verdictCount: 2, commentCount: 2 });
    const edge = await h.gql(
      `query($p: ID!, $r: String!, $t: String!) { reviewEdge(projectId: $p, regulator: $r, target: $t) {
      verdicts { reviewerName verdict reason } comments { parentId authorName mentions { email } } } }`,
      { p: projectId, r: disputed.regulator, t: disputed.target },
      demo,
    );
    expect(edge.data!.reviewEdge.verdicts).toEqual([
      { reviewerName: 'Demo scientist', verdict: 'ACCEPTED', reason: null },
      { reviewerName: 'Demo colleague', verdict: 'REJECTED', reason: 'INDIRECT' },
    ]);
    const [root, reply] = edge.data!.reviewEdge.comments;
    expect(root).toMatchObject({ parentId: null, authorName: 'Demo colleague', mentions: [{ email: demo.email }] });
    expect(reply).toMatchObject({ authorName: 'Demo scientist', parentId: expect.any(String) });
    const inbox = await h.gql(`{ notifications { items { kind } } }`, {}, demo);
    expect(inbox.data!.notifications.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['MENTION', 'DISPUTE', 'VERDICT']));
  }, 240_000);
});
