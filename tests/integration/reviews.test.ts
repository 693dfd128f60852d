/**
 * The review loop through the API on both databases: the status rule, concurrent writers, comments with
 * mentions and notifications, the queue, the proposal into the prior, exports, and bad input refused
 * with nothing stored.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Viewer } from '@/server/context';
import { setVerdict } from '@/server/reviews/service';
import { handleReviewsExport, handleRunNetworkExport } from '@/server/reviews/export-route';
import { ok } from './data-fixtures';
import { forEachBackend } from './harness';
import { reviewProject, reviewTables, storeRun, type ReviewProject } from './reviews-fixtures';

const EDGE_FIELDS = `status version settlement { status note byName } verdicts { reviewerName verdict reason sign evidence { kind value url } runName effect }
  history { reviewerName from to reason runName effect }`;
const SET = `mutation($input: SetVerdictInput!) { setVerdict(input: $input) { ${EDGE_FIELDS} } }`;
const WITHDRAW = `mutation($p: ID!, $r: String!, $t: String!, $v: Int!) { withdrawVerdict(projectId: $p, regulator: $r, target: $t, expectedVersion: $v) { ${EDGE_FIELDS} } }`;
const SETTLE = `mutation($input: SettleEdgeInput!) { settleEdge(input: $input) { ${EDGE_FIELDS} } }`;
const UNSETTLE = `mutation($p: ID!, $r: String!, $t: String!, $v: Int!) { unsettleEdge(projectId: $p, regulator: $r, target: $t, expectedVersion: $v) { ${EDGE_FIELDS} } }`;
const EDGE = `query($p: ID!, $r: String!, $t: String!) { reviewEdge(projectId: $p, regulator: $r, target: $t) {
  ${EDGE_FIELDS} myVerdict { verdict } comments { id parentId authorName body deleted edited resolved resolvedByName mentions { name } revisions { body } }
  acrossRuns { runName effect rank totalEdges survived } priorVersions { versionNumber change } inPriorVersionIds goldStandardIds } }`;
const COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id parentId body mentions { name } } }`;
const INBOX = `{ notifications { total unread items { kind regulator target actorName excerpt read } } unreadNotificationCount }`;
const QUEUE = `query($p: ID!, $r: ID!, $f: ReviewQueueFilter, $o: Int, $l: Int) { reviewQueue(projectId: $p, runId: $r, filter: $f, offset: $o, limit: $l) {
  total reviewed runEdges offset limit items { regulator target effect rank inPrior inGold status version verdictCount commentCount myVerdict confidence } } }`;
const PROPOSAL = `query($v: ID!) { reviewProposal(priorVersionId: $v) { isHead rejectedKept
  add { regulator target sign previousSign evidence status reviewers } remove { regulator target sign previousSign } flip { regulator target sign previousSign } } }`;
const COMMIT = `mutation($input: CommitReviewProposalInput!) { commitReviewProposal(input: $input) { id number kind message edgeCount } }`;
const DIFF = `query($a: ID!, $b: ID!) { priorDiff(fromVersionId: $a, toVersionId: $b) {
  added { regulator target sign evidence } removed { regulator target } signChanged { regulator target from { sign } to { sign } } } }`;

await forEachBackend('reviews', (h) => {
  let p: ReviewProject;
  const edge = (regulator: string, target: string) => ({ projectId: p.projectId, regulator, target });
  const verdict = (viewer: Viewer, input: Record<string, unknown>) => ok(h, SET, { input }, viewer).then((d) => d.setVerdict);
  const read = (regulator: string, target: string, viewer: Viewer = p.viewer) =>
    ok(h, EDGE, { p: p.projectId, r: regulator, t: target }, viewer).then((d) => d.reviewEdge);

  /** The operation fails with `code` (and a message matching `message`), and no review table changed. */
  async function refused(query: string, variables: Record<string, unknown>, viewer: Viewer, code: string, message?: RegExp) {
    const before = await h.counts(...reviewTables);
    const result = await h.gql(query, variables, viewer);
    const error = result.errors?.[0];
    expect(error?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
    if (message) expect(error!.message).toMatch(message);
    expect(await h.counts(...reviewTables)).toEqual(before);
    return error!;
  }

  // The tests below build on each other, in order: one review history told step by step.
  beforeAll(async () => {
    p = await reviewProject(h);
  });

  it('derives the status by the one rule as verdicts, withdrawals and settlements come in, keeping every change', async () => {
    let e = await verdict(p.owner, {
      ...edge('G1', 'G2'),
      expectedVersion: 0,
      verdict: 'ACCEPTED',
      sign: 1,
      runId: p.runId,
      evidence: [
        { kind: 'PMID', value: '10521345' },
        { kind: 'DOI', value: '10.1038/nature02800' },
      ],
    });
    expect(e).toMatchObject({ status: 'ACCEPTED', version: 1 });
    expect(e.verdicts).toEqual([
      {
        reviewerName: 'Owner',
        verdict: 'ACCEPTED',
        reason: null,
        sign: 1,
        runName: expect.any(String),
        effect: 0.9,
        evidence: [
          { kind: 'PMID', value: '10521345', url: 'https://pubmed.ncbi.nlm.nih.gov/10521345/' },
          { kind: 'DOI', value: '10.1038/nature02800', url: 'https://doi.org/10.1038/nature02800' },
        ],
      },
    ]);
    e = await verdict(p.editor, { ...edge('G1', 'G2'), expectedVersion: 1, verdict: 'REJECTED', reason: 'INDIRECT' });
    expect(e).toMatchObject({ status: 'DISPUTED', version: 2 });
    e = await verdict(p.editor, { ...edge('G1', 'G2'), expectedVersion: 2, verdict: 'NEEDS_EVIDENCE' });
    expect(e).toMatchObject({ status: 'ACCEPTED', version: 3 });
    e = (await ok(h, WITHDRAW, { p: p.projectId, r: 'G1', t: 'G2', v: 3 }, p.owner)).withdrawVerdict;
    expect(e).toMatchObject({ status: 'NEEDS_EVIDENCE', version: 4 });
    e = (
      await ok(
        h,
        SETTLE,
        { input: { ...edge('G1', 'G2'), expectedVersion: 4, status: 'REJECTED', note: 'Indirect through G5 (ChIP shows no binding).' } },
        p.owner,
      )
    ).settleEdge;
    expect(e).toMatchObject({
      status: 'REJECTED',
      version: 5,
      settlement: { status: 'REJECTED', note: 'Indirect through G5 (ChIP shows no binding).', byName: 'Owner' },
    });
    e = await verdict(p.editor, { ...edge('G1', 'G2'), expectedVersion: 5, verdict: 'ACCEPTED' });
    expect(e.status).toBe('REJECTED');
    e = (await ok(h, UNSETTLE, { p: p.projectId, r: 'G1', t: 'G2', v: 6 }, p.owner)).unsettleEdge;
    expect(e).toMatchObject({ status: 'ACCEPTED', version: 7, settlement: null });
    expect(e.history.map((c: { reviewerName: string; from: string | null; to: string | null }) => [c.reviewerName, c.from, c.to])).toEqual([
      ['Owner', null, 'ACCEPTED'],
      ['Editor', null, 'REJECTED'],
      ['Editor', 'REJECTED', 'NEEDS_EVIDENCE'],
      ['Owner', 'ACCEPTED', null],
      ['Editor', 'NEEDS_EVIDENCE', 'ACCEPTED'],
    ]);
    expect(e.history[0]).toMatchObject({ effect: 0.9, runName: expect.any(String) });

    // The owner reviewed the edge: the editor's reject made it disputed, and the owner was told.
    const inbox = await ok(h, INBOX, {}, p.owner);
    expect(inbox.notifications.items.map((n: { kind: string }) => n.kind)).toContain('DISPUTE');
    const editorInbox = await ok(h, INBOX, {}, p.editor);
    expect(editorInbox.notifications.items.map((n: { kind: string }) => n.kind)).toContain('SETTLED');
    expect(editorInbox.unreadNotificationCount).toBe(editorInbox.notifications.unread);
    const left = await ok(h, `mutation { markNotificationsRead(all: true) }`, {}, p.editor);
    expect(left.markNotificationsRead).toBe(0);
  });

  it('refuses a write on a stale version, naming who changed the edge, and stores nothing', async () => {
    await verdict(p.owner, { ...edge('G3', 'G4'), expectedVersion: 0, verdict: 'ACCEPTED' });
    const error = await refused(
      SET,
      { input: { ...edge('G3', 'G4'), expectedVersion: 0, verdict: 'REJECTED', reason: 'WRONG_SIGN', sign: -1 } },
      p.editor,
      'CONFLICT',
      /Owner changed G3 → G4/,
    );
    expect(error.extensions?.field).toBe('expectedVersion');
    const retried = await verdict(p.editor, { ...edge('G3', 'G4'), expectedVersion: 1, verdict: 'REJECTED', reason: 'WRONG_SIGN', sign: -1 });
    expect(retried.verdicts.map((v: { reviewerName: string; verdict: string }) => `${v.reviewerName}:${v.verdict}`)).toEqual([
      'Owner:ACCEPTED',
      'Editor:REJECTED',
    ]);
  });

  it('lets exactly one of two truly concurrent writers on the same version win; the other gets CONFLICT and nothing is lost', async () => {
    const before = await h.counts('review_verdicts', 'review_verdict_changes');
    const results = await Promise.allSettled([
      setVerdict(h.context(p.owner), {
        ...edge('G4', 'G5'),
        expectedVersion: 0,
        verdict: 'accepted',
        sign: 1,
        runId: p.runId,
        evidence: [{ kind: 'pmid', value: '123456' }],
      }),
      setVerdict(h.context(p.editor), { ...edge('G4', 'G5'), expectedVersion: 0, verdict: 'needs_evidence' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'CONFLICT' });
    const after = await h.counts('review_verdicts', 'review_verdict_changes');
    expect(after).toEqual({ review_verdicts: before.review_verdicts + 1, review_verdict_changes: before.review_verdict_changes + 1 });
    const e = await read('G4', 'G5');
    expect(e.version).toBe(1);
    // The loser retries on the version it now sees; both verdicts stand.
    const loser = results[0].status === 'rejected' ? p.owner : p.editor;
    const retry =
      loser === p.owner
        ? { ...edge('G4', 'G5'), expectedVersion: 1, verdict: 'ACCEPTED', sign: 1, runId: p.runId, evidence: [{ kind: 'PMID', value: '123456' }] }
        : { ...edge('G4', 'G5'), expectedVersion: 1, verdict: 'NEEDS_EVIDENCE' };
    expect((await verdict(loser, retry)).verdicts).toHaveLength(2);
    if (loser === p.editor) await verdict(p.editor, { ...edge('G4', 'G5'), expectedVersion: 2, verdict: 'ACCEPTED', sign: 1 });
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const base = { ...edge('G2', 'G3'), expectedVersion: 0 };
    await refused(
      SET,
      { input: { ...base, verdict: 'ACCEPTED', evidence: [{ kind: 'PMID', value: 'PMID123' }] } },
      p.editor,
      'BAD_USER_INPUT',
      /not a PubMed ID/,
    );
    await refused(SET, { input: { ...base, verdict: 'ACCEPTED', evidence: [{ kind: 'DOI', value: '10.12/x' }] } }, p.editor, 'BAD_USER_INPUT', /not a DOI/);
    await refused(
      SET,
      { input: { ...base, verdict: 'ACCEPTED', evidence: [{ kind: 'DATABASE', value: 'MyFavouriteDB:1' }] } },
      p.editor,
      'BAD_USER_INPUT',
      /not a known source database/,
    );
    await refused(SET, { input: { ...base, verdict: 'REJECTED' } }, p.editor, 'BAD_USER_INPUT', /reason/);
    await refused(SET, { input: { ...base, verdict: 'REJECTED', reason: 'OTHER' } }, p.editor, 'BAD_USER_INPUT', /reason note/);
    await refused(SET, { input: { ...base, verdict: 'ACCEPTED', sign: 2 } }, p.editor, 'BAD_USER_INPUT', /sign/);
    const gene = await refused(
      SET,
      { input: { ...base, regulator: 'NOPE1', verdict: 'ACCEPTED' } },
      p.editor,
      'BAD_USER_INPUT',
      /Gene “NOPE1” is not in this project/,
    );
    expect(gene.extensions?.field).toBe('regulator');
    await refused(SET, { input: { ...base, expectedVersion: 3, verdict: 'ACCEPTED' } }, p.editor, 'CONFLICT');
    await refused(SET, { input: { ...base, verdict: 'ACCEPTED' } }, p.viewer, 'FORBIDDEN');
    await refused(SET, { input: { ...base, verdict: 'ACCEPTED' } }, p.outsider, 'NOT_FOUND');
    await refused(COMMENT, { input: { ...edge('G2', 'G3'), body: 'x'.repeat(10_001) } }, p.editor, 'BAD_USER_INPUT', /at most 10000/);
    await refused(COMMENT, { input: { ...edge('G2', 'G3'), body: `@${p.outsider.email} what do you think?` } }, p.editor, 'BAD_USER_INPUT', /not a member/);
    await refused(COMMENT, { input: { ...edge('G2', 'G3'), body: 'Looks right.' } }, p.viewer, 'FORBIDDEN');
    const many = Array.from({ length: 501 }, (_, i) => ({ regulator: 'G1', target: `G${i}`, expectedVersion: 0 }));
    await refused(
      `mutation($input: BulkVerdictInput!) { bulkSetVerdict(input: $input) { conflicts { message } } }`,
      { input: { projectId: p.projectId, edges: many, verdict: 'ACCEPTED' } },
      p.editor,
      'BAD_USER_INPUT',
      /At most 500/,
    );
    const unknown = await refused(
      `mutation($input: BulkVerdictInput!) { bulkSetVerdict(input: $input) { conflicts { message } } }`,
      {
        input: {
          projectId: p.projectId,
          edges: [
            { regulator: 'G5', target: 'G1', expectedVersion: 0 },
            { regulator: 'G1', target: 'NOPE2', expectedVersion: 0 },
          ],
          verdict: 'ACCEPTED',
        },
      },
      p.editor,
      'BAD_USER_INPUT',
      /Gene “NOPE2”/,
    );
    expect(unknown.extensions?.field).toBe('edges.1.target');
    await refused(SETTLE, { input: { ...base, status: 'ACCEPTED', note: 'ok' } }, p.editor, 'FORBIDDEN');
    await refused(SETTLE, { input: { ...base, status: 'DISPUTED', note: 'ok' } }, p.owner, 'BAD_USER_INPUT');
    await refused(SETTLE, { input: { ...base, status: 'ACCEPTED', note: '  ' } }, p.owner, 'BAD_USER_INPUT', /note/);
  });

  it('bulk verdicts write the edges whose version matches and report the others as conflicts', async () => {
    const result = await ok(
      h,
      `mutation($input: BulkVerdictInput!) { bulkSetVerdict(input: $input) { updated { regulator target status version } conflicts { regulator target message } } }`,
      {
        input: {
          projectId: p.projectId,
          runId: p.runId,
          verdict: 'REJECTED',
          reason: 'NO_RELATION',
          edges: [
            { regulator: 'G2', target: 'G3', expectedVersion: 0 },
            { regulator: 'G5', target: 'G1', expectedVersion: 0 },
            { regulator: 'G1', target: 'G2', expectedVersion: 0 },
          ],
        },
      },
      p.editor,
    );
    expect(result.bulkSetVerdict.updated.map((e: { regulator: string; status: string }) => `${e.regulator}:${e.status}`).sort()).toEqual([
      'G2:REJECTED',
      'G5:REJECTED',
    ]);
    expect(result.bulkSetVerdict.conflicts).toEqual([{ regulator: 'G1', target: 'G2', message: expect.stringContaining('version 7') }]);
  });

  it('keeps threads with replies, mentions, edits and deletions in the history, and notifies the people concerned', async () => {
    const local = p.viewer.email.split('@')[0];
    const root = (await ok(h, COMMENT, { input: { ...edge('G1', 'G3'), body: `Is this direct, @${local}? <b>not html</b>`, runId: p.runId } }, p.editor))
      .addComment;
    expect(root.mentions).toEqual([{ name: 'Viewer' }]);
    const reply = (await ok(h, COMMENT, { input: { ...edge('G1', 'G3'), body: 'ChIP says yes.', parentId: root.id } }, p.owner)).addComment;
    expect(reply.parentId).toBe(root.id);
    const nested = (await ok(h, COMMENT, { input: { ...edge('G1', 'G3'), body: 'Thanks.', parentId: reply.id } }, p.editor)).addComment;
    expect(nested.parentId).toBe(root.id);
    await refused(COMMENT, { input: { ...edge('G2', 'G3'), body: 'Wrong edge.', parentId: root.id } }, p.editor, 'BAD_USER_INPUT', /not on this edge/);

    await refused(`mutation($id: ID!) { editComment(id: $id, body: "mine now") { id } }`, { id: root.id }, p.owner, 'FORBIDDEN');
    await ok(h, `mutation($id: ID!) { editComment(id: $id, body: "Is this direct? Asking the lab.") { edited } }`, { id: root.id }, p.editor);
    await ok(h, `mutation($id: ID!) { deleteComment(id: $id) { deleted body } }`, { id: nested.id }, p.editor);
    await ok(h, `mutation($id: ID!) { setThreadResolved(commentId: $id, resolved: true) { resolved } }`, { id: root.id }, p.owner);
    await refused(
      `mutation($id: ID!) { setThreadResolved(commentId: $id, resolved: true) { resolved } }`,
      { id: reply.id },
      p.owner,
      'BAD_USER_INPUT',
      /first comment/,
    );

    const seenByViewer = (await read('G1', 'G3', p.viewer)).comments;
    expect(seenByViewer).toEqual([
      {
        id: root.id,
        parentId: null,
        authorName: 'Editor',
        body: 'Is this direct? Asking the lab.',
        deleted: false,
        edited: true,
        resolved: true,
        resolvedByName: 'Owner',
        mentions: [],
        revisions: [{ body: `Is this direct, @${local}? <b>not html</b>` }],
      },
      {
        id: reply.id,
        parentId: root.id,
        authorName: 'Owner',
        body: 'ChIP says yes.',
        deleted: false,
        edited: false,
        resolved: false,
        resolvedByName: null,
        mentions: [],
        revisions: [],
      },
      {
        id: nested.id,
        parentId: root.id,
        authorName: 'Editor',
        body: '',
        deleted: true,
        edited: false,
        resolved: false,
        resolvedByName: null,
        mentions: [],
        revisions: [],
      },
    ]);
    expect((await read('G1', 'G3', p.editor)).comments[2].revisions).toEqual([{ body: 'Thanks.' }]);

    const viewerInbox = (await ok(h, INBOX, {}, p.viewer)).notifications.items;
    expect(viewerInbox).toEqual([expect.objectContaining({ kind: 'MENTION', regulator: 'G1', target: 'G3', actorName: 'Editor', read: false })]);
    const editorInbox = (await ok(h, INBOX, {}, p.editor)).notifications.items;
    expect(editorInbox.filter((n: { kind: string }) => n.kind === 'REPLY')).toEqual([
      expect.objectContaining({ actorName: 'Owner', excerpt: 'ChIP says yes.' }),
    ]);
  });

  it('pages the queue on the server with filters, review state and progress', async () => {
    const q = (viewer: Viewer, f: Record<string, unknown> | null, o = 0, l = 50) =>
      ok(h, QUEUE, { p: p.projectId, r: p.runId, f, o, l }, viewer).then((d) => d.reviewQueue);
    const all = await q(p.editor, null);
    expect(all).toMatchObject({ total: 6, runEdges: 6, offset: 0, limit: 50 });
    expect(all.items.map((i: { regulator: string; target: string }) => `${i.regulator}>${i.target}`)).toEqual([
      'G1>G2',
      'G2>G3',
      'G3>G4',
      'G4>G5',
      'G5>G1',
      'G1>G3',
    ]);
    expect(all.items[0]).toMatchObject({ rank: 1, effect: 0.9, inPrior: true, inGold: null, status: 'ACCEPTED', myVerdict: 'ACCEPTED', confidence: null });
    expect(all.items[5]).toMatchObject({ status: 'UNREVIEWED', commentCount: 2, verdictCount: 0, myVerdict: null, inPrior: false });
    expect(all.reviewed).toBe(5);
    const page = await q(p.editor, null, 2, 2);
    expect(page.items.map((i: { rank: number }) => i.rank)).toEqual([3, 4]);
    expect((await q(p.viewer, { gene: 'G1' })).total).toBe(3);
    expect((await q(p.viewer, { novelty: 'NOVEL' })).items.map((i: { regulator: string }) => i.regulator)).toEqual(['G4', 'G5', 'G1']);
    const gold = await q(p.viewer, { goldStandardId: p.goldStandardId, inGold: true });
    expect(gold.items.map((i: { regulator: string; inGold: boolean }) => [i.regulator, i.inGold])).toEqual([
      ['G1', true],
      ['G2', true],
      ['G4', true],
    ]);
    const rejected = await q(p.viewer, { statuses: ['REJECTED', 'UNREVIEWED'] });
    expect(rejected.items.map((i: { regulator: string; target: string; status: string }) => `${i.regulator}>${i.target}:${i.status}`)).toEqual([
      'G2>G3:REJECTED',
      'G5>G1:REJECTED',
      'G1>G3:UNREVIEWED',
    ]);
    expect(rejected.reviewed).toBe(2);
    const tooMany = await h.gql(QUEUE, { p: p.projectId, r: p.runId, l: 201 }, p.viewer);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badGene = await h.gql(QUEUE, { p: p.projectId, r: '00000000-0000-4000-8000-000000000000' }, p.viewer);
    expect(badGene.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows review status on the run network and the edge across every run', async () => {
    const net = await ok(h, `query($id: ID!) { run(id: $id) { network { edges { regulator target reviewStatus } } } }`, { id: p.runId }, p.viewer);
    const status = Object.fromEntries(
      net.run.network.edges.map((e: { regulator: string; target: string; reviewStatus: string }) => [`${e.regulator}>${e.target}`, e.reviewStatus]),
    );
    expect(status).toEqual({ 'G1>G2': 'ACCEPTED', 'G2>G3': 'REJECTED', 'G3>G4': 'DISPUTED', 'G4>G5': 'ACCEPTED', 'G5>G1': 'REJECTED', 'G1>G3': 'UNREVIEWED' });
    const e = await read('G4', 'G5');
    expect(e.acrossRuns).toEqual([{ runName: expect.any(String), effect: 0.6, rank: 4, totalEdges: 6, survived: true }]);
    expect(e.inPriorVersionIds).toEqual([]);
    expect(e.goldStandardIds).toEqual([p.goldStandardId]);
  });

  it('proposes exactly the prior changes the reviews argue for, commits a trimmed version, and never re-adds rejected edges', async () => {
    // G1→G2 accepted with the prior's sign: no change. G2→G3 rejected (in the prior): remove. G3→G4 rejected as the
    // wrong sign (−1): flip. G4→G5 accepted (not in the prior): add with the judged sign. G5→G1 rejected, not in the
    // prior: kept out. G1→G3 unreviewed: left alone. (Who reviewed G4→G5 first depended on the concurrency race.)
    const g45Evidence = expect.stringMatching(/^PMID:123456; review: accepted \((Owner, Editor|Editor, Owner)\)$/);
    await verdict(p.owner, { ...edge('G3', 'G4'), expectedVersion: (await read('G3', 'G4')).version, verdict: 'REJECTED', reason: 'WRONG_SIGN', sign: -1 });
    const before = await ok(h, PROPOSAL, { v: p.priorVersionId }, p.viewer);
    expect(before.reviewProposal).toEqual({
      isHead: true,
      rejectedKept: 1,
      add: [
        {
          regulator: 'G4',
          target: 'G5',
          sign: 1,
          previousSign: null,
          evidence: g45Evidence,
          status: 'ACCEPTED',
          reviewers: expect.arrayContaining(['Owner', 'Editor']),
        },
      ],
      remove: [{ regulator: 'G2', target: 'G3', sign: -1, previousSign: -1 }],
      flip: [{ regulator: 'G3', target: 'G4', sign: -1, previousSign: 1 }],
    });
    const committed = (
      await ok(
        h,
        COMMIT,
        { input: { priorVersionId: p.priorVersionId, message: 'Fold in the review', exclude: [{ regulator: 'G2', target: 'G3' }] } },
        p.editor,
      )
    ).commitReviewProposal;
    expect(committed).toMatchObject({ number: 2, kind: 'review', message: 'Fold in the review (from reviews: 2 edges, 4 verdicts)', edgeCount: 4 });
    const diff = (await ok(h, DIFF, { a: p.priorVersionId, b: committed.id }, p.viewer)).priorDiff;
    expect(diff).toEqual({
      added: [{ regulator: 'G4', target: 'G5', sign: 1, evidence: g45Evidence }],
      removed: [],
      signChanged: [{ regulator: 'G3', target: 'G4', from: { sign: 1 }, to: { sign: -1 } }],
    });
    expect((await read('G4', 'G5')).priorVersions).toEqual([{ versionNumber: 2, change: 'add' }]);
    expect((await read('G4', 'G5')).inPriorVersionIds).toEqual([committed.id]);

    // The base is no longer the head: committing on it again is a conflict, and nothing is stored.
    await refused(COMMIT, { input: { priorVersionId: p.priorVersionId, message: 'again' } }, p.editor, 'CONFLICT', /version 2/);
    await refused(COMMIT, { input: { priorVersionId: committed.id, message: 'again' } }, p.viewer, 'FORBIDDEN');
    const next = (await ok(h, PROPOSAL, { v: committed.id }, p.viewer)).reviewProposal;
    expect(next).toMatchObject({ isHead: true, add: [], flip: [], rejectedKept: 1, remove: [{ regulator: 'G2', target: 'G3' }] });
  });

  it('exports the whole network with review status and evidence, and the reviewed edges, to viewers only', async () => {
    const network = await handleRunNetworkExport(new Request(`http://localhost/api/runs/${p.runId}/network?format=csv`), p.runId, h.db);
    expect(network.status).toBe(401);
    const { secret } = await (await import('@/server/accounts/service')).createApiToken(h.context(p.viewer), { name: 'export' });
    const auth = { authorization: `Bearer ${secret}` };
    const csv = await (
      await handleRunNetworkExport(new Request(`http://localhost/api/runs/${p.runId}/network?format=csv`, { headers: auth }), p.runId, h.db)
    ).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('regulator,target,effect,abs_effect,sign,rank,review_status,evidence');
    expect(lines).toHaveLength(7);
    expect(lines[4]).toBe('G4,G5,0.6,0.6,1,4,ACCEPTED,PMID:123456');
    const sif = await (
      await handleRunNetworkExport(new Request(`http://localhost/api/runs/${p.runId}/network?format=sif`, { headers: auth }), p.runId, h.db)
    ).text();
    expect(sif.split('\n')[1]).toBe('G2\tinhibits\tG3');
    const graphml = await (
      await handleRunNetworkExport(new Request(`http://localhost/api/runs/${p.runId}/network?format=graphml`, { headers: auth }), p.runId, h.db)
    ).text();
    expect(graphml.match(/<edge /g)).toHaveLength(6);
    expect(graphml).toContain(
      '<edge id="e4" source="G4" target="G5"><data key="effect">0.6</data><data key="sign">1</data><data key="rank">4</data><data key="review_status">ACCEPTED</data><data key="evidence">PMID:123456</data></edge>',
    );
    expect(
      (await handleRunNetworkExport(new Request(`http://localhost/api/runs/${p.runId}/network?format=pdf`, { headers: auth }), p.runId, h.db)).status,
    ).toBe(400);

    const reviews = await (
      await handleReviewsExport(
        new Request(`http://localhost/api/projects/${p.projectId}/reviews/export?format=csv&status=REJECTED`, { headers: auth }),
        p.projectId,
        h.db,
      )
    ).text();
    const rows = reviews.trim().split('\n');
    expect(rows[0]).toBe('regulator,target,status,settled_note,verdicts,evidence,comments,last_activity');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 5).join(','))).toEqual([
      'G2,G3,REJECTED,,Editor:rejected(no_relation)',
      expect.stringMatching(/^G3,G4,REJECTED,,(Owner|Editor):rejected\(wrong_sign\); (Owner|Editor):rejected\(wrong_sign\)$/),
      'G5,G1,REJECTED,,Editor:rejected(no_relation)',
    ]);
    const outsider = await (await import('@/server/accounts/service')).createApiToken(h.context(p.outsider), { name: 'x' });
    expect(
      (
        await handleReviewsExport(
          new Request(`http://localhost/api/projects/${p.projectId}/reviews/export`, { headers: { authorization: `Bearer ${outsider.secret}` } }),
          p.projectId,
          h.db,
        )
      ).status,
    ).toBe(404);
  });

  it('pages the project activity, filtered by person, kind and gene', async () => {
    const page = (args: Record<string, unknown>) =>
      ok(
        h,
        `query($id: ID!, $o: Int, $l: Int, $a: ID, $k: String, $g: String) { project(id: $id) { activityPage(offset: $o, limit: $l, actorId: $a, kind: $k, gene: $g) { total offset limit items { action actorName details } } } }`,
        { id: p.projectId, ...args },
        p.viewer,
      ).then((d) => d.project.activityPage);
    const all = await page({ l: 5 });
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(20);
    const reviewsByOwner = await page({ k: 'review', a: p.owner.userId, l: 200 });
    expect(reviewsByOwner.items.length).toBeGreaterThan(0);
    expect(reviewsByOwner.items.every((e: { action: string; actorName: string }) => e.action.startsWith('review.') && e.actorName === 'Owner')).toBe(true);
    const g5 = await page({ g: 'G5', l: 200 });
    expect(g5.items.every((e: { details: { regulator?: string; target?: string } }) => e.details.regulator === 'G5' || e.details.target === 'G5')).toBe(true);
    expect(g5.total).toBe(g5.items.length);
    expect((await page({ k: 'comment.add', l: 200 })).total).toBe(3);
    expect((await page({ k: 'prior.version_from_reviews' })).items[0].details).toMatchObject({ versionNumber: 2, added: 1, flipped: 1, removed: 0 });
  });

  it('ranks the queue by confidence across replicate runs (same setup, other seeds) when asked', async () => {
    // The first run's setup again with seeds 8 and 9, keeping some of its edges; v1 of the prior, as the first run.
    await storeRun(
      h,
      p.owner,
      p.projectId,
      p.datasetId,
      p.priorVersionId,
      [
        ['G1', 'G2', 0.5],
        ['G4', 'G5', 0.4],
        ['G1', 'G3', 0.3],
      ],
      8,
    );
    await storeRun(
      h,
      p.owner,
      p.projectId,
      p.datasetId,
      p.priorVersionId,
      [
        ['G1', 'G3', 0.5],
        ['G4', 'G5', 0.4],
      ],
      9,
    );
    const q = await ok(
      h,
      `query($p: ID!, $r: ID!) { reviewQueue(projectId: $p, runId: $r, order: CONFIDENCE) { items { regulator target rank confidence } } }`,
      { p: p.projectId, r: p.runId },
      p.viewer,
    );
    expect(
      q.reviewQueue.items.map((i: { regulator: string; target: string; confidence: number }) => `${i.regulator}>${i.target}:${i.confidence.toFixed(2)}`),
    ).toEqual(['G4>G5:1.00', 'G1>G3:1.00', 'G1>G2:0.67', 'G2>G3:0.33', 'G3>G4:0.33', 'G5>G1:0.33']);
    const e = await read('G1', 'G3');
    expect(e.acrossRuns.map((r: { survived: boolean; rank: number | null }) => [r.survived, r.rank])).toEqual(
      expect.arrayContaining([
        [true, 6],
        [true, 3],
        [true, 1],
      ]),
    );
  });
});
