/**
 * The demo seed: SIM350 with its prior, gold standard and the precomputed DASH and IMP runs, inserted once,
 * visible to the demo user through the API exactly like trained runs.
 */
import { expect, it } from 'vitest';
import { readDemoRunFiles } from '@/server/demo/demo-runs';
import { DEMO_LOGIN, demoLoginOnOffer } from '@/server/demo/login';
import { seedDemo } from '@/server/demo/seed';
import { forEachBackend } from './harness';
import { quietLog } from './runs-fixtures';

const PROJECT = `query($id: ID!) {
  project(id: $id) { name myRole }
  datasets(projectId: $id) { name geneCount trainTrajectoryCount testTrajectoryCount isSynthetic }
  priorNetworks(projectId: $id) { name versions { id number edgeCount kind message } }
  goldStandards(projectId: $id) { id name edgeCount }
  runs(projectId: $id) { id name strategy status seed config codeVersion
    summary { sparsity epochsRun inferredEdges provenance } epochs { epoch pruned }
    storedMetrics { goldStandardName balancedAccuracy predictedEdges referenceEdges } }
}`;

await forEachBackend('demo seed', (h) => {
  it('offers the demo login on the sign-in page only once the demo account exists, and never with seeding off', async () => {
    expect(await demoLoginOnOffer(h.db, true)).toBeNull();
    await seedDemo(h.db, { log: quietLog });
    expect(await demoLoginOnOffer(h.db, true)).toEqual(DEMO_LOGIN);
    expect(await demoLoginOnOffer(h.db, false)).toBeNull();
  });

  it('seeds SIM350, its prior, the true network and the precomputed runs once, and changes nothing the second time', async () => {
    const files = readDemoRunFiles();
    const first = await seedDemo(h.db, { log: quietLog });
    expect(first).toMatchObject(DEMO_LOGIN);
    const tables = ['users', 'projects', 'datasets', 'dataset_trajectories', 'prior_versions', 'prior_edges', 'gold_standard_edges', 'runs', 'inferred_edges', 'run_metrics', 'audit_events'];
    const before = await h.counts(...tables);
    const again = await seedDemo(h.db, { log: quietLog });
    expect(again.projectId).toBe(first.projectId);
    expect(await h.counts(...tables)).toEqual(before);

    const [user] = (await h.query(`select id, email, name from users where email = $1`, [DEMO_LOGIN.email])).rows;
    const viewer = { userId: user.id, email: user.email, name: user.name, via: 'session' as const };
    const { data, errors } = await h.gql(PROJECT, { id: first.projectId }, viewer);
    expect(errors).toBeUndefined();
    expect(data!.project).toEqual({ name: 'SIM350 demo', myRole: 'owner' });
    expect(data!.datasets).toEqual([{ name: expect.stringContaining('SIM350'), geneCount: 350, trainTrajectoryCount: 150, testTrajectoryCount: 10, isSynthetic: true }]);
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

  it('arrives with the review loop under way: two reviewers, a disputed edge with a thread, and a version from reviews', async () => {
    const { projectId } = await seedDemo(h.db, { log: quietLog });
    const [user] = (await h.query(`select id, email, name from users where email = $1`, [DEMO_LOGIN.email])).rows;
    const demo = { userId: user.id, email: user.email, name: user.name, via: 'session' as const };
    const runs = (await h.gql(`query($p: ID!) { runs(projectId: $p) { id strategy } }`, { p: projectId }, demo)).data!.runs;
    const dash = runs.find((r: { strategy: string }) => r.strategy === 'dash') ?? runs[0];
    const queue = await h.gql(`query($p: ID!, $r: ID!) { reviewQueue(projectId: $p, runId: $r, filter: { statuses: [ACCEPTED, REJECTED, NEEDS_EVIDENCE, DISPUTED] }) {
      total reviewed items { regulator target status verdictCount commentCount } } }`, { p: projectId, r: dash.id }, demo);
    expect(queue.errors).toBeUndefined();
    const items = queue.data!.reviewQueue.items as { regulator: string; target: string; status: string; verdictCount: number; commentCount: number }[];
    expect(items.map((i) => i.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'DISPUTED', 'NEEDS_EVIDENCE', 'REJECTED']);
    const disputed = items.find((i) => i.status === 'DISPUTED')!;
    expect(disputed).toMatchObject({ verdictCount: 2, commentCount: 2 });
    const edge = await h.gql(`query($p: ID!, $r: String!, $t: String!) { reviewEdge(projectId: $p, regulator: $r, target: $t) {
      verdicts { reviewerName verdict reason } comments { parentId authorName mentions { email } } } }`, { p: projectId, r: disputed.regulator, t: disputed.target }, demo);
    expect(edge.data!.reviewEdge.verdicts).toEqual([
      { reviewerName: 'Demo scientist', verdict: 'ACCEPTED', reason: null },
      { reviewerName: 'Demo colleague', verdict: 'REJECTED', reason: 'INDIRECT' },
    ]);
    const [root, reply] = edge.data!.reviewEdge.comments;
    expect(root).toMatchObject({ parentId: null, authorName: 'Demo colleague', mentions: [{ email: DEMO_LOGIN.email }] });
    expect(reply).toMatchObject({ authorName: 'Demo scientist', parentId: expect.any(String) });
    const inbox = await h.gql(`{ notifications { items { kind } } }`, {}, demo);
    expect(inbox.data!.notifications.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['MENTION', 'DISPUTE', 'VERDICT']));
  }, 240_000);

  it('does not bring the demo project back after its owner deleted it', async () => {
    const { projectId } = await seedDemo(h.db, { log: quietLog });
    const [user] = (await h.query(`select id, email, name from users where email = $1`, [DEMO_LOGIN.email])).rows;
    const owner = { userId: user.id, email: user.email, name: user.name, via: 'session' as const };
    const deleted = await h.gql(`mutation($id: ID!) { deleteProject(id: $id) }`, { id: projectId }, owner);
    expect(deleted.errors).toBeUndefined();
    await seedDemo(h.db, { log: quietLog });
    expect((await h.query(`select count(*)::int as n from projects where name = 'SIM350 demo'`)).rows[0].n).toBe(0);
  });
});
