/**
 * Each account's own copy of the demo project, seeded when its owner asks for it ("Open the demo project"):
 * SIM350 (the DASH paper's synthetic benchmark, shipped gzip'd in compute/fixtures/sim350), its prior at 5%
 * noise, the true network as gold standard, and the finished DASH and IMP runs precomputed by
 * scripts/precompute-demo.ts (nothing is trained here, so seeding takes seconds). No shared demo account.
 *
 * Idempotent per owner: every piece is looked up by name first and only created when missing, so a seed that
 * was interrupted half-way completes on the next request, and asking again returns the same project.
 * Other modules may add to the demo (e.g. example reviews) through `demoSeedSteps`.
 */
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { readSim350File as readSim350FileIn, type Sim350File } from '@/compute/train';
import { effectsFromModel, withExplicitRules } from '@/compute';
import type { Database } from '@/db/client';
import { datasets, goldStandards, memberships, priorNetworks, priorVersions, projects, runs, sweeps } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext, Viewer } from '../context';
import { uploadDataset } from '../datasets/service';
import { importGoldStandard } from '../gold-standards/service';
import { createLogger, type Logger } from '../log';
import { importPrior } from '../priors/service';
import { createProject } from '../projects/service';
import { getRunMetrics } from '../runs/metrics';
import { insertRun } from '../runs/writes';
import { rankEffects, saveEpochs, saveInferredEdges } from '../run-execution/results';
import { saveLevelNetworks } from '../run-execution/level-networks-store';
import { DEMO_RUNS, decodeLevel, readDemoRunFiles, type LoadedDemoRun } from './demo-runs';
import { seedDemoReviews } from './reviews';

export const DEMO_PROJECT_NAME = 'SIM350 demo';
/** Inside the web app's bundle a module cannot find its own folder; the app runs from the repository root. */
const SIM350_DIR = path.join(process.cwd(), 'compute', 'fixtures', 'sim350');
const DATASET_NAME = 'SIM350 (150 train/val + 10 test trajectories)';
const PRIOR_NAME = 'SIM350 prior, 5% noise';
const GOLD_NAME = 'SIM350 true network';

/** What a seeding step gets: the owner's context and the demo's pieces, all created by then. */
export interface DemoSeedState {
  ctx: ServiceContext;
  projectId: string;
  datasetId: string;
  priorVersionId: string;
  goldStandardId: string;
  runIds: string[];
}

export interface SeedDemoOptions {
  /** The account that owns the demo copy. */
  owner: Viewer;
  log?: Logger;
  demoRunsDir?: string;
  /** Extra steps after the core demo (idempotent like the rest). */
  extraSteps?: ((state: DemoSeedState) => Promise<void>)[];
}

