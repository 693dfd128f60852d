import { builder } from '../graphql/builder';
import { RunRef } from '../runs/schema';
import * as levels from './service';

const RunLevelRef = builder.objectRef<levels.RunLevel>('RunLevel').implement({
  description: 'One pruning level of a run: its best-validation model, whose network is stored.',
  fields: (t) => ({
    level: t.exposeInt('level'),
    firstEpoch: t.exposeInt('firstEpoch'),
    lastEpoch: t.exposeInt('lastEpoch'),
    bestEpoch: t.exposeInt('bestEpoch'),
    sparsity: t.exposeFloat('sparsity'),
    valMse: t.exposeFloat('valMse'),
    valSe: t.exposeFloat('valSe', { nullable: true }),
    testMse: t.exposeFloat('testMse', { nullable: true }),
    edgeCount: t.exposeInt('edgeCount'),
    kept: t.exposeBoolean('kept', { description: 'The level of the model the run kept.' }),
  }),
});

builder.objectField(RunRef, 'levels', (t) =>
  t.field({
    type: [RunLevelRef],
    description: 'Pruning levels with a stored network (runs trained since issue 16; a resumed run lacks the levels before its resume).',
    resolve: (r, _a, ctx) => levels.runLevels(ctx, r.id),
  }),
);

const LevelEdgeRef = builder.objectRef<levels.LevelNetwork['edges'][number]>('LevelEdge').implement({
  fields: (t) => ({ regulator: t.exposeString('regulator'), target: t.exposeString('target'), effect: t.exposeFloat('effect'), rank: t.exposeInt('rank') }),
});

const LevelScoresRef = builder.objectRef<levels.LevelScores>('LevelScores').implement({
  fields: (t) => ({
    goldStandardId: t.exposeID('goldStandardId'),
    precision: t.exposeFloat('precision'),
    recall: t.exposeFloat('recall'),
    f1: t.exposeFloat('f1'),
    balancedAccuracy: t.exposeFloat('balancedAccuracy'),
    auroc: t.exposeFloat('auroc'),
    aupr: t.exposeFloat('aupr'),
    epr: t.exposeFloat('epr', { nullable: true }),
    referenceEdges: t.exposeInt('referenceEdges'),
  }),
});

const LevelNetworkRef = builder.objectRef<levels.LevelNetwork>('LevelNetwork').implement({
  fields: (t) => ({
    level: t.field({ type: RunLevelRef, resolve: (l) => l.level }),
    edges: t.field({ type: [LevelEdgeRef], description: 'Strongest first.', resolve: (l) => l.edges }),
    total: t.exposeInt('total'),
    offset: t.exposeInt('offset'),
    limit: t.exposeInt('limit'),
    scores: t.field({ type: LevelScoresRef, nullable: true, resolve: (l) => l.scores }),
  }),
});

builder.queryFields((t) => ({
  runLevelNetwork: t.field({
    type: LevelNetworkRef,
    description: 'Viewers. The network of a pruning level’s best model, one page, with its scores against a gold standard when named.',
    args: {
      runId: t.arg.id({ required: true }),
      level: t.arg.int({ required: true }),
      goldStandardId: t.arg.id(),
      offset: t.arg.int({ defaultValue: 0 }),
      limit: t.arg.int({ defaultValue: 200, description: '1 to 5000' }),
    },
    resolve: (_r, a, ctx) =>
      levels.levelNetwork(ctx, {
        runId: String(a.runId),
        level: a.level,
        goldStandardId: a.goldStandardId == null ? null : String(a.goldStandardId),
        offset: a.offset ?? undefined,
        limit: a.limit ?? undefined,
      }),
  }),
}));
