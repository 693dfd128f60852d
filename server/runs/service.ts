import { eq } from 'drizzle-orm';
import { datasets, sweeps } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext, Transaction, Viewer } from '../context';
import { badInput, DomainError, notFound } from '../errors';
import { loadPriorMatrix } from '../priors/load';
import { requireProjectRole, requireRoleForObject, type ProjectRole, type ProjectScoped } from '../authz/access';
import { requireInProject } from '../authz/in-project';
import { queueSettings, trainRunSender, type TrainRunSender } from '../queue';
import { parseInput } from '../validation';
import { lambdaGrid, planSweep, strategyReads, TRAIN_FIELD_DEFAULTS, withExplicitRules } from '@/compute';
import { codeVersion } from './code-version';
import { checkConfigCaps, checkQueueRoom, checkSweepSize } from './limits';
import { buildRunConfig, effectiveLambda, resolvePreset, type RunConfig } from './config';
import * as store from './store';
import * as writes from './writes';
import {
  launchRunInput,
  launchSweepInput,
  listRunsInput,
  strategiesNeedingPrior,
  strategyLabels,
  type LaunchRunInput,
  type LaunchSweepInput,
  type Strategy,
} from './validation';

export type { RunRecord } from './store';

/** Authorises access to a run by its id; unknown ids and other projects' runs answer the same NOT_FOUND. */
export async function requireRunRole(ctx: ServiceContext, runId: string, needed: ProjectRole) {
  const projectId = await store.runProjectId(ctx.db, runId);
  const access = await requireRoleForObject(ctx, 'Run', projectId, needed);
  return { ...access, projectId: projectId! };
}

export async function getRun(ctx: ServiceContext, runId: string): Promise<store.RunRecord> {
  await requireRunRole(ctx, runId, 'viewer');
  const run = await store.findRun(ctx.db, runId);
  if (!run) throw notFound('Run');
  return run;
}

export async function listRuns(ctx: ServiceContext, raw: ProjectScoped): Promise<store.RunRecord[]> {
  await requireProjectRole(ctx, raw.projectId, 'viewer');
  const input = parseInput(listRunsInput, raw);
  return store.listProjectRuns(ctx.db, input.projectId, input);
}

export async function listEpochs(ctx: ServiceContext, runId: string): Promise<store.RunEpochRecord[]> {
  await requireRunRole(ctx, runId, 'viewer');
  return store.listRunEpochs(ctx.db, runId);
}

export interface RunInputs {
  projectId: string;
  datasetId: string;
  priorVersionId: string | null;
  isSyntheticData: boolean;
}

/** The dataset and the prior version must belong to the run's project; the prior must touch the dataset's genes. */
export async function checkRunInputs(
  ctx: ServiceContext,
  input: { projectId: string; datasetId: string; priorVersionId?: string | null },
  strategiesUsed: readonly Strategy[],
): Promise<RunInputs> {
  await requireInProject(ctx, input.projectId, 'dataset', input.datasetId);
  const [dataset] = await ctx.db.select({ genes: datasets.genes, isSynthetic: datasets.isSynthetic }).from(datasets).where(eq(datasets.id, input.datasetId));
  const priorVersionId = input.priorVersionId || null;
  const needing = strategiesUsed.filter((s) => strategiesNeedingPrior.has(s));
  if (!priorVersionId) {
    if (needing.length) {
      throw badInput(`${needing.map((s) => strategyLabels[s]).join(', ')} needs a prior network version.`, { field: 'priorVersionId' });
    }
    return { projectId: input.projectId, datasetId: input.datasetId, priorVersionId: null, isSyntheticData: dataset.isSynthetic };
  }
  await requireInProject(ctx, input.projectId, 'priorVersion', priorVersionId);
  const { matrix } = await loadPriorMatrix(ctx.db, priorVersionId, dataset.genes);
  if (!matrix.data.some((v) => v !== 0)) {
    throw badInput('The prior version has no edge between genes of this dataset; check that both name genes the same way.', {
      field: 'priorVersionId',
    });
  }
  return { projectId: input.projectId, datasetId: input.datasetId, priorVersionId, isSyntheticData: dataset.isSynthetic };
}

