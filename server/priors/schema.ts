import { badInput } from '../errors';
import { builder } from '../graphql/builder';
import { pageArgDescription, pageLimits, pageOf } from '../paging';
import type { EdgePair, PriorEdge } from './edges';
import * as priors from './service';
import * as store from './store';
import { priorExportFormats, priorFormats } from './validation';

/** About 2 MB of CSV. */
export const maxGraphQLExportEdges = 50_000;

const PriorFormatEnum = builder.enumType('PriorFormat', {
  description: 'edge_list: CSV/TSV `regulator,target[,sign,weight,evidence]`. sif: Simple Interaction Format. dense_matrix: square regulator × target matrix.',
  values: priorFormats,
});

const PriorExportFormatEnum = builder.enumType('PriorExportFormat', { values: priorExportFormats });

const PriorEdgeOpEnum = builder.enumType('PriorEdgeOp', {
  values: ['add', 'remove', 'flip_sign', 'set_sign', 'set_evidence'] as const,
});

const PriorEdgeRef = builder.objectRef<PriorEdge>('PriorEdge').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    sign: t.exposeInt('sign', { description: '1 activation, -1 repression, 0 unknown.' }),
    weight: t.exposeFloat('weight'),
    evidence: t.exposeString('evidence'),
  }),
});

const PriorEdgePageRef = builder.objectRef<{ total: number; offset: number; edges: PriorEdge[] }>('PriorEdgePage').implement({
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Edges matching the filter, in all pages.' }),
    offset: t.exposeInt('offset'),
    edges: t.expose('edges', { type: [PriorEdgeRef] }),
  }),
});

const PriorEdgePairRef = builder.objectRef<EdgePair>('PriorEdgePair').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    from: t.expose('from', { type: PriorEdgeRef }),
    to: t.expose('to', { type: PriorEdgeRef }),
  }),
});

const PriorExportRef = builder.objectRef<priors.PriorExport>('PriorExport').implement({
  fields: (t) => ({
    filename: t.exposeString('filename'),
    contentType: t.exposeString('contentType'),
    content: t.exposeString('content'),
  }),
});

export const PriorNetworkRef = builder.objectRef<priors.PriorRecord>('PriorNetwork');
export const PriorVersionRef = builder.objectRef<priors.PriorVersionRecord>('PriorVersion');

