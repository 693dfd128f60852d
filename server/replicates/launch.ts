import { eq } from 'drizzle-orm';
import { runs, sweeps } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { requireProjectRole } from '../authz/access';
import { queueSettings, trainRunSender } from '../queue';
import { buildRunConfig, resolvePreset } from '../runs/config';
import { checkConfigCaps, checkQueueRoom } from '../runs/limits';
import type { RunConfig } from '../runs/config';
import { checkRunInputs, defaultRunName, insertAndEnqueue, requireRunRole, type NewRun, type SweepRecord } from '../runs/service';
import type { Strategy } from '../runs/validation';
import * as store from './store';
import * as runStore from '../runs/store';
import { launchRunInput, type LaunchRunInput } from '../runs/validation';
import { parseInput } from '../validation';
import { moreReplicatesCount, replicateCount } from './validation';

export const launchReplicatesInput = launchRunInput.extend({ replicates: replicateCount });
export type LaunchReplicatesInput = LaunchRunInput & { replicates?: number };

/**
 * One configuration trained with `replicates` consecutive seeds from the given one, grouped as a sweep
 * (its config says `replicates`), so the replicate analysis and the review queue's confidence can compare them.
 */
export async function launchReplicates(ctx: ServiceContext, raw: LaunchReplicatesInput): Promise<SweepRecord> {
  const { viewer } = await requireProjectRole(ctx, raw.projectId, 'editor');
  const input = parseInput(launchReplicatesInput, raw);
  const inputs = await checkRunInputs(ctx, input, [input.strategy]);
  const preset = resolvePreset(input.preset);
  const planned: NewRun[] = [];
  for (let k = 0; k < input.replicates; k++) {
    const config = buildRunConfig({
      strategy: input.strategy,
      preset,
      hyperparameters: input.hyperparameters,
      seed: input.seed + k,
      isSyntheticData: inputs.isSyntheticData,
    });
    checkConfigCaps(config);
    planned.push({ name: defaultRunName(input.strategy, config), strategy: input.strategy, config });
  }
  const groupName = input.name || `Replicates: ${defaultRunName(input.strategy, planned[0].config).replace(/ · seed \d+$/, '')} × ${input.replicates} seeds`;
  const sender = await trainRunSender(ctx.db, queueSettings());
  const runIds: string[] = [];
  const groupId = await ctx.db.transaction(async (tx) => {
    await checkQueueRoom(tx, inputs.projectId, planned.length);
    const [group] = await tx
      .insert(sweeps)
      .values({
        projectId: inputs.projectId,
        name: groupName,
        config: {
          replicates: input.replicates,
          strategies: [input.strategy],
          preset: preset?.id ?? null,
          hyperparameters: input.hyperparameters,
          seed: input.seed,
        },
        createdBy: viewer.userId,
      })
      .returning({ id: sweeps.id });
    for (const run of planned)
      runIds.push(await insertAndEnqueue(tx, sender, viewer, inputs, { ...run, name: `${groupName}: seed ${run.config.seed}`, sweepId: group.id }));
    await recordAudit(tx, {
      projectId: inputs.projectId,
      actorId: viewer.userId,
      action: 'replicates.launch',
      objectType: 'sweep',
      objectId: group.id,
      details: { name: groupName, runs: planned.length, strategy: input.strategy, firstSeed: input.seed },
    });
    return group.id;
  });
  const byId = new Map((await runStore.findRuns(ctx.db, runIds)).map((r) => [r.id, r]));
  return { id: groupId, name: groupName, runs: runIds.map((id) => byId.get(id)!) };
}

/**
 * More seeds of an existing run: its dataset, prior version and configuration exactly (so the analysis
 * counts them as its replicates), with seeds above the highest its replicates already use.
 */
export async function replicateRun(ctx: ServiceContext, runId: string, rawCount: unknown): Promise<SweepRecord> {
  const { viewer, projectId } = await requireRunRole(ctx, runId, 'editor');
  const count = parseInput(moreReplicatesCount, rawCount);
  const original = await runStore.findRun(ctx.db, runId);
  if (!original) throw notFound('Run');
  const [{ config }] = await ctx.db.select({ config: runs.config }).from(runs).where(eq(runs.id, runId));
  const first = (await store.highestReplicateSeed(ctx.db, runId)) + 1;
  const strategy = original.strategy as Strategy;
  const planned: NewRun[] = Array.from({ length: count }, (_, k) => {
    const seeded = { ...(config as RunConfig), seed: first + k };
    checkConfigCaps(seeded);
    return { name: `${original.name.replace(/ · seed \d+$/, '')} · seed ${first + k}`, strategy, config: seeded };
  });
  const inputs = { projectId, datasetId: original.datasetId, priorVersionId: original.priorVersionId, isSyntheticData: false };
  const groupName = `Replicates of ${original.name}`;
  const sender = await trainRunSender(ctx.db, queueSettings());
  const runIds: string[] = [];
  const groupId = await ctx.db.transaction(async (tx) => {
    await checkQueueRoom(tx, projectId, planned.length);
    const [group] = await tx
      .insert(sweeps)
      .values({
        projectId,
        name: groupName,
        config: { replicates: count, replicateOf: runId, seeds: planned.map((r) => r.config.seed) },
        createdBy: viewer.userId,
      })
      .returning({ id: sweeps.id });
    for (const run of planned) runIds.push(await insertAndEnqueue(tx, sender, viewer, inputs, { ...run, sweepId: group.id }));
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: 'replicates.launch',
      objectType: 'sweep',
      objectId: group.id,
      details: { name: groupName, runs: planned.length, replicateOf: runId },
    });
    return group.id;
  });
  const byId = new Map((await runStore.findRuns(ctx.db, runIds)).map((r) => [r.id, r]));
  return { id: groupId, name: groupName, runs: runIds.map((id) => byId.get(id)!) };
}
