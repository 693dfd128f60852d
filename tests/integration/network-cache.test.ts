/**
 * The run network is cached per run and view (server/runs/network.ts): a verdict must show in the next read,
 * a gold standard chosen or deleted must change the marks, and the cache must never answer a caller whom the
 * project would refuse.
 */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { Viewer } from '@/server/context';
import { deleteGoldStandard, importGoldStandard } from '@/server/gold-standards/service';
import { clearNetworkCache } from '@/server/runs/network';
import { ok } from './data-fixtures';
import { forEachBackend } from './harness';
import { reviewProject, type ReviewProject } from './reviews-fixtures';

const NETWORK = `query($id: ID!, $input: RunNetworkInput) { run(id: $id) { network(input: $input) {
  totalEdges edges { regulator target rank gold reviewStatus } goldEdges { regulator target predicted shown } } } }`;
const SET = `mutation($input: SetVerdictInput!) { setVerdict(input: $input) { status version } }`;

await forEachBackend('run network cache', (h) => {
  let p: ReviewProject;
  const network = (viewer: Viewer, input: Record<string, unknown> = {}) => ok(h, NETWORK, { id: p.runId, input }, viewer).then((d) => d.run.network);
  const status = (net: { edges: { regulator: string; target: string; reviewStatus: string }[] }, r: string, t: string) =>
    net.edges.find((e) => e.regulator === r && e.target === t)?.reviewStatus;

  beforeAll(async () => {
    p = await reviewProject(h);
  });
  beforeEach(() => clearNetworkCache());

  it('shows a verdict in the very next read of a cached network', async () => {
    const first = await network(p.viewer, { topK: 6 });
    expect(status(first, 'G3', 'G4')).toBe('UNREVIEWED');
    expect(await network(p.viewer, { topK: 6 })).toEqual(first);
    await ok(
      h,
      SET,
      { input: { projectId: p.projectId, regulator: 'G3', target: 'G4', expectedVersion: 0, verdict: 'REJECTED', reason: 'INDIRECT' } },
      p.editor,
    );
    const after = await network(p.viewer, { topK: 6 });
    expect(status(after, 'G3', 'G4')).toBe('REJECTED');
    expect(after.edges.map((e: { rank: number }) => e.rank)).toEqual(first.edges.map((e: { rank: number }) => e.rank));
  });

  it('marks edges against the gold standard asked for, and refuses one deleted since it was cached', async () => {
    const plain = await network(p.viewer, { topK: 6 });
    expect(plain.edges.every((e: { gold: unknown }) => e.gold === null)).toBe(true);
    const other = await importGoldStandard(h.context(p.owner), { projectId: p.projectId, name: 'Other', text: 'G5,G1\n' });
    const marked = await network(p.viewer, { topK: 6, goldStandardId: other.id });
    expect(marked.edges.filter((e: { gold: unknown }) => e.gold === 'tp').map((e: { regulator: string }) => e.regulator)).toEqual(['G5']);
    expect(marked.goldEdges).toEqual([{ regulator: 'G5', target: 'G1', predicted: true, shown: true }]);
    await deleteGoldStandard(h.context(p.owner), other.id);
    const gone = await h.gql(NETWORK, { id: p.runId, input: { topK: 6, goldStandardId: other.id } }, p.viewer);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers a cached network to members only', async () => {
    await network(p.viewer, { topK: 6 });
    const outsider = await h.gql(NETWORK, { id: p.runId, input: { topK: 6 } }, p.outsider);
    expect(outsider.data?.run ?? null).toBeNull();
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await h.gql(NETWORK, { id: p.runId, input: { topK: 6 } }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
