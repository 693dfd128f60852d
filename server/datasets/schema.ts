import { builder } from '../graphql/builder';
import { pageArgDescription, pageLimits, pageOf } from '../paging';
import * as datasets from './service';

const DatasetFormatEnum = builder.enumType('DatasetFormat', {
  description:
    "trajectory_csv: the authors' trajectory CSV with a gene names file. tidy_csv: long `gene,trajectory,time,value`. " +
    'matrix_pseudotime: genes × samples matrix with a pseudotime file (one trajectory per lineage).',
  values: {
    trajectory_csv: { value: 'trajectory-csv' },
    tidy_csv: { value: 'tidy-csv' },
    matrix_pseudotime: { value: 'matrix-pseudotime' },
  } as const,
});

const DatasetTrajectoryRef = builder.objectRef<datasets.TrajectorySummary>('DatasetTrajectory').implement({
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position in the upload, from 0.' }),
    role: t.exposeString('role', { description: '`train` (training and validation) or `test` (held out).' }),
    timeCount: t.exposeInt('timeCount'),
    tStart: t.exposeFloat('tStart'),
    tEnd: t.exposeFloat('tEnd'),
  }),
});

export const DatasetRef = builder.objectRef<datasets.DatasetRecord>('Dataset').implement({
  description: 'Expression time series of one project.',
  fields: (t) => ({
    id: t.exposeID('id'),
    projectId: t.exposeID('projectId'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    format: t.field({ type: DatasetFormatEnum, resolve: (d) => d.format }),
    geneCount: t.exposeInt('geneCount'),
    trajectoryCount: t.exposeInt('trajectoryCount'),
    trainTrajectoryCount: t.int({ resolve: (d) => d.trajectoryCount - d.testTrajectoryCount }),
    testTrajectoryCount: t.exposeInt('testTrajectoryCount'),
    isSynthetic: t.exposeBoolean('isSynthetic', { description: 'Noise-free synthetic data; runs may add σ noise at load.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdByName: t.exposeString('createdByName', { nullable: true }),
    genes: t.stringList({
      description: 'Gene names in column order; `search` filters by case-insensitive substring.',
      args: {
        search: t.arg.string(),
        limit: t.arg.int({ defaultValue: pageLimits.datasetGenes.defaultLimit, description: pageArgDescription(pageLimits.datasetGenes) }),
        offset: t.arg.int({ defaultValue: 0 }),
      },
      resolve: (d, { search, limit, offset }) => pageOf(datasets.searchGenes(d, search), { limit, offset }, pageLimits.datasetGenes),
    }),
    variableGenes: t.stringList({
      description: 'The genes that change most along the first trajectory, most first (for a preview).',
      args: { limit: t.arg.int({ defaultValue: 3, description: '1 to 50' }) },
      resolve: (d, { limit }, ctx) => datasets.mostVariableGenes(ctx.db, d, limit ?? 3),
    }),
    trajectories: t.field({
      type: [DatasetTrajectoryRef],
      args: {
        limit: t.arg.int({ defaultValue: pageLimits.trajectories.defaultLimit, description: pageArgDescription(pageLimits.trajectories) }),
        offset: t.arg.int({ defaultValue: 0 }),
      },
      resolve: async (d, args, ctx) => pageOf(await datasets.listTrajectories(ctx.db, d.id), args, pageLimits.trajectories),
    }),
    runCount: t.int({
      description: 'Runs that use this dataset; it cannot be deleted while any do.',
      resolve: (d, _args, ctx) => datasets.countDatasetRuns(ctx.db, d.id),
    }),
  }),
});

const TrajectorySeriesRef = builder.objectRef<datasets.TrajectorySeries>('TrajectorySeries').implement({
  description: "One gene's values along one trajectory.",
  fields: (t) => ({
    trajectory: t.exposeInt('trajectory'),
    role: t.exposeString('role'),
    gene: t.exposeString('gene'),
    times: t.exposeFloatList('times'),
    values: t.field({ type: ['Float'], nullable: { list: false, items: true }, description: 'null where missing.', resolve: (s) => s.values }),
  }),
});

const UploadDatasetInput = builder.inputType('UploadDatasetInput', {
  description: 'Files are sent as their text content.',
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true }),
    description: t.string({ defaultValue: '' }),
    format: t.field({ type: DatasetFormatEnum, required: true }),
    data: t.string({ required: true, description: 'The trajectory CSV, tidy CSV or genes × samples matrix.' }),
    genes: t.string({ description: 'Gene names file (header `x`); required for trajectory_csv.' }),
    pseudotime: t.string({ description: 'Pseudotime file; required for matrix_pseudotime.' }),
    testData: t.string({ description: 'Optional separate test file in the same format; its trajectories get the role `test`.' }),
    testPseudotime: t.string({ description: 'Pseudotime file of the test matrix (matrix_pseudotime only).' }),
    testLastTrajectories: t.int({ defaultValue: 0, description: 'Or: hold out the last k uploaded trajectories as test.' }),
    isSynthetic: t.boolean({ defaultValue: false }),
  }),
});

builder.queryFields((t) => ({
  datasets: t.field({
    type: [DatasetRef],
    description: "The project's datasets, newest first.",
    args: {
      projectId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: pageLimits.datasets.defaultLimit, description: pageArgDescription(pageLimits.datasets) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (_root, { projectId, ...page }, ctx) => pageOf(await datasets.listDatasets(ctx, String(projectId)), page, pageLimits.datasets),
  }),
  dataset: t.field({
    type: DatasetRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => datasets.getDataset(ctx, String(id)),
  }),
  trajectoryPreview: t.field({
    type: [TrajectorySeriesRef],
    description: 'Values of up to 20 genes along up to 50 trajectories (by index), for a plot.',
    args: {
      datasetId: t.arg.id({ required: true }),
      genes: t.arg.stringList({ required: true }),
      trajectories: t.arg.intList({ required: true }),
    },
    resolve: (_root, args, ctx) => datasets.trajectoryPreview(ctx, String(args.datasetId), args.genes, args.trajectories),
  }),
}));

builder.mutationFields((t) => ({
  uploadDataset: t.field({
    type: DatasetRef,
    description: 'Editors. Malformed files fail with BAD_USER_INPUT carrying field, line and column; nothing is stored.',
    args: { input: t.arg({ type: UploadDatasetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      datasets.uploadDataset(ctx, {
        ...input,
        projectId: String(input.projectId),
        description: input.description ?? undefined,
        testLastTrajectories: input.testLastTrajectories ?? undefined,
        isSynthetic: input.isSynthetic ?? undefined,
      }),
  }),
  deleteDataset: t.boolean({
    description: 'Editors. CONFLICT while runs use the dataset.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => datasets.deleteDataset(ctx, String(id)),
  }),
}));
