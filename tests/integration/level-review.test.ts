/**
 * Issue 16 item 4, "review at any level": the review queue opened at a pruning level lists that level's network
 * (the level network card's order), with the queue's filters, paging and per-edge verdicts; and the replicate
 * analysis' two lists open as queues with their confidence. On the seeded demo's replicate group (real runs).
 */
import { beforeAll, expect, it } from 'vitest';
import type { Viewer } from '@/server/context';
import { DEMO_REPLICATE_GROUP } from '@/server/demo/demo-runs';
import { seedDemo } from '@/server/demo/seed';
import { firstError, forEachBackend } from './harness';
import { quietLog } from './runs-fixtures';

const QUEUE = `query($p: ID!, $r: ID!, $level: Int, $filter: ReviewQueueFilter, $order: ReviewQueueOrder, $offset: Int, $limit: Int) {
  reviewQueue(projectId: $p, runId: $r, level: $level, filter: $filter, order: $order, offset: $offset, limit: $limit) {
    total reviewed offset limit runEdges items { regulator target effect rank confidence inPrior status version } } }`;
const LEVEL = `query($r: ID!, $level: Int!, $offset: Int, $limit: Int) { runLevelNetwork(runId: $r, level: $level, offset: $offset, limit: $limit) {
  total level { level kept edgeCount } edges { regulator target effect rank } } }`;
const LEVELS = `query($r: ID!) { run(id: $r) { levels { level kept edgeCount } } }`;
const LIST = `query($p: ID!, $r: ID!, $list: ReplicateList!, $order: ReviewQueueOrder, $filter: ReviewQueueFilter, $offset: Int, $limit: Int) {
  replicateListQueue(projectId: $p, runId: $r, list: $list, order: $order, filter: $filter, offset: $offset, limit: $limit) {
    total runEdges items { regulator target effect rank confidence inPrior status } } }`;
const ANALYSIS = `query($p: ID!, $r: ID!) { replicateAnalysis(projectId: $p, runId: $r) { flaggedCount
  unsupported(limit: 500) { total items { regulator target confidence meanEffect flagged } }
  candidates(limit: 50) { total items { regulator target confidence meanEffect } } } }`;
const VERDICT = `mutation($input: SetVerdictInput!) { setVerdict(input: $input) { status version } }`;

type Item = { regulator: string; target: string; effect: number; rank: number; confidence: number | null; inPrior: boolean; status: string; version: number };
const key = (e: { regulator: string; target: string }) => `${e.regulator}>${e.target}`;

