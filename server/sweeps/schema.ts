import { builder } from '../graphql/builder';
import { pageArgDescription, pageLimits } from '../paging';
import { ProjectRef } from '../projects/schema';
import { RunStatusEnum, SweepRef } from '../runs/schema';
import * as sweeps from './service';

const SweepKindEnum = builder.enumType('SweepKind', {
  values: {
    sweep: { description: 'Strategies and a λ grid launched together.' },
    replicates: { description: 'One configuration trained with several seeds.' },
  } as const,
});

const SweepSettingRef = builder.objectRef<{ name: string; values: string[] }>('SweepSetting').implement({
  description: 'A launch setting of the group and its values, in launch order.',
  fields: (t) => ({ name: t.exposeString('name'), values: t.exposeStringList('values') }),
});

const SweepStatusCountRef = builder
  .objectRef<{ status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'; count: number }>('SweepStatusCount')
  .implement({
    fields: (t) => ({ status: t.field({ type: RunStatusEnum, resolve: (s) => s.status }), count: t.exposeInt('count') }),
  });

// Fields on the Sweep type the launches already return (server/runs/schema.ts), so both answer the same shape.
builder.objectFields(SweepRef, (t) => ({
  projectId: t.id({ resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).projectId }),
  kind: t.field({ type: SweepKindEnum, resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).kind }),
  summary: t.string({ description: 'What varies across the runs, in words.', resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).summary }),
  settings: t.field({
    type: [SweepSettingRef],
    description: 'The settings the runs differ in (a sweep: strategy, λ₁, λ₂; replicates: seed).',
    resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).settings,
  }),
  replicateOfRunId: t.id({
    nullable: true,
    description: 'The run a “more seeds” group replicates.',
    resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).replicateOfRunId,
  }),
  runCount: t.int({ resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).runCount }),
  statusCounts: t.field({
    type: [SweepStatusCountRef],
    description: 'Runs per status (statuses with none left out).',
    resolve: (s, _a, ctx) => sweeps.statusCounts(ctx, s),
  }),
  createdAt: t.field({ type: 'DateTime', resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).createdAt }),
  createdByName: t.string({ nullable: true, resolve: async (s, _a, ctx) => (await sweeps.groupDetails(ctx, s)).createdByName }),
}));

builder.objectField(ProjectRef, 'sweeps', (t) =>
  t.field({
    type: [SweepRef],
    description: 'Groups of runs (sweeps and replicate groups), newest first.',
    args: {
      limit: t.arg.int({ defaultValue: pageLimits.sweeps.defaultLimit, description: pageArgDescription(pageLimits.sweeps) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (p, args, ctx) => sweeps.projectSweeps(ctx, p.id, args),
  }),
);

builder.queryFields((t) => ({
  sweep: t.field({
    type: SweepRef,
    description: 'Viewers. A group of runs: what it is and its runs.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => sweeps.getSweep(ctx, String(id)),
  }),
}));