/** Seeds (or completes) the owner's demo project and returns its id. */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<{ projectId: string }> {
  const log = options.log ?? createLogger('demo');
  const viewer = options.owner;
  const ctx: ServiceContext = { db, log, viewer };
  const projectId = (await findDemoProject(db, viewer.userId)) ?? (await createDemoProject(ctx));
  const readSim350File = (name: Sim350File) => readSim350FileIn(name, SIM350_DIR);
  const genesText = readSim350File('genes.csv');

  const datasetId =
    (await findId(db, datasets, projectId, DATASET_NAME)) ??
    (
      await uploadDataset(ctx, {
        projectId,
        name: DATASET_NAME,
        description:
          'SIM350, the synthetic benchmark of the DASH paper: 350 yeast genes, 550 true edges, noise-free simulated ' +
          'trajectories at t = 0, 2, 3, 7, 9. Public data of QuackenbushLab (MIT License); see compute/fixtures/sim350/SOURCE.md.',
        format: 'trajectory-csv',
        data: readSim350File('train_val_150traj.csv.gz'),
        genes: genesText,
        testData: readSim350File('test_10traj.csv.gz'),
        isSynthetic: true,
      })
    ).id;

  let priorVersionId = await priorHead(db, projectId);
  if (!priorVersionId) {
    const prior = await importPrior(ctx, {
      projectId,
      name: PRIOR_NAME,
      description: 'The true network with 4.9% of its edges moved to random positions (SIM350 prior_matrix_noise_0.025).',
      format: 'dense_matrix',
      text: readSim350File('prior_matrix_noise_0.025.csv.gz'),
      genes: genesText,
      message: 'SIM350 prior_matrix_noise_0.025',
    });
    priorVersionId = prior.headVersionId!;
  }

  const goldStandardId =
    (await findId(db, goldStandards, projectId, GOLD_NAME)) ??
    (
      await importGoldStandard(ctx, {
        projectId,
        name: GOLD_NAME,
        source: 'SIM350 ground truth (prior_matrix_noise_0.0), QuackenbushLab DASH / PHOENIX, MIT License',
        format: 'dense_matrix',
        text: readSim350File('prior_matrix_noise_0.0.csv.gz'),
        genes: genesText,
      })
    ).id;

  const [dataset] = await db.select({ genes: datasets.genes }).from(datasets).where(eq(datasets.id, datasetId));
  const runIds: string[] = [];
  const files = readDemoRunFiles(options.demoRunsDir);
  for (const file of files) {
    const existing = await findId(db, runs, projectId, file.name);
    if (existing) {
      runIds.push(existing);
      continue;
    }
    const sweepId = file.group ? await demoGroup(ctx, projectId, file.group) : null;
    const runId = await insertDemoRun(db, viewer, { projectId, datasetId, priorVersionId, genes: dataset.genes, sweepId }, file);
    await getRunMetrics(ctx, runId, goldStandardId);
    runIds.push(runId);
  }
  // The review loop under way on the DASH run, so a newcomer sees verdicts, a dispute and a version from reviews.
  const reviewRunId =
    runIds[
      Math.max(
        0,
        files.findIndex((f) => f.strategy === 'dash'),
      )
    ];
  if (reviewRunId) await seedDemoReviews(ctx, { projectId, runId: reviewRunId, priorVersionId, goldStandardId });
  for (const step of options.extraSteps ?? []) await step({ ctx, projectId, datasetId, priorVersionId, goldStandardId, runIds });
  return { projectId };
}

/** The owner's demo project: one they own, created by the demo seed. */
export async function findDemoProject(db: Database, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(memberships, and(eq(memberships.projectId, projects.id), eq(memberships.userId, userId), eq(memberships.role, 'owner')))
    .where(and(eq(projects.createdBy, userId), eq(projects.name, DEMO_PROJECT_NAME)))
    .limit(1);
  return row?.id ?? null;
}

async function createDemoProject(ctx: ServiceContext): Promise<string> {
  const project = await createProject(ctx, {
    name: DEMO_PROJECT_NAME,
    description:
      'The DASH paper’s synthetic benchmark, ready to explore: the dataset, a prior with 5% noise, the true network as ' +
      'gold standard, and finished DASH and IMP runs. Compare them, look at the networks, or launch your own runs.',
  });
  await recordAudit(ctx.db, { projectId: project.id, actorId: ctx.viewer!.userId, action: 'demo.open', objectType: 'project', objectId: project.id });
  return project.id;
}

type Named = typeof datasets | typeof goldStandards | typeof runs;

async function findId(db: Database, table: Named, projectId: string, name: string): Promise<string | null> {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.projectId, projectId), eq(table.name, name)));
  return row?.id ?? null;
}