await forEachBackend('review at any level', (h) => {
  let owner: Viewer;
  let projectId: string;
  let runId: string;
  let levels: { level: number; kept: boolean; edgeCount: number }[];
  let other: number;

  beforeAll(async () => {
    owner = await h.user('Level reviewer');
    ({ projectId } = await seedDemo(h.db, { owner, log: quietLog }));
    const runs = (await h.gql(`query($p: ID!) { runs(projectId: $p, limit: 20) { id name } }`, { p: projectId }, owner)).data!.runs;
    runId = runs.find((r: { name: string }) => r.name === `${DEMO_REPLICATE_GROUP}: seed 0`).id;
    levels = (await h.gql(LEVELS, { r: runId }, owner)).data!.run.levels;
    // A level other than the kept model's, in the middle of the path.
    other = levels.filter((l) => !l.kept)[Math.floor(levels.length / 2)].level;
  }, 240_000);

  it('lists the chosen level’s edges, in the level network card’s order, paged', async () => {
    const level = levels.find((l) => l.level === other)!;
    const card = (await h.gql(LEVEL, { r: runId, level: other, offset: 0, limit: 60 }, owner)).data!.runLevelNetwork;
    const first = await h.gql(QUEUE, { p: projectId, r: runId, level: other, limit: 50 }, owner);
    expect(first.errors).toBeUndefined();
    const page = first.data!.reviewQueue;
    expect(page).toMatchObject({ total: level.edgeCount, runEdges: level.edgeCount, offset: 0, limit: 50 });
    expect(page.items.map((i: Item) => [i.regulator, i.target, i.rank])).toEqual(card.edges.slice(0, 50).map((e: Item) => [e.regulator, e.target, e.rank]));
    page.items.forEach((i: Item, k: number) => expect(i.effect).toBeCloseTo(card.edges[k].effect, 6));
    const second = (await h.gql(QUEUE, { p: projectId, r: runId, level: other, offset: 50, limit: 10 }, owner)).data!.reviewQueue;
    expect(second.items.map((i: Item) => i.rank)).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect(second.items.map(key)).toEqual(card.edges.slice(50, 60).map(key));

    // Not the kept model's network: another size than the run's inferred edges.
    const kept = (await h.gql(QUEUE, { p: projectId, r: runId, limit: 1 }, owner)).data!.reviewQueue;
    expect(kept.runEdges).not.toBe(level.edgeCount);
    // The replicates' confidence comes along (3 seeds: a share in thirds).
    expect(page.items.every((i: Item) => i.confidence === null || [0, 1, 2, 3].some((k) => Math.abs(i.confidence! - k / 3) < 1e-9))).toBe(true);
    expect(page.items.some((i: Item) => i.confidence !== null)).toBe(true);
  });

  it('filters a level by gene and prior membership in the database', async () => {
    const top = (await h.gql(QUEUE, { p: projectId, r: runId, level: other, limit: 1 }, owner)).data!.reviewQueue.items[0] as Item;
    const byGene = (await h.gql(QUEUE, { p: projectId, r: runId, level: other, filter: { gene: top.regulator }, limit: 200 }, owner)).data!.reviewQueue;
    expect(byGene.total).toBeGreaterThan(0);
    expect(byGene.items.every((i: Item) => i.regulator === top.regulator || i.target === top.regulator)).toBe(true);
    const all = (await h.gql(QUEUE, { p: projectId, r: runId, level: other, limit: 1 }, owner)).data!.reviewQueue.total;
    const inPrior = (await h.gql(QUEUE, { p: projectId, r: runId, level: other, filter: { novelty: 'IN_PRIOR' }, limit: 200 }, owner)).data!.reviewQueue;
    const novel = (await h.gql(QUEUE, { p: projectId, r: runId, level: other, filter: { novelty: 'NOVEL' }, limit: 1 }, owner)).data!.reviewQueue;
    expect(inPrior.total + novel.total).toBe(all);
    expect(inPrior.items.every((i: Item) => i.inPrior)).toBe(true);
  });

  it('a verdict made at one level shows at every level and in the kept model’s queue (verdicts belong to the edge)', async () => {
    // An edge of the chosen level that the kept model also has, and one the kept model pruned.
    const keptEdges = new Set(((await h.gql(QUEUE, { p: projectId, r: runId, limit: 200 }, owner)).data!.reviewQueue.items as Item[]).map(key));
    const atLevel = (await h.gql(QUEUE, { p: projectId, r: runId, level: other, filter: { statuses: ['UNREVIEWED'] }, limit: 200 }, owner)).data!.reviewQueue
      .items as Item[];
    const shared = atLevel.find((i) => keptEdges.has(key(i)))!;
    const write = await h.gql(
      VERDICT,
      { input: { projectId, regulator: shared.regulator, target: shared.target, expectedVersion: shared.version, verdict: 'ACCEPTED', runId } },
      owner,
    );
    expect(write.errors).toBeUndefined();
    const accepted = { statuses: ['ACCEPTED'], gene: shared.regulator };
    for (const level of [other, levels.find((l) => l.kept)!.level, levels[0].level, null]) {
      const q = (await h.gql(QUEUE, { p: projectId, r: runId, level, filter: accepted, limit: 200 }, owner)).data!.reviewQueue;
      expect(q.items.map(key)).toContain(key(shared));
    }
  });

  it('refuses a level the run has no network for, a bad level, and outsiders before reading the input', async () => {
    const missing = await h.gql(QUEUE, { p: projectId, r: runId, level: 9999, limit: 5 }, owner);
    expect(firstError(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'level' });
    expect(firstError(await h.gql(QUEUE, { p: projectId, r: runId, level: -1, limit: 5 }, owner))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    expect(firstError(await h.gql(QUEUE, { p: projectId, r: runId, level: other, limit: 201 }, owner))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const outsider = await h.user('Outsider');
    expect(firstError(await h.gql(QUEUE, { p: projectId, r: runId, level: -1, limit: 5 }, outsider))).toMatchObject({ code: 'NOT_FOUND' });
    // The demo's older DASH run predates level networks: its queue has no levels to open.
    const runs = (await h.gql(`query($p: ID!) { runs(projectId: $p, limit: 20) { id name levels { level } } }`, { p: projectId }, owner)).data!.runs;
    const old = runs.find((r: { name: string }) => r.name.startsWith('DASH λ'));
    expect(old.levels).toEqual([]);
    expect(firstError(await h.gql(QUEUE, { p: projectId, r: old.id, level: 0, limit: 5 }, owner))).toMatchObject({ code: 'NOT_FOUND', field: 'level' });
  });

  it('opens the replicate analysis’ two lists as queues, with the lists’ confidence and order', async () => {
    const a = (await h.gql(ANALYSIS, { p: projectId, r: runId }, owner)).data!.replicateAnalysis;
    expect(a.flaggedCount).toBeGreaterThan(0);
    const flagged = (a.unsupported.items as { regulator: string; target: string; confidence: number; meanEffect: number; flagged: boolean }[]).filter(
      (e) => e.flagged,
    );
    const unsupported = await h.gql(LIST, { p: projectId, r: runId, list: 'UNSUPPORTED', limit: 200 }, owner);
    expect(unsupported.errors).toBeUndefined();
    const u = unsupported.data!.replicateListQueue;
    expect(u).toMatchObject({ total: a.flaggedCount, runEdges: a.flaggedCount });
    expect(u.items.map((i: Item) => [key(i), i.confidence, i.rank])).toEqual(flagged.slice(0, 200).map((e, k) => [key(e), e.confidence, k + 1]));
    expect(u.items.every((i: Item) => i.inPrior)).toBe(true);

    const candidates = (await h.gql(LIST, { p: projectId, r: runId, list: 'CANDIDATES', limit: 50 }, owner)).data!.replicateListQueue;
    expect(candidates.total).toBe(a.candidates.total);
    expect(candidates.items.map((i: Item) => [key(i), i.confidence])).toEqual(a.candidates.items.map((e: Item) => [key(e), e.confidence]));
    candidates.items.forEach((i: Item, k: number) => expect(i.effect).toBeCloseTo(a.candidates.items[k].meanEffect, 9));
    expect(candidates.items.some((i: Item) => i.inPrior)).toBe(false);
    const byConfidence = (await h.gql(LIST, { p: projectId, r: runId, list: 'CANDIDATES', order: 'CONFIDENCE', limit: 200 }, owner)).data!.replicateListQueue
      .items as Item[];
    expect(byConfidence.map((i) => i.confidence)).toEqual([...byConfidence.map((i) => i.confidence)].sort((x, y) => y! - x!));

    // A verdict on a flagged edge shows in its list's queue.
    const edge = u.items[0] as Item;
    const version = (
      await h.gql(
        `query($p: ID!, $r: String!, $t: String!) { reviewEdge(projectId: $p, regulator: $r, target: $t) { version } }`,
        {
          p: projectId,
          r: edge.regulator,
          t: edge.target,
        },
        owner,
      )
    ).data!.reviewEdge.version;
    const verdict = { projectId, regulator: edge.regulator, target: edge.target, expectedVersion: version, verdict: 'REJECTED', reason: 'NO_RELATION', runId };
    expect((await h.gql(VERDICT, { input: verdict }, owner)).errors).toBeUndefined();
    const rejected = (await h.gql(LIST, { p: projectId, r: runId, list: 'UNSUPPORTED', filter: { statuses: ['REJECTED'] } }, owner)).data!.replicateListQueue;
    expect(rejected.items.map(key)).toContain(key(edge));
  });

  it('refuses a list for a run without replicates, a bad list, and outsiders', async () => {
    const runs = (await h.gql(`query($p: ID!) { runs(projectId: $p, limit: 20) { id name } }`, { p: projectId }, owner)).data!.runs;
    const imp = runs.find((r: { name: string }) => r.name.startsWith('IMP'));
    expect(firstError(await h.gql(LIST, { p: projectId, r: imp.id, list: 'CANDIDATES' }, owner))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'runId' });
    expect(firstError(await h.gql(LIST, { p: projectId, r: runId, list: 'OTHER' }, owner))).toBeDefined();
    const outsider = await h.user('List outsider');
    expect(firstError(await h.gql(LIST, { p: projectId, r: runId, list: 'UNSUPPORTED' }, outsider))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
