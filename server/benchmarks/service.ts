import { BENCHMARK_FIELDS, MAX_BENCHMARK_VALUES } from '@/compute';
import { recordAudit } from '../audit/service';
import { requireProjectRole } from '../authz/access';
import { requireInProject } from '../authz/in-project';
import type { ServiceContext } from '../context';
import { badInput, notFound } from '../errors';
import { type PageArgs, pageLimits, readPage } from '../paging';
import { findVersion, versionGenes } from '../priors/store';
import { queueSettings, syntheticBenchmarkSender } from '../queue';
import { parseInput } from '../validation';
import { type BenchmarkRecord, findBenchmark, insertBenchmark, listProjectBenchmarks, setBenchmarkJob } from './store';
import { type CreateSyntheticBenchmarkInput, createSyntheticBenchmarkInput } from './validation';

/**
 * Queues a SIM-style benchmark of a prior version's network. The record and its job commit together;
 * a worker (worker.ts) simulates it and stores the dataset and the true network as a gold standard.
 * Input a worker would only refuse later (an empty network, too many genes, too many values) is refused here.
 */
export async function createSyntheticBenchmark(ctx: ServiceContext, input: CreateSyntheticBenchmarkInput): Promise<BenchmarkRecord> {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'editor');
  const v = parseInput(createSyntheticBenchmarkInput, input);
  await requireInProject(ctx, v.projectId, 'priorVersion', v.priorVersionId);
  const version = await findVersion(ctx.db, v.priorVersionId);
  if (!version) throw notFound('Prior version');
  if (version.edgeCount === 0) throw badInput('This prior version has no edges: there is no network to simulate.', { field: 'priorVersionId' });
  const genes = await versionGenes(ctx.db, v.priorVersionId);
  const maxGenes = BENCHMARK_FIELDS.genes.max;
  if (genes.length > maxGenes) {
    throw badInput(`The network has ${genes.length.toLocaleString('en')} genes; a benchmark simulates at most ${maxGenes.toLocaleString('en')}.`, {
      field: 'priorVersionId',
    });
  }
  if (genes.length < BENCHMARK_FIELDS.genes.min) {
    throw badInput(`The network has ${genes.length} gene; a benchmark needs at least ${BENCHMARK_FIELDS.genes.min}.`, { field: 'priorVersionId' });
  }
  const values = v.trajectories * v.timePoints.length * genes.length;
  if (values > MAX_BENCHMARK_VALUES) {
    throw badInput(
      `${v.trajectories} trajectories × ${v.timePoints.length} time points × ${genes.length} genes is ${values.toLocaleString('en')} values; ` +
        `a benchmark stores at most ${MAX_BENCHMARK_VALUES.toLocaleString('en')}. Ask for fewer trajectories or time points.`,
      { field: 'trajectories' },
    );
  }

  const sender = await syntheticBenchmarkSender(ctx.db, queueSettings());
  const id = await ctx.db.transaction(async (tx) => {
    const benchmarkId = await insertBenchmark(tx, {
      projectId: v.projectId,
      name: v.name,
      priorVersionId: v.priorVersionId,
      trajectories: v.trajectories,
      timePoints: v.timePoints,
      noise: v.noise,
      seed: v.seed,
      createdBy: viewer.userId,
    });
    await setBenchmarkJob(tx, benchmarkId, await sender.enqueue(tx, { benchmarkId }));
    await recordAudit(tx, {
      projectId: v.projectId,
      actorId: viewer.userId,
      action: 'synthetic_benchmark.create',
      objectType: 'synthetic_benchmark',
      objectId: benchmarkId,
      details: { name: v.name, priorVersionId: v.priorVersionId, trajectories: v.trajectories, timePoints: v.timePoints, noise: v.noise, seed: v.seed },
    });
    return benchmarkId;
  });
  const record = await findBenchmark(ctx.db, id);
  if (!record) throw notFound('Synthetic benchmark');
  return record;
}

/** The project's benchmarks, newest first, a page at a time. */
export async function listSyntheticBenchmarks(ctx: ServiceContext, projectId: string, page: PageArgs): Promise<BenchmarkRecord[]> {
  await requireProjectRole(ctx, projectId, 'viewer');
  return listProjectBenchmarks(ctx.db, projectId, readPage(page, pageLimits.syntheticBenchmarks));
}