export interface NewRun {
  name: string;
  strategy: Strategy;
  config: RunConfig;
  sweepId?: string | null;
  relaunchOfId?: string | null;
}

export async function insertAndEnqueue(tx: Transaction, sender: TrainRunSender, viewer: Viewer, inputs: RunInputs, run: NewRun): Promise<string> {
  const runId = await writes.insertRun(tx, {
    projectId: inputs.projectId,
    name: run.name,
    datasetId: inputs.datasetId,
    priorVersionId: inputs.priorVersionId,
    sweepId: run.sweepId ?? null,
    relaunchOfId: run.relaunchOfId ?? null,
    strategy: run.strategy,
    config: run.config,
    seed: run.config.seed,
    codeVersion: codeVersion(),
    status: 'queued',
    progress: { phase: 'queued', epoch: 0, totalEpochs: run.config.epochs },
    createdBy: viewer.userId,
  });
  await writes.setJob(tx, runId, await sender.enqueue(tx, { runId }));
  return runId;
}

export function defaultRunName(strategy: Strategy, config: RunConfig): string {
  const lambda = strategyReads(strategy, 'lambda') ? effectiveLambda(strategy, config) : null;
  const pinn = strategyReads(strategy, 'pinnLambda') && config.pinnLambda !== undefined ? ` λd ${config.pinnLambda}` : '';
  return `${strategyLabels[strategy]}${lambda ? ` λ (${lambda[0]}, ${lambda[1]})` : ''}${pinn} · seed ${config.seed}`;
}

export async function launchRun(ctx: ServiceContext, raw: LaunchRunInput): Promise<store.RunRecord> {
  const { viewer } = await requireProjectRole(ctx, raw.projectId, 'editor');
  const input = parseInput(launchRunInput, raw);
  const inputs = await checkRunInputs(ctx, input, [input.strategy]);
  const preset = resolvePreset(input.preset);
  const config = buildRunConfig({ ...input, preset, isSyntheticData: inputs.isSyntheticData });
  checkConfigCaps(config);
  const name = input.name || defaultRunName(input.strategy, config);
  const sender = await trainRunSender(ctx.db, queueSettings());
  const runId = await ctx.db.transaction(async (tx) => {
    await checkQueueRoom(tx, inputs.projectId, 1);
    const id = await insertAndEnqueue(tx, sender, viewer, inputs, { name, strategy: input.strategy, config });
    await recordAudit(tx, {
      projectId: inputs.projectId,
      actorId: viewer.userId,
      action: 'run.launch',
      objectType: 'run',
      objectId: id,
      details: { name, strategy: input.strategy, datasetId: inputs.datasetId, priorVersionId: inputs.priorVersionId, seed: config.seed },
    });
    return id;
  });
  return (await store.findRun(ctx.db, runId))!;
}

export interface SweepRecord {
  id: string;
  name: string;
  runs: store.RunRecord[];
}

