import { uploadDataset } from '@/server/datasets/service';
import { importPrior } from '@/server/priors/service';
import { addComment } from '@/server/reviews/comments';
import { setVerdict, settleEdge } from '@/server/reviews/service';
import { launchRun } from '@/server/runs/service';
import type { Cases, Fixture } from './types';

const tidy = 'gene,trajectory,time,value\nA,t1,0,0.1\nB,t1,0,0.2\nA,t1,1,0.3\nB,t1,1,0.4\nA,t2,0,0.5\nB,t2,0,0.6\nA,t2,1,0.7\nB,t2,1,0.8\n';
const edge = (f: Fixture) => ({ projectId: f.projectId, regulator: 'A', target: 'B' });

/** A finished run with two inferred edges, stored as a worker would (no training during the walk). */
async function run(f: Fixture): Promise<string> {
  return (await runWithPrior(f)).runId;
}

async function runWithPrior(f: Fixture): Promise<{ runId: string; priorVersionId: string }> {
  const dataset = await uploadDataset(f.owner, { projectId: f.projectId, name: 'Review walk data', format: 'tidy-csv', data: tidy });
  const prior = await importPrior(f.owner, { projectId: f.projectId, name: 'Review walk prior', format: 'sif', text: 'A\tactivates\tB\n' });
  const r = await launchRun(f.owner, {
    projectId: f.projectId,
    datasetId: dataset.id,
    priorVersionId: prior.headVersionId!,
    strategy: 'dash',
    hyperparameters: { epochs: 2 },
  });
  await f.h.query(`update runs set status = 'succeeded' where id = $1`, [r.id]);
  await f.h.query(`insert into inferred_edges (run_id, regulator, target, effect, rank) values ($1, 'A', 'B', 0.9, 1), ($1, 'B', 'A', -0.4, 2)`, [r.id]);
  return { runId: r.id, priorVersionId: prior.headVersionId! };
}

/** The prior's head, with B → A accepted by the owner (so the proposal adds it). */
async function proposed(f: Fixture): Promise<string> {
  const { runId, priorVersionId } = await runWithPrior(f);
  await setVerdict(f.owner, { projectId: f.projectId, regulator: 'B', target: 'A', expectedVersion: 0, verdict: 'accepted', runId });
  return priorVersionId;
}

const isWriter = (f: Fixture) => f.actor !== null && [f.users.owner.userId, f.users.coOwner.userId, f.users.editor.userId].includes(f.actor.userId);
const actorContext = (f: Fixture) => f.h.context(f.actor);

/** The edge with a verdict by the owner, and by the actor too when the actor may write; returns its version. */
async function reviewed(f: Fixture): Promise<number> {
  await run(f);
  let e = await setVerdict(f.owner, { ...edge(f), expectedVersion: 0, verdict: 'accepted' });
  if (isWriter(f) && f.actor!.userId !== f.users.owner.userId)
    e = await setVerdict(actorContext(f), { ...edge(f), expectedVersion: e.version, verdict: 'needs_evidence' });
  return e.version;
}

/** A comment by the actor when the actor may write, else by the owner. */
async function comment(f: Fixture): Promise<string> {
  await run(f);
  const c = await addComment(isWriter(f) ? actorContext(f) : f.owner, { ...edge(f), body: 'Is this direct?' });
  return c.id;
}

