import { builder } from '../graphql/builder';
import * as comparisons from './service';

const ComparedSideRef = builder.objectRef<comparisons.ComparedSide>('ComparedNetwork').implement({
  fields: (t) => ({
    runId: t.exposeID('runId'),
    runName: t.exposeString('runName'),
    level: t.exposeInt('level', { nullable: true, description: 'Null: the network the run kept.' }),
    edgeCount: t.exposeInt('edgeCount'),
  }),
});

const ComparedEdgeRef = builder.objectRef<comparisons.ComparedEdge>('ComparedEdge').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    effectA: t.exposeFloat('effectA', { nullable: true }),
    effectB: t.exposeFloat('effectB', { nullable: true }),
    sameSign: t.exposeBoolean('sameSign', { nullable: true, description: 'Shared edges: both effects have the same sign.' }),
  }),
});

const ComparedEdgePageRef = builder.objectRef<comparisons.ComparedEdgePage>('ComparedEdgePage').implement({
  fields: (t) => ({
    items: t.field({ type: [ComparedEdgeRef], resolve: (p) => p.items }),
    total: t.exposeInt('total'),
    offset: t.exposeInt('offset'),
    limit: t.exposeInt('limit'),
  }),
});

const TopKOverlapRef = builder.objectRef<comparisons.EdgeComparison['overlap']['topK']>('TopKOverlap').implement({
  description: 'The k strongest edges (by |effect|) of each network compared.',
  fields: (t) => ({
    k: t.exposeInt('k'),
    inA: t.exposeInt('inA', { description: 'min(k, A’s edges).' }),
    inB: t.exposeInt('inB'),
    intersection: t.exposeInt('intersection'),
    union: t.exposeInt('union'),
    jaccard: t.exposeFloat('jaccard', { nullable: true, description: '|A ∩ B| / |A ∪ B|; null when both are empty.' }),
  }),
});

const EdgeComparisonRef = builder.objectRef<comparisons.EdgeComparison>('EdgeComparison').implement({
  description: 'Two networks compared edge by edge.',
  fields: (t) => {
    const list = (which: 'shared' | 'onlyA' | 'onlyB', description: string) =>
      t.field({
        type: ComparedEdgePageRef,
        description,
        args: { offset: t.arg.int({ defaultValue: 0 }), limit: t.arg.int({ defaultValue: 50, description: '1 to 500' }) },
        resolve: (c, a) => comparisons.edgesPage(c, which, { offset: a.offset ?? undefined, limit: a.limit ?? undefined }),
      });
    return {
      a: t.field({ type: ComparedSideRef, resolve: (c) => c.a }),
      b: t.field({ type: ComparedSideRef, resolve: (c) => c.b }),
      sharedCount: t.int({ resolve: (c) => c.overlap.shared.length }),
      sameSignCount: t.int({ description: 'Shared edges whose effects agree in sign.', resolve: (c) => c.overlap.sameSign }),
      oppositeSignCount: t.int({ resolve: (c) => c.overlap.oppositeSign }),
      onlyACount: t.int({ resolve: (c) => c.overlap.onlyA.length }),
      onlyBCount: t.int({ resolve: (c) => c.overlap.onlyB.length }),
      jaccard: t.float({ nullable: true, description: 'Jaccard overlap of all edges; null when both networks are empty.', resolve: (c) => c.overlap.jaccard }),
      topK: t.field({ type: TopKOverlapRef, resolve: (c) => c.overlap.topK }),
      shared: list('shared', 'Edges in both, by the larger |effect|.'),
      onlyA: list('onlyA', 'Edges only A has, strongest first.'),
      onlyB: list('onlyB', 'Edges only B has, strongest first.'),
    };
  },
});

const NetworkChoiceInput = builder.inputType('NetworkChoiceInput', {
  description: 'A run’s network: the one it kept, or the best model of one pruning level (Run.levels).',
  fields: (t) => ({ runId: t.id({ required: true }), level: t.int({ description: 'Omit for the kept network.' }) }),
});

builder.queryFields((t) => ({
  compareEdges: t.field({
    type: EdgeComparisonRef,
    description: 'Viewers. Two networks of the project edge by edge: shared, only in one, and the Jaccard overlap of each one’s top k.',
    args: {
      projectId: t.arg.id({ required: true }),
      a: t.arg({ type: NetworkChoiceInput, required: true }),
      b: t.arg({ type: NetworkChoiceInput, required: true }),
      k: t.arg.int({ defaultValue: 100, description: 'How many of the strongest edges of each the top-k overlap compares.' }),
    },
    resolve: (_r, args, ctx) =>
      comparisons.compareEdges(ctx, {
        projectId: String(args.projectId),
        a: { runId: String(args.a.runId), level: args.a.level },
        b: { runId: String(args.b.runId), level: args.b.level },
        k: args.k ?? undefined,
      }),
  }),
}));