PriorNetworkRef.implement({
  description: 'A prior network: a history of immutable versions.',
  fields: (t) => ({
    id: t.exposeID('id'),
    projectId: t.exposeID('projectId'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdByName: t.exposeString('createdByName', { nullable: true }),
    headVersion: t.field({
      type: PriorVersionRef,
      description: 'The newest version; edits name it as their base.',
      resolve: (p, _args, ctx) => store.requireVersion(ctx.db, p.headVersionId ?? ''),
    }),
    versions: t.field({
      type: [PriorVersionRef],
      description: 'Newest first.',
      args: {
        limit: t.arg.int({ defaultValue: pageLimits.priorVersions.defaultLimit, description: pageArgDescription(pageLimits.priorVersions) }),
        offset: t.arg.int({ defaultValue: 0 }),
      },
      resolve: async (p, args, ctx) => pageOf(await store.listPriorVersions(ctx.db, p.id), args, pageLimits.priorVersions),
    }),
    runCount: t.int({ description: 'Runs that use any of its versions.', resolve: (p, _args, ctx) => store.countPriorRuns(ctx.db, p.id) }),
  }),
});

PriorVersionRef.implement({
  description: 'One immutable version of a prior network.',
  fields: (t) => ({
    id: t.exposeID('id'),
    priorId: t.exposeID('priorId'),
    prior: t.field({
      type: PriorNetworkRef,
      resolve: async (v, _args, ctx) => (await store.findPrior(ctx.db, v.priorId))!,
    }),
    number: t.exposeInt('number'),
    kind: t.exposeString('kind', { description: '`import`, `edit`, `revert` or `review` (committed from reviews).' }),
    message: t.exposeString('message'),
    parentId: t.exposeID('parentId', { nullable: true }),
    parentNumber: t.exposeInt('parentNumber', { nullable: true }),
    authorId: t.exposeID('authorId', { nullable: true }),
    authorName: t.exposeString('authorName', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    edgeCount: t.exposeInt('edgeCount'),
    isHead: t.exposeBoolean('isHead'),
    genes: t.stringList({
      description: 'Genes named by its edges, sorted.',
      args: {
        limit: t.arg.int({ defaultValue: pageLimits.priorGenes.defaultLimit, description: pageArgDescription(pageLimits.priorGenes) }),
        offset: t.arg.int({ defaultValue: 0 }),
      },
      resolve: async (v, args, ctx) => pageOf(await store.versionGenes(ctx.db, v.id), args, pageLimits.priorGenes),
    }),
    edges: t.field({
      type: PriorEdgePageRef,
      description: 'Edges by regulator then target. `gene` keeps edges whose regulator or target is that gene.',
      args: { gene: t.arg.string(), offset: t.arg.int({ defaultValue: 0 }), limit: t.arg.int({ defaultValue: 100, description: '1 to 5000' }) },
      resolve: (v, args, ctx) => priors.versionEdgePage(ctx, v, args),
    }),
    export: t.field({
      type: PriorExportRef,
      description: 'The version as a file (also downloadable from /api/priors/{id}/export?format=…).',
      args: { format: t.arg({ type: PriorExportFormatEnum, required: true }) },
      resolve: (v, { format }, ctx) => {
        // A whole file inside a JSON response is held in memory twice over; large ones are downloads.
        if (v.edgeCount > maxGraphQLExportEdges) {
          throw badInput(
            `Version ${v.number} has ${v.edgeCount} edges; exports through GraphQL hold at most ${maxGraphQLExportEdges}. Download it from /api/priors/${v.id}/export?format=${format}.`,
            { field: 'format' },
          );
        }
        return priors.exportVersion(ctx, v.id, format);
      },
    }),
  }),
});

type DiffCounts = { added: number; removed: number; signChanged: number; annotationChanged: number };
const DiffCountsRef = builder.objectRef<DiffCounts>('PriorDiffCounts').implement({
  description: 'How many edges changed in each way (the lists may hold only a page of them).',
  fields: (t) => ({
    added: t.exposeInt('added'),
    removed: t.exposeInt('removed'),
    signChanged: t.exposeInt('signChanged'),
    annotationChanged: t.exposeInt('annotationChanged'),
  }),
});

const PriorDiffRef = builder.objectRef<priors.PriorDiff & { counts: DiffCounts }>('PriorDiff').implement({
  description: 'Edges added, removed, with a changed sign, or with changed weight/evidence only, from `from` to `to`.',
  fields: (t) => ({
    from: t.expose('from', { type: PriorVersionRef }),
    to: t.expose('to', { type: PriorVersionRef }),
    added: t.expose('added', { type: [PriorEdgeRef] }),
    removed: t.expose('removed', { type: [PriorEdgeRef] }),
    signChanged: t.expose('signChanged', { type: [PriorEdgePairRef] }),
    annotationChanged: t.expose('annotationChanged', { type: [PriorEdgePairRef] }),
    counts: t.expose('counts', { type: DiffCountsRef }),
  }),
});

type Mismatch = ReturnType<typeof import('./edges').geneMismatch>;
const GeneMismatchRef = builder.objectRef<Mismatch>('GeneMismatch').implement({
  description: 'Prior genes absent from a dataset, and the prior edges a run on that dataset would drop.',
  fields: (t) => ({
    priorGeneCount: t.exposeInt('priorGeneCount'),
    datasetGeneCount: t.exposeInt('datasetGeneCount'),
    matchedGeneCount: t.exposeInt('matchedGeneCount'),
    missingGenes: t.exposeStringList('missingGenes'),
    droppedEdgeCount: t.exposeInt('droppedEdgeCount'),
    keptEdgeCount: t.exposeInt('keptEdgeCount'),
  }),
});

const DatasetOverlapRef = builder.objectRef<priors.DatasetOverlap>('PriorDatasetOverlap').implement({
  description: "How a prior version's genes meet one dataset of the project.",
  fields: (t) => ({
    datasetId: t.exposeID('datasetId'),
    datasetName: t.exposeString('datasetName'),
    mismatch: t.expose('mismatch', { type: GeneMismatchRef }),
  }),
});

builder.objectField(PriorVersionRef, 'datasetOverlap', (t) =>
  t.field({
    type: [DatasetOverlapRef],
    description: "Its genes against each of the project's datasets (shown after an import).",
    args: {
      limit: t.arg.int({ defaultValue: pageLimits.datasets.defaultLimit, description: pageArgDescription(pageLimits.datasets) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (v, args, ctx) => pageOf(await priors.versionDatasetOverlap(ctx, v.id), args, pageLimits.datasets),
  }),
);

builder.objectField(PriorVersionRef, 'genesInNoDataset', (t) =>
  t.stringList({
    description: "Of the named genes (at most 200), those in none of the project's datasets (the editor warns before saving).",
    args: { genes: t.arg.stringList({ required: true }) },
    resolve: (v, args, ctx) => priors.genesInNoDataset(ctx, v.id, args.genes),
  }),
);

const ImportPriorInput = builder.inputType('ImportPriorInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true }),
    description: t.string({ defaultValue: '' }),
    format: t.field({ type: PriorFormatEnum, required: true }),
    text: t.string({ required: true, description: 'The file content.' }),
    genes: t.string({ description: 'Gene names file (header `x`) for a dense matrix without names.' }),
    message: t.string({ defaultValue: 'Imported' }),
  }),
});

const ImportPriorVersionInput = builder.inputType('ImportPriorVersionInput', {
  fields: (t) => ({
    priorId: t.id({ required: true }),
    baseVersionId: t.id({ description: 'When given, CONFLICT unless it is still the head.' }),
    format: t.field({ type: PriorFormatEnum, required: true }),
    text: t.string({ required: true }),
    genes: t.string(),
    message: t.string({ required: true }),
  }),
});

const PriorEdgeChangeInput = builder.inputType('PriorEdgeChangeInput', {
  description: 'add needs sign; set_sign needs sign; set_evidence needs evidence (weight optional).',
  fields: (t) => ({
    op: t.field({ type: PriorEdgeOpEnum, required: true }),
    regulator: t.string({ required: true }),
    target: t.string({ required: true }),
    sign: t.int(),
    weight: t.float(),
    evidence: t.string(),
  }),
});

const EditPriorInput = builder.inputType('EditPriorInput', {
  fields: (t) => ({
    baseVersionId: t.id({ required: true, description: 'The version the changes were made on; must be the head.' }),
    message: t.string({ required: true }),
    changes: t.field({ type: [PriorEdgeChangeInput], required: true }),
  }),
});

builder.queryFields((t) => ({
  priorNetworks: t.field({
    type: [PriorNetworkRef],
    description: "The project's prior networks, newest first.",
    args: {
      projectId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: pageLimits.priorNetworks.defaultLimit, description: pageArgDescription(pageLimits.priorNetworks) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (_root, { projectId, ...page }, ctx) => pageOf(await priors.listPriors(ctx, String(projectId)), page, pageLimits.priorNetworks),
  }),
  priorNetwork: t.field({
    type: PriorNetworkRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => priors.getPrior(ctx, String(id)),
  }),
  priorVersion: t.field({
    type: PriorVersionRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => priors.getPriorVersion(ctx, String(id)),
  }),
  priorDiff: t.field({
    type: PriorDiffRef,
    description: 'Each list of changes holds at most `limit` entries (after `offset`); the counts are complete.',
    args: {
      fromVersionId: t.arg.id({ required: true }),
      toVersionId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: pageLimits.priorDiff.defaultLimit, description: pageArgDescription(pageLimits.priorDiff) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (_root, args, ctx) => {
      const diff = await priors.diffVersions(ctx, String(args.fromVersionId), String(args.toVersionId));
      const page = <T>(items: T[]) => pageOf(items, args, pageLimits.priorDiff);
      return {
        ...diff,
        counts: {
          added: diff.added.length,
          removed: diff.removed.length,
          signChanged: diff.signChanged.length,
          annotationChanged: diff.annotationChanged.length,
        },
        added: page(diff.added),
        removed: page(diff.removed),
        signChanged: page(diff.signChanged),
        annotationChanged: page(diff.annotationChanged),
      };
    },
  }),
  geneMismatch: t.field({
    type: GeneMismatchRef,
    args: { versionId: t.arg.id({ required: true }), datasetId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => priors.priorGeneMismatch(ctx, String(args.versionId), String(args.datasetId)),
  }),
}));

const optional = <T>(v: T | null | undefined) => v ?? undefined;

builder.mutationFields((t) => ({
  importPrior: t.field({
    type: PriorNetworkRef,
    description: 'Editors. A new prior network whose version 1 is the file.',
    args: { input: t.arg({ type: ImportPriorInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      priors.importPrior(ctx, { ...input, projectId: String(input.projectId), description: optional(input.description), message: optional(input.message) }),
  }),
  importPriorVersion: t.field({
    type: PriorVersionRef,
    description: 'Editors. The file becomes the next version of the prior.',
    args: { input: t.arg({ type: ImportPriorVersionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      priors.importPriorVersion(ctx, {
        ...input,
        priorId: String(input.priorId),
        baseVersionId: input.baseVersionId == null ? null : String(input.baseVersionId),
      }),
  }),
  editPrior: t.field({
    type: PriorVersionRef,
    description: 'Editors. The changes, applied in order to the base version, become one new version. CONFLICT when someone saved a newer version meanwhile.',
    args: { input: t.arg({ type: EditPriorInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      priors.editPrior(ctx, {
        baseVersionId: String(input.baseVersionId),
        message: input.message,
        changes: input.changes.map((c) => ({ ...c, sign: optional(c.sign), weight: optional(c.weight), evidence: optional(c.evidence) })),
      }),
  }),
  revertPrior: t.field({
    type: PriorVersionRef,
    description: 'Editors. A new head version equal to the given version.',
    args: { versionId: t.arg.id({ required: true }), baseVersionId: t.arg.id(), message: t.arg.string() },
    resolve: (_root, args, ctx) =>
      priors.revertPrior(ctx, {
        versionId: String(args.versionId),
        baseVersionId: args.baseVersionId == null ? null : String(args.baseVersionId),
        message: args.message,
      }),
  }),
  deletePrior: t.boolean({
    description: 'Editors. CONFLICT while runs use any of its versions.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => priors.deletePrior(ctx, String(id)),
  }),
}));
