import { BENCHMARK_FIELDS, type BenchmarkFieldKey } from '@/compute';
import { builder } from '../graphql/builder';
import { pageArgDescription, pageLimits } from '../paging';
import * as benchmarks from './service';
import type { BenchmarkProgress, BenchmarkRecord } from './store';

const SyntheticBenchmarkStatusEnum = builder.enumType('SyntheticBenchmarkStatus', {
  values: ['queued', 'running', 'succeeded', 'failed'] as const,
});

const SyntheticBenchmarkProgressRef = builder.objectRef<BenchmarkProgress>('SyntheticBenchmarkProgress').implement({
  fields: (t) => ({
    phase: t.exposeString('phase', { description: 'queued, simulating, saving, done or failed.' }),
    trajectoriesDone: t.exposeInt('trajectoriesDone'),
    trajectories: t.exposeInt('trajectories'),
  }),
});

const describe = (key: BenchmarkFieldKey) => BENCHMARK_FIELDS[key].reason;

export const SyntheticBenchmarkRef = builder.objectRef<BenchmarkRecord>('SyntheticBenchmark').implement({
  description: 'A SIM-style benchmark simulated from a prior version’s network: a dataset plus its true network as a gold standard.',
  fields: (t) => ({
    id: t.exposeID('id'),
    projectId: t.exposeID('projectId'),
    name: t.exposeString('name'),
    priorId: t.exposeID('priorId', { nullable: true }),
    priorName: t.exposeString('priorName', { nullable: true }),
    priorVersionId: t.exposeID('priorVersionId', { nullable: true, description: 'null once the prior was deleted.' }),
    priorVersionNumber: t.exposeInt('priorVersionNumber', { nullable: true }),
    trajectories: t.exposeInt('trajectories', { description: describe('trajectories') }),
    timePoints: t.exposeFloatList('timePoints', { description: describe('timePoints') }),
    noise: t.exposeFloat('noise', { description: describe('noise') }),
    seed: t.exposeInt('seed', { description: describe('seed') }),
    status: t.field({ type: SyntheticBenchmarkStatusEnum, resolve: (b) => (b.status === 'cancelled' ? 'failed' : b.status) }),
    progress: t.field({ type: SyntheticBenchmarkProgressRef, nullable: true, resolve: (b) => b.progress }),
    error: t.exposeString('error', { nullable: true }),
    datasetId: t.exposeID('datasetId', { nullable: true, description: 'The stored dataset once the benchmark succeeded (null again if deleted).' }),
    datasetName: t.exposeString('datasetName', { nullable: true }),
    goldStandardId: t.exposeID('goldStandardId', { nullable: true, description: 'The true network, stored as a gold standard.' }),
    goldStandardName: t.exposeString('goldStandardName', { nullable: true }),
    geneCount: t.exposeInt('geneCount', { nullable: true }),
    edgeCount: t.exposeInt('edgeCount', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdByName: t.exposeString('createdByName', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryFields((t) => ({
  syntheticBenchmarks: t.field({
    type: [SyntheticBenchmarkRef],
    description: "The project's synthetic benchmarks, newest first.",
    args: {
      projectId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: pageLimits.syntheticBenchmarks.defaultLimit, description: pageArgDescription(pageLimits.syntheticBenchmarks) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_root, { projectId, ...page }, ctx) => benchmarks.listSyntheticBenchmarks(ctx, String(projectId), page),
  }),
}));

builder.mutationFields((t) => ({
  createSyntheticBenchmark: t.field({
    type: SyntheticBenchmarkRef,
    description:
      'Editors. Queues a simulation of the prior version’s network with random SIM kinetics; a worker stores the dataset and the true network ' +
      '(a gold standard) together. BAD_USER_INPUT for an empty network, too many genes or values, or options out of bounds.',
    args: {
      projectId: t.arg.id({ required: true }),
      priorVersionId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      trajectories: t.arg.int({ description: describe('trajectories') }),
      timePoints: t.arg.floatList({ description: describe('timePoints') }),
      noise: t.arg.float({ description: describe('noise') }),
      seed: t.arg.int({ description: describe('seed') }),
    },
    resolve: (_root, args, ctx) =>
      benchmarks.createSyntheticBenchmark(ctx, {
        projectId: String(args.projectId),
        priorVersionId: String(args.priorVersionId),
        name: args.name,
        trajectories: args.trajectories ?? undefined,
        timePoints: args.timePoints ?? undefined,
        noise: args.noise ?? undefined,
        seed: args.seed ?? undefined,
      }),
  }),
}));