/** Every strategy once, DASH once per (λ₁, λ₂) of the grid; all runs share one sweep and one seed. */
export async function launchSweep(ctx: ServiceContext, raw: LaunchSweepInput): Promise<SweepRecord> {
  const { viewer } = await requireProjectRole(ctx, raw.projectId, 'editor');
  const input = parseInput(launchSweepInput, raw);
  const inputs = await checkRunInputs(ctx, input, input.strategies);
  const preset = resolvePreset(input.preset);
  const lambdas = lambdaGrid(
    input.lambda1Values ?? [input.hyperparameters.lambda1 ?? preset?.lambda[0] ?? TRAIN_FIELD_DEFAULTS.lambda1],
    input.lambda2Values ?? [input.hyperparameters.lambda2 ?? preset?.lambda[1] ?? TRAIN_FIELD_DEFAULTS.lambda2],
  );
  const planned: NewRun[] = planSweep({ strategies: input.strategies, lambdas, seeds: [input.seed] }).map(({ strategy, lambda, seed }) => {
    const hyperparameters = lambda ? { ...input.hyperparameters, lambda1: lambda[0], lambda2: lambda[1] } : input.hyperparameters;
    const config = buildRunConfig({ strategy, preset, hyperparameters, seed, isSyntheticData: inputs.isSyntheticData });
    return { name: defaultRunName(strategy, config), strategy, config };
  });
  checkSweepSize(planned.length);
  for (const run of planned) checkConfigCaps(run.config);
  const sweepName = input.name || `Sweep of ${planned.length} runs`;
  const sender = await trainRunSender(ctx.db, queueSettings());
  const runIds: string[] = [];
  const sweepId = await ctx.db.transaction(async (tx) => {
    await checkQueueRoom(tx, inputs.projectId, planned.length);
    const [sweep] = await tx
      .insert(sweeps)
      .values({
        projectId: inputs.projectId,
        name: sweepName,
        config: {
          strategies: input.strategies,
          lambda1Values: input.lambda1Values,
          lambda2Values: input.lambda2Values,
          preset: preset?.id ?? null,
          hyperparameters: input.hyperparameters,
          seed: input.seed,
        },
        createdBy: viewer.userId,
      })
      .returning({ id: sweeps.id });
    for (const run of planned) {
      runIds.push(await insertAndEnqueue(tx, sender, viewer, inputs, { ...run, name: `${sweepName}: ${run.name}`, sweepId: sweep.id }));
    }
    await recordAudit(tx, {
      projectId: inputs.projectId,
      actorId: viewer.userId,
      action: 'sweep.launch',
      objectType: 'sweep',
      objectId: sweep.id,
      details: { name: sweepName, runs: planned.length, strategies: input.strategies },
    });
    return sweep.id;
  });
  const byId = new Map((await store.findRuns(ctx.db, runIds)).map((r) => [r.id, r]));
  return { id: sweepId, name: sweepName, runs: runIds.map((id) => byId.get(id)!) };
}

/** A new run from the record of an old one: same dataset, prior version, configuration and seed. */
export async function relaunchRun(ctx: ServiceContext, runId: string): Promise<store.RunRecord> {
  const { viewer, projectId } = await requireRunRole(ctx, runId, 'editor');
  const original = await store.findRun(ctx.db, runId);
  if (!original) throw notFound('Run');
  const config = await store.findRunConfig(ctx.db, runId);
  if (!config) throw notFound('Run');
  const inputs: RunInputs = {
    projectId,
    datasetId: original.datasetId,
    priorVersionId: original.priorVersionId,
    isSyntheticData: false,
  };
  const name = `${original.name.replace(/ \(relaunch( \d+)?\)$/, '')} (relaunch)`;
  const sender = await trainRunSender(ctx.db, queueSettings());
  checkConfigCaps(config);
  const id = await ctx.db.transaction(async (tx) => {
    await checkQueueRoom(tx, projectId, 1);
    const newId = await insertAndEnqueue(tx, sender, viewer, inputs, {
      name,
      strategy: original.strategy as Strategy,
      // Named from now on: a record without the rules was trained with RULES_WHEN_ABSENT, not today's defaults.
      config: withExplicitRules(config as RunConfig),
      relaunchOfId: original.id,
    });
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: 'run.relaunch',
      objectType: 'run',
      objectId: newId,
      details: { relaunchOf: original.id, name },
    });
    return newId;
  });
  return (await store.findRun(ctx.db, id))!;
}

export async function cancelRun(ctx: ServiceContext, runId: string): Promise<store.RunRecord> {
  const { viewer, projectId } = await requireRunRole(ctx, runId, 'editor');
  await ctx.db.transaction(async (tx) => {
    const result = await writes.requestCancel(tx, runId);
    if (!result) {
      const run = await store.findRun(tx, runId);
      throw new DomainError('CONFLICT', `The run has already ${run?.status === 'succeeded' ? 'finished' : run?.status}; there is nothing to cancel.`);
    }
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: 'run.cancel',
      objectType: 'run',
      objectId: runId,
      // The name lets the activity page say which run was cancelled.
      details: { name: result.name, statusAfter: result.status },
    });
  });
  return (await store.findRun(ctx.db, runId))!;
}
