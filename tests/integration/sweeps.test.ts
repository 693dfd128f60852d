/**
 * Issue 16 item 7: groups of runs (Query.sweep, Project.sweeps) and the edge comparison of two networks
 * (Query.compareEdges), on runs finished by hand (stored edges and levels as a worker leaves them).
 */
import { expect, it } from 'vitest';
import { packEffects } from '@/server/run-execution/level-networks-pack';
import { ok } from './data-fixtures';
import { firstError, forEachBackend, type Harness } from './harness';
import { runsProject, type RunsProject } from './runs-fixtures';

const SWEEP = `mutation($input: LaunchSweepInput!) { launchSweep(input: $input) { id kind runCount runs { id name } } }`;
const REPLICATES = `mutation($input: LaunchReplicatesInput!) { launchReplicates(input: $input) { id runs { id seed } } }`;
const MORE = `mutation($r: ID!) { replicateRun(runId: $r, seeds: 2) { id } }`;
const GROUP = `query($id: ID!) { sweep(id: $id) { id projectId name kind summary settings { name values } replicateOfRunId runCount
  statusCounts { status count } createdByName runs { id name status seed sweepId } } }`;
const GROUPS = `query($p: ID!, $limit: Int, $offset: Int) { project(id: $p) { sweeps(limit: $limit, offset: $offset) { id kind runCount runs { id } } } }`;
const COMPARE = `query($p: ID!, $a: NetworkChoiceInput!, $b: NetworkChoiceInput!, $k: Int) { compareEdges(projectId: $p, a: $a, b: $b, k: $k) {
  a { runId runName level edgeCount } b { level edgeCount } sharedCount sameSignCount oppositeSignCount onlyACount onlyBCount jaccard
  topK { k inA inB intersection union jaccard }
  shared(limit: 2) { total offset limit items { regulator target effectA effectB sameSign } }
  onlyA { total items { regulator target effectA effectB sameSign } }
  onlyB(offset: 1, limit: 1) { total items { regulator target effectB } } } }`;

const tiny = { epochs: 2, hidden: 8 };

async function finish(h: Harness, runId: string, edges: [string, string, number][]) {
  await h.query(`update runs set status = 'succeeded' where id = $1`, [runId]);
  const ranked = [...edges].sort((x, y) => Math.abs(y[2]) - Math.abs(x[2]));
  for (const [i, [r, t, e]] of ranked.entries())
    await h.query(`insert into inferred_edges (run_id, regulator, target, effect, rank) values ($1, $2, $3, $4, $5)`, [runId, r, t, e, i + 1]);
}

/** A stored pruning level (genes G1..G4: pair = regulator·4 + target). */
async function level(h: Harness, runId: string, lvl: number, index: number[], value: number[]) {
  const packed = packEffects({ n: 4, index, value });
  await h.query(
    `insert into run_level_networks (run_id, level, first_epoch, last_epoch, best_epoch, sparsity, val_mse, edge_count, pairs, effects)
     values ($1, $2, 1, 2, 2, 0.5, 0.01, $3, $4, $5)`,
    [runId, lvl, index.length, packed.pairs, packed.effects],
  );
}

