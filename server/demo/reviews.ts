/**
 * The review loop on the demo project, so a newcomer sees it at once: a second member (a demo colleague),
 * verdicts by both on edges of the DASH run, an edge the two disagree on (disputed, with a thread, a
 * reply and a mention), one that needs evidence, and a prior version committed from the reviews.
 *
 * The verdicts follow SIM350's ground truth where it is known (it is a synthetic benchmark, so the
 * evidence cited is the benchmark's true network, not papers). Runs once per project: skipped when the
 * project already holds verdicts.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { edgeReviews, memberships, reviewVerdicts, users } from '@/db/schema';
import { signUp } from '../accounts/service';
import type { ServiceContext, Viewer } from '../context';
import { addComment } from '../reviews/comments';
import { commitReviewProposal } from '../reviews/proposal';
import { setVerdict } from '../reviews/service';

export const DEMO_COLLEAGUE = { email: 'colleague@grn.studio', name: 'Demo colleague' } as const;

type Picked = {
  regulator: string;
  target: string;
  effect: number;
};

const truthEvidence = [{ kind: 'database' as const, value: 'other:SIM350 true network (synthetic benchmark ground truth)' }];

async function colleague(ctx: ServiceContext, projectId: string): Promise<Viewer> {
  const [existing] = await ctx.db.select().from(users).where(eq(users.email, DEMO_COLLEAGUE.email));
  // Nobody signs in as the colleague: a random password keeps the account closed.
  const user = existing ?? (await signUp({ ...ctx, viewer: null }, { ...DEMO_COLLEAGUE, password: randomBytes(24).toString('base64url') }));
  const [member] = await ctx.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, user.id)));
  // A fixture colleague, not a person: added directly, since invitations wait for their recipient's consent.
  if (!member) await ctx.db.insert(memberships).values({ projectId, userId: user.id, role: 'editor' });
  return { userId: user.id, email: user.email, name: user.name, via: 'session' };
}

/** The strongest edge of the run with the given prior / truth membership, not yet picked. */
async function strongest(
  db: Database,
  runId: string,
  priorVersionId: string,
  goldId: string,
  inPrior: boolean,
  inGold: boolean,
  skip: Picked[],
): Promise<Picked | null> {
  const taken = skip.length
    ? sql`and (ie.regulator || '>' || ie.target) not in (${sql.join(
        skip.map((p) => sql`${p.regulator + '>' + p.target}`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute<Picked>(sql`
    select ie.regulator, ie.target, ie.effect from inferred_edges ie
    where ie.run_id = ${runId}
      and ${inPrior ? sql`exists` : sql`not exists`} (select 1 from prior_edges pe where pe.version_id = ${priorVersionId} and pe.regulator = ie.regulator and pe.target = ie.target)
      and ${inGold ? sql`exists` : sql`not exists`} (select 1 from gold_standard_edges ge where ge.gold_standard_id = ${goldId} and ge.regulator = ie.regulator and ge.target = ie.target)
      ${taken}
    order by ie.rank limit 1`);
  const row = result.rows[0];
  return row ? { ...row, effect: Number(row.effect) } : null;
}

export async function seedDemoReviews(
  ctx: ServiceContext,
  ids: { projectId: string; runId: string; priorVersionId: string; goldStandardId: string },
): Promise<void> {
  const [done] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewVerdicts)
    .innerJoin(edgeReviews, eq(edgeReviews.id, reviewVerdicts.edgeId))
    .where(eq(edgeReviews.projectId, ids.projectId));
  if (done.n > 0) return;
  const demo = ctx;
  const other: ServiceContext = { ...ctx, viewer: await colleague(ctx, ids.projectId) };
  const picked: Picked[] = [];
  const pick = async (inPrior: boolean, inGold: boolean) => {
    const p = await strongest(ctx.db, ids.runId, ids.priorVersionId, ids.goldStandardId, inPrior, inGold, picked);
    if (p) picked.push(p);
    return p;
  };
  const known = await pick(true, true);
  const found = await pick(false, true);
  const noise = await pick(true, false);
  const arguable = await pick(false, false);
  const unsure = await pick(false, false);
  const edge = (p: Picked) => ({ projectId: ids.projectId, regulator: p.regulator, target: p.target, runId: ids.runId });
  const sign = (p: Picked) => Math.sign(p.effect);

  if (known) {
    const e = await setVerdict(demo, { ...edge(known), expectedVersion: 0, verdict: 'accepted', sign: sign(known), evidence: truthEvidence });
    await setVerdict(other, { ...edge(known), expectedVersion: e.version, verdict: 'accepted', sign: sign(known) });
  }
  if (found) {
    const e = await setVerdict(demo, { ...edge(found), expectedVersion: 0, verdict: 'accepted', sign: sign(found), evidence: truthEvidence });
    await setVerdict(other, {
      ...edge(found),
      expectedVersion: e.version,
      verdict: 'accepted',
      sign: sign(found),
      evidence: [{ kind: 'text', value: 'Recovered by DASH although the noisy prior lacks it.' }],
    });
  }
  if (noise) {
    await setVerdict(other, {
      ...edge(noise),
      expectedVersion: 0,
      verdict: 'rejected',
      reason: 'no_relation',
      reasonNote: 'One of the prior’s noise edges (moved to a random position); not in the true network.',
    });
  }
  if (arguable) {
    const e = await setVerdict(demo, { ...edge(arguable), expectedVersion: 0, verdict: 'accepted', sign: sign(arguable) });
    await setVerdict(other, { ...edge(arguable), expectedVersion: e.version, verdict: 'rejected', reason: 'indirect' });
    const local = demo.viewer!.email.split('@')[0];
    const root = await addComment(other, {
      ...edge(arguable),
      body: `@${local} I think this is indirect: both genes share a regulator upstream. Which run convinced you?`,
    });
    await addComment(demo, {
      ...edge(arguable),
      parentId: root.id,
      body: 'It survives pruning in DASH with a strong effect; let us check the IMP run before settling it.',
    });
  }
  if (unsure) await setVerdict(other, { ...edge(unsure), expectedVersion: 0, verdict: 'needs_evidence' });
  if (found || noise) {
    await commitReviewProposal(demo, { priorVersionId: ids.priorVersionId, message: 'First review round: add the recovered edge, drop the noise edge' });
  }
}