const cases: Cases = {
  Query: {
    reviewQueue: {
      need: 'viewer',
      query: `query($p: ID!, $r: ID!) { reviewQueue(projectId: $p, runId: $r, limit: 10) { total reviewed items { regulator status myVerdict } } }`,
      variables: async (f) => ({ p: f.projectId, r: await run(f) }),
    },
    reviewEdge: {
      need: 'viewer',
      query: `query($p: ID!) { reviewEdge(projectId: $p, regulator: "A", target: "B") { status version verdicts { verdict } history { to } comments { body revisions { body } } acrossRuns { effect } priorVersions { change } inPriorVersionIds goldStandardIds } }`,
      variables: async (f) => {
        await reviewed(f);
        await comment(f);
        return { p: f.projectId };
      },
    },
    notifications: { need: 'signed-in', query: `{ notifications(limit: 5) { total unread items { kind excerpt } } }` },
    unreadNotificationCount: { need: 'signed-in', query: `{ unreadNotificationCount }` },
    reviewProposal: {
      need: 'viewer',
      query: `query($v: ID!) { reviewProposal(priorVersionId: $v) { isHead add { regulator target sign evidence reviewers } remove { regulator } flip { regulator } rejectedKept } }`,
      variables: async (f) => ({ v: await proposed(f) }),
    },
  },
  Mutation: {
    setVerdict: {
      need: 'editor',
      query: `mutation($input: SetVerdictInput!) { setVerdict(input: $input) { status version } }`,
      variables: async (f) => ({
        input: { ...edge(f), runId: await run(f), expectedVersion: 0, verdict: 'ACCEPTED', sign: 1, evidence: [{ kind: 'PMID', value: '12345' }] },
      }),
    },
    withdrawVerdict: {
      need: 'editor',
      query: `mutation($p: ID!, $v: Int!) { withdrawVerdict(projectId: $p, regulator: "A", target: "B", expectedVersion: $v) { version } }`,
      variables: async (f) => ({ p: f.projectId, v: await reviewed(f) }),
    },
    bulkSetVerdict: {
      need: 'editor',
      query: `mutation($input: BulkVerdictInput!) { bulkSetVerdict(input: $input) { updated { status } conflicts { message } } }`,
      variables: async (f) => ({
        input: {
          projectId: f.projectId,
          runId: await run(f),
          verdict: 'REJECTED',
          reason: 'INDIRECT',
          edges: [
            { regulator: 'A', target: 'B', expectedVersion: 0 },
            { regulator: 'B', target: 'A', expectedVersion: 0 },
          ],
        },
      }),
    },
    settleEdge: {
      need: 'owner',
      query: `mutation($input: SettleEdgeInput!) { settleEdge(input: $input) { status settlement { note } } }`,
      variables: async (f) => ({ input: { ...edge(f), expectedVersion: await reviewed(f), status: 'REJECTED', note: 'Indirect via C.' } }),
    },
    unsettleEdge: {
      need: 'owner',
      query: `mutation($p: ID!, $v: Int!) { unsettleEdge(projectId: $p, regulator: "A", target: "B", expectedVersion: $v) { status } }`,
      variables: async (f) => {
        const settled = await settleEdge(f.owner, { ...edge(f), expectedVersion: await reviewed(f), status: 'accepted', note: 'Known.' });
        return { p: f.projectId, v: settled.version };
      },
    },
    addComment: {
      need: 'editor',
      query: `mutation($input: AddCommentInput!) { addComment(input: $input) { id body } }`,
      variables: async (f) => {
        await run(f);
        return { input: { ...edge(f), body: 'Looks real.' } };
      },
    },
    editComment: {
      need: 'editor',
      query: `mutation($id: ID!) { editComment(id: $id, body: "Edited.") { body edited } }`,
      variables: async (f) => ({ id: await comment(f) }),
    },
    deleteComment: {
      need: 'editor',
      query: `mutation($id: ID!) { deleteComment(id: $id) { deleted } }`,
      variables: async (f) => ({ id: await comment(f) }),
    },
    setThreadResolved: {
      need: 'editor',
      query: `mutation($id: ID!) { setThreadResolved(commentId: $id, resolved: true) { resolved } }`,
      variables: async (f) => ({ id: await comment(f) }),
    },
    markNotificationsRead: { need: 'signed-in', query: `mutation { markNotificationsRead(all: true) }` },
    commitReviewProposal: {
      need: 'editor',
      query: `mutation($v: ID!) { commitReviewProposal(input: { priorVersionId: $v, message: "From reviews" }) { id number kind } }`,
      variables: async (f) => ({ v: await proposed(f) }),
    },
  },
};

export default cases;
