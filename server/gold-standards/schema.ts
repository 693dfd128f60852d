import { builder } from '../graphql/builder';
import { pageArgDescription, pageLimits, pageOf } from '../paging';
import type { GoldEdge } from './parse';
import * as gold from './service';
import { goldStandardFormats } from './validation';

const GoldStandardFormatEnum = builder.enumType('GoldStandardFormat', {
  description:
    'edge_list: CSV/TSV regulator→target list; with a header, columns named score and sign are read by name; ' +
    'without one, the columns are regulator,target[,score][,sign]. dense_matrix: square signed matrix.',
  values: goldStandardFormats,
});

const GoldStandardEdgeRef = builder.objectRef<GoldEdge>('GoldStandardEdge').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    sign: t.exposeInt('sign', { description: '1, -1, or 0 when the source gives no sign.' }),
    score: t.exposeFloat('score', { nullable: true }),
  }),
});

const GoldStandardEdgePageRef = builder.objectRef<{ total: number; offset: number; edges: GoldEdge[] }>('GoldStandardEdgePage').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    offset: t.exposeInt('offset'),
    edges: t.expose('edges', { type: [GoldStandardEdgeRef] }),
  }),
});

export const GoldStandardRef = builder.objectRef<gold.GoldStandardRecord>('GoldStandard').implement({
  description: 'Known regulator → target interactions (e.g. ChIP-seq) to score inferred networks against.',
  fields: (t) => ({
    id: t.exposeID('id'),
    projectId: t.exposeID('projectId'),
    name: t.exposeString('name'),
    source: t.exposeString('source', { description: 'Where the interactions come from.' }),
    edgeCount: t.exposeInt('edgeCount'),
    regulatorCount: t.exposeInt('regulatorCount'),
    targetCount: t.exposeInt('targetCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdByName: t.exposeString('createdByName', { nullable: true }),
    edges: t.field({
      type: GoldStandardEdgePageRef,
      args: { gene: t.arg.string(), offset: t.arg.int({ defaultValue: 0 }), limit: t.arg.int({ defaultValue: 100, description: '1 to 5000' }) },
      resolve: (g, args, ctx) => gold.goldStandardEdgePage(ctx.db, g.id, args),
    }),
  }),
});

const GoldDatasetCoverageRef = builder.objectRef<gold.GoldDatasetCoverage>('GoldStandardDatasetCoverage').implement({
  description: 'How many gold-standard edges have both genes in one dataset (covered) and how many do not (outside).',
  fields: (t) => ({
    datasetId: t.exposeID('datasetId'),
    datasetName: t.exposeString('datasetName'),
    coveredEdges: t.exposeInt('coveredEdges'),
    outsideEdges: t.exposeInt('outsideEdges'),
  }),
});

builder.objectField(GoldStandardRef, 'datasetCoverage', (t) =>
  t.field({
    type: [GoldDatasetCoverageRef],
    description: "Its coverage of each of the project's datasets.",
    args: {
      limit: t.arg.int({ defaultValue: pageLimits.datasets.defaultLimit, description: pageArgDescription(pageLimits.datasets) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (g, args, ctx) => pageOf(await gold.goldStandardCoverage(ctx, g.id), args, pageLimits.datasets),
  }),
);

const ImportGoldStandardInput = builder.inputType('ImportGoldStandardInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true }),
    source: t.string({ defaultValue: '' }),
    format: t.field({ type: GoldStandardFormatEnum, defaultValue: 'edge_list' }),
    text: t.string({ required: true, description: 'The file content.' }),
    genes: t.string({ description: 'Gene names file (header `x`) for a dense matrix without names.' }),
  }),
});

builder.queryFields((t) => ({
  goldStandards: t.field({
    type: [GoldStandardRef],
    description: "The project's gold standards, newest first.",
    args: {
      projectId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: pageLimits.goldStandards.defaultLimit, description: pageArgDescription(pageLimits.goldStandards) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (_root, { projectId, ...page }, ctx) => pageOf(await gold.listGoldStandards(ctx, String(projectId)), page, pageLimits.goldStandards),
  }),
  goldStandard: t.field({
    type: GoldStandardRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => gold.getGoldStandard(ctx, String(id)),
  }),
}));

builder.mutationFields((t) => ({
  importGoldStandard: t.field({
    type: GoldStandardRef,
    description: 'Editors.',
    args: { input: t.arg({ type: ImportGoldStandardInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      gold.importGoldStandard(ctx, {
        ...input,
        projectId: String(input.projectId),
        source: input.source ?? undefined,
        format: input.format ?? undefined,
      }),
  }),
  deleteGoldStandard: t.boolean({
    description: 'Editors. Metrics computed against it are deleted with it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => gold.deleteGoldStandard(ctx, String(id)),
  }),
}));