await forEachBackend('groups of runs and the edge comparison', (h) => {
  let p: RunsProject;
  let sweepId: string;
  let replicateGroup: { id: string; runs: { id: string; seed: number }[] };

  it('a sweep’s page says what it varies and lists its runs in name order with their statuses', async () => {
    p = await runsProject(h);
    const base = { projectId: p.projectId, datasetId: p.datasetId, priorVersionId: p.priorVersionId, hyperparameters: tiny };
    const launched = (
      await ok(h, SWEEP, { input: { ...base, name: 'Grid', strategies: ['dash', 'imp'], lambda1Values: [0.9, 0.5], lambda2Values: [0.05] } }, p.editor)
    ).launchSweep;
    sweepId = launched.id;
    // The launch answers the same Sweep type, with the new fields.
    expect(launched).toMatchObject({ kind: 'sweep', runCount: 3 });
    await h.query(`update runs set status = 'failed' where id = $1`, [launched.runs[0].id]);
    const group = (await ok(h, GROUP, { id: sweepId }, p.viewer)).sweep;
    expect(group).toMatchObject({ projectId: p.projectId, name: 'Grid', kind: 'sweep', replicateOfRunId: null, runCount: 3, createdByName: 'Editor' });
    expect(group.settings).toEqual([
      { name: 'strategy', values: ['DASH', 'IMP'] },
      { name: 'λ₁', values: ['0.9', '0.5'] },
      { name: 'λ₂', values: ['0.05'] },
    ]);
    expect(group.summary).toMatch(/^Sweep of 3 runs over strategy \(DASH, IMP\) × λ₁ \(0\.9, 0\.5\);/);
    const names = group.runs.map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })));
    expect(group.runs.every((r: { sweepId: string }) => r.sweepId === sweepId)).toBe(true);
    expect(group.statusCounts).toEqual([
      { status: 'queued', count: 2 },
      { status: 'failed', count: 1 },
    ]);
  });

  it('a replicate group and a “more seeds” group say so; Project.sweeps pages newest first', async () => {
    const base = { projectId: p.projectId, datasetId: p.datasetId, priorVersionId: p.priorVersionId, hyperparameters: tiny };
    replicateGroup = (await ok(h, REPLICATES, { input: { ...base, strategy: 'dash', seed: 7, replicates: 3 } }, p.editor)).launchReplicates;
    const reps = (await ok(h, GROUP, { id: replicateGroup.id }, p.viewer)).sweep;
    expect(reps).toMatchObject({ kind: 'replicates', replicateOfRunId: null, runCount: 3, settings: [{ name: 'seed', values: ['7', '8', '9'] }] });
    expect(reps.summary).toMatch(/^Replicates: one DASH configuration trained with 3 seeds/);
    expect(reps.runs.map((r: { seed: number }) => r.seed)).toEqual([7, 8, 9]);

    const original = replicateGroup.runs[0].id;
    await finish(h, original, [['G1', 'G2', 0.5]]);
    const more = (await ok(h, MORE, { r: original }, p.editor)).replicateRun;
    expect((await ok(h, GROUP, { id: more.id }, p.viewer)).sweep).toMatchObject({ kind: 'replicates', replicateOfRunId: original, runCount: 2 });

    const all = (await ok(h, GROUPS, { p: p.projectId }, p.viewer)).project.sweeps;
    expect(all.map((s: { id: string }) => s.id)).toEqual([more.id, replicateGroup.id, sweepId]);
    expect(all.map((s: { runs: unknown[] }) => s.runs.length)).toEqual([2, 3, 3]);
    const second = (await ok(h, GROUPS, { p: p.projectId, limit: 1, offset: 1 }, p.viewer)).project.sweeps;
    expect(second.map((s: { id: string }) => s.id)).toEqual([replicateGroup.id]);
    expect(firstError(await h.gql(GROUPS, { p: p.projectId, limit: 201 }, p.viewer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('a group is NOT_FOUND for outsiders, for a missing id and for a malformed one', async () => {
    for (const [id, who] of [
      [sweepId, p.outsider],
      ['00000000-0000-4000-8000-000000000000', p.viewer],
      ['nope', p.viewer],
    ] as const) {
      expect(firstError(await h.gql(GROUP, { id }, who))).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('compares two kept networks: shared with sign agreement, only-in-one, Jaccard of all and of the top k (known answer)', async () => {
    const [a, b] = replicateGroup.runs.slice(1).map((r) => r.id);
    await finish(h, a, [
      ['G1', 'G2', 0.9],
      ['G2', 'G3', -0.5],
      ['G3', 'G4', 0.2],
      ['G4', 'G1', 0.1],
    ]);
    await finish(h, b, [
      ['G1', 'G2', 0.3],
      ['G2', 'G3', 0.6],
      ['G1', 'G4', -0.8],
    ]);
    const c = (await ok(h, COMPARE, { p: p.projectId, a: { runId: a }, b: { runId: b }, k: 2 }, p.viewer)).compareEdges;
    expect(c).toMatchObject({
      a: { runId: a, level: null, edgeCount: 4 },
      b: { level: null, edgeCount: 3 },
      sharedCount: 2,
      sameSignCount: 1,
      oppositeSignCount: 1,
      onlyACount: 2,
      onlyBCount: 1,
      // top 2: A {G1→G2, G2→G3}, B {G1→G4, G2→G3}: one of three.
      topK: { k: 2, inA: 2, inB: 2, intersection: 1, union: 3 },
    });
    expect(c.jaccard).toBeCloseTo(2 / 5, 12);
    expect(c.topK.jaccard).toBeCloseTo(1 / 3, 12);
    expect(c.shared).toEqual({
      total: 2,
      offset: 0,
      limit: 2,
      items: [
        { regulator: 'G1', target: 'G2', effectA: 0.9, effectB: 0.3, sameSign: true },
        { regulator: 'G2', target: 'G3', effectA: -0.5, effectB: 0.6, sameSign: false },
      ],
    });
    expect(c.onlyA.items).toEqual([
      { regulator: 'G3', target: 'G4', effectA: 0.2, effectB: null, sameSign: null },
      { regulator: 'G4', target: 'G1', effectA: 0.1, effectB: null, sameSign: null },
    ]);
    expect(c.onlyB).toEqual({ total: 1, items: [] });
  });

  it('compares two pruning levels of one run (level networks from the level store)', async () => {
    const run = replicateGroup.runs[1].id;
    await level(h, run, 0, [1, 6, 11, 12], [0.5, -0.25, 0.125, 0.75]);
    await level(h, run, 1, [1, 12], [0.5, -0.75]);
    const c = (await ok(h, COMPARE, { p: p.projectId, a: { runId: run, level: 0 }, b: { runId: run, level: 1 }, k: 1 }, p.viewer)).compareEdges;
    expect(c).toMatchObject({ a: { level: 0, edgeCount: 4 }, b: { level: 1, edgeCount: 2 }, sharedCount: 2, sameSignCount: 1, onlyACount: 2, onlyBCount: 0 });
    expect(c.topK).toEqual({ k: 1, inA: 1, inB: 1, intersection: 1, union: 1, jaccard: 1 });
    expect(c.shared.items[0]).toEqual({ regulator: 'G4', target: 'G1', effectA: 0.75, effectB: -0.75, sameSign: false });
  });

  it('refuses an unfinished run, a missing level, another project’s run and a bad k, on the right field', async () => {
    const finished = replicateGroup.runs[1].id;
    const queued = replicateGroup.runs[2].id;
    await h.query(`update runs set status = 'queued' where id = $1`, [queued]);
    const ask = (a: unknown, b: unknown, k = 10, who = p.viewer) => h.gql(COMPARE, { p: p.projectId, a, b, k }, who);
    expect(firstError(await ask({ runId: queued }, { runId: finished }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'a.runId' });
    expect(firstError(await ask({ runId: finished }, { runId: finished, level: 9 }))).toMatchObject({ code: 'NOT_FOUND', field: 'b.level' });
    const other = await runsProject(h);
    const foreign = (
      await ok(
        h,
        REPLICATES,
        {
          input: {
            projectId: other.projectId,
            datasetId: other.datasetId,
            priorVersionId: other.priorVersionId,
            strategy: 'dash',
            replicates: 2,
            hyperparameters: tiny,
          },
        },
        other.editor,
      )
    ).launchReplicates.runs[0].id;
    expect(firstError(await ask({ runId: finished }, { runId: foreign }))).toMatchObject({ code: 'NOT_FOUND', field: 'b.runId' });
    expect(firstError(await ask({ runId: finished }, { runId: finished }, 0))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'k' });
    expect(firstError(await ask({ runId: finished }, { runId: finished }, 10, p.outsider))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