/** The demo's replicate group (a sweep, as "Launch replicates" makes one), created with its first run. */
async function demoGroup(ctx: ServiceContext, projectId: string, name: string): Promise<string> {
  const [found] = await ctx.db
    .select({ id: sweeps.id })
    .from(sweeps)
    .where(and(eq(sweeps.projectId, projectId), eq(sweeps.name, name)));
  if (found) return found.id;
  const seeds = DEMO_RUNS.filter((r) => r.group === name).map((r) => r.seed);
  const [group] = await ctx.db
    .insert(sweeps)
    .values({
      projectId,
      name,
      config: { replicates: seeds.length, strategies: ['dash'], preset: 'synthetic', hyperparameters: {}, seed: Math.min(...seeds) },
      createdBy: ctx.viewer!.userId,
    })
    .returning({ id: sweeps.id });
  return group.id;
}

/** Version 1 of the demo prior: the one the demo runs were trained with (later versions come from reviews). */
async function priorHead(db: Database, projectId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: priorVersions.id })
    .from(priorNetworks)
    .innerJoin(priorVersions, and(eq(priorVersions.priorId, priorNetworks.id), eq(priorVersions.number, 1)))
    .where(and(eq(priorNetworks.projectId, projectId), eq(priorNetworks.name, PRIOR_NAME)));
  return row?.id ?? null;
}

/** A finished run as a worker would have stored it, marked as trained offline by the precompute script. */
async function insertDemoRun(
  db: Database,
  viewer: Viewer,
  inputs: { projectId: string; datasetId: string; priorVersionId: string; genes: string[]; sweepId: string | null },
  file: LoadedDemoRun,
): Promise<string> {
  const effects = effectsFromModel(file.model); // validates the weights file first
  if (file.model.genes.join('\u0000') !== inputs.genes.join('\u0000')) {
    throw new Error(`The demo run ${file.id} was trained on other genes than the demo dataset holds.`);
  }
  const edges = rankEffects(effects, inputs.genes);
  const last = file.history.at(-1);
  const best = file.history.find((h) => h.epoch === file.summary.bestEpoch);
  const provenance =
    `Trained offline by ${file.trainedWith} on ${file.trainedAt.slice(0, 10)} (code ${file.codeVersion.slice(0, 12)}, ` +
    `${file.backend} backend, ${Math.round(file.wallSeconds)} s); relaunch it to train it again here.`;
  return db.transaction(async (tx) => {
    const runId = await insertRun(tx, {
      projectId: inputs.projectId,
      name: file.name,
      datasetId: inputs.datasetId,
      priorVersionId: inputs.priorVersionId,
      sweepId: inputs.sweepId,
      strategy: file.strategy,
      // The files predate stored rules: name the ones they were trained with, so a relaunch repeats them.
      config: withExplicitRules(file.config),
      seed: file.seed,
      codeVersion: file.codeVersion,
      status: 'succeeded',
      progress: {
        phase: 'done',
        epoch: last?.epoch ?? 0,
        totalEpochs: file.config.epochs,
        trainLoss: last?.trainLoss,
        valLoss: last?.valLoss,
        sparsity: last?.sparsity,
        bestEpoch: best?.epoch,
        bestValLoss: best?.valLoss,
      },
      summary: { ...file.summary, inferredEdges: edges.length, genes: inputs.genes.length, provenance, workerId: `offline:${file.trainedWith}` },
      model: file.model,
      workerId: `offline:${file.trainedWith}`,
      attempts: 1,
      createdBy: viewer.userId,
      startedAt: new Date(new Date(file.trainedAt).getTime() - file.wallSeconds * 1000),
      finishedAt: new Date(file.trainedAt),
    });
    await saveEpochs(tx, runId, file.history);
    await saveInferredEdges(tx, runId, edges);
    if (file.levels) await saveLevelNetworks(tx, runId, file.levels.map(decodeLevel));
    await recordAudit(tx, {
      projectId: inputs.projectId,
      actorId: viewer.userId,
      action: 'run.import_demo',
      objectType: 'run',
      objectId: runId,
      details: { name: file.name, trainedWith: file.trainedWith, codeVersion: file.codeVersion, edges: edges.length },
    });
    return runId;
  });
}
