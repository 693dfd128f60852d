import { getNullableType, isListType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema';

/** The lists issue 17 names: each takes `limit` (with a default the app relies on) and `offset`. */
const paged = [
  'Query.projects',
  'Dataset.genes',
  'Dataset.trajectories',
  'Run.epochs',
  'PriorNetwork.versions',
  'PriorVersion.genes',
  'Query.priorDiff',
  'Project.members',
  'Query.datasets',
  'Query.goldStandards',
  'Query.priorNetworks',
  'Query.myTokens',
  'PriorVersion.datasetOverlap',
  'GoldStandard.datasetCoverage',
  'Query.syntheticBenchmarks',
  'Project.sweeps',
];

/**
 * Lists without their own `limit`, each with why its size is bounded. A new list field must either
 * page or be added here with its reason; the open ones are listed for a follow-up.
 */
const boundedElsewhere: Record<string, string> = {
  'PriorEdgePage.edges': 'sized by priorVersion.edges(limit ≤ 5000)',
  'GoldStandardEdgePage.edges': 'sized by goldStandard.edges(limit)',
  'PriorDiff.added': 'sized by priorDiff(limit)',
  'PriorDiff.removed': 'sized by priorDiff(limit)',
  'PriorDiff.signChanged': 'sized by priorDiff(limit)',
  'PriorDiff.annotationChanged': 'sized by priorDiff(limit)',
  'RunNetwork.edges': 'topK ≤ NETWORK_MAX_EDGES (≤ 200,000)',
  'RunNetwork.nodes': 'genes of at most NETWORK_MAX_EDGES edges',
  'RunNetwork.goldEdges': 'at most 2000',
  'EffectsHeatmap.regulators': 'the genes of a top-k network',
  'EffectsHeatmap.targets': 'the genes of a top-k network',
  'EffectsHeatmap.values': 'regulators × targets of a top-k network',
  'TrajectorySeries.times': 'one trajectory (≤ 20 genes × 50 trajectories per preview)',
  'TrajectorySeries.values': 'one trajectory (≤ 20 genes × 50 trajectories per preview)',
  'Query.trajectoryPreview': 'at most 20 genes × 50 trajectories',
  'Query.runStrategies': 'a fixed list',
  'Query.runPresets': 'a fixed list',
  'Sweep.runs': 'at most 64 runs per sweep',
  'Sweep.settings': 'the ≤ 3 settings a launch varies (strategy, λ₁, λ₂; or seed)',
  'SweepSetting.values': 'one per run of the group at most (≤ 64)',
  'Sweep.statusCounts': 'one per run status (5)',
  'ComparedEdgePage.items': 'sized by EdgeComparison.shared/onlyA/onlyB(limit ≤ 500)',
  'RunComparison.rows': 'the run ids the caller names',
  'RunMetrics.unknownReferenceGenes': 'first 100',
  'Run.storedMetrics': 'one per gold standard of the project (follow-up: page)',
  'GeneMismatch.missingGenes': 'prior genes a dataset lacks (follow-up: page)',
  'AuditEventPage.items': 'sized by activityPage(limit)',
  'NotificationPage.items': 'sized by notifications(limit ≤ 100)',
  'ReviewQueuePage.items': 'sized by reviewQueue(limit ≤ 200)',
  'ReplicateAnalysis.replicates': "the finished runs of one run's configuration over seeds (follow-up: page)",
  'UnsupportedPriorEdgePage.items': 'sized by ReplicateAnalysis.unsupported(limit ≤ 500)',
  'CandidateEdgePage.items': 'sized by ReplicateAnalysis.candidates(limit ≤ 500)',
  'ConsensusEdgePage.items': 'sized by ReplicateAnalysis.consensus(limit ≤ 500)',
  'Run.levels': 'one per pruning level of the run (≤ epochs / pruning interval + 2)',
  'LevelNetwork.edges': 'sized by runLevelNetwork(limit ≤ 5000)',
  'BulkVerdictResult.updated': 'the ≤ 500 edges of one bulk verdict',
  'BulkVerdictResult.conflicts': 'the ≤ 500 edges of one bulk verdict',
  'EdgeComment.mentions': 'members named in one comment (≤ 10,000 characters)',
  'EdgeComment.revisions': "one comment's edits (follow-up: page)",
  'Verdict.evidence': 'at most maxEvidenceEntries per verdict (server/reviews/validation.ts)',
  'VerdictChange.evidence': 'at most maxEvidenceEntries per verdict (server/reviews/validation.ts)',
  'ProposedEdgeChange.reviewers': "one edge's reviewers (project members)",
  'ReviewProposal.add': "one project's reviewed edges (follow-up: page)",
  'ReviewProposal.remove': "one project's reviewed edges (follow-up: page)",
  'ReviewProposal.flip': "one project's reviewed edges (follow-up: page)",
  'ReviewedEdge.verdicts': 'one per reviewer (project members)',
  'ReviewedEdge.history': "one edge's verdict changes (follow-up: page)",
  'ReviewedEdge.comments': "one edge's threads (follow-up: page)",
  'ReviewedEdge.acrossRuns': 'one per run of the project (follow-up: page)',
  'ReviewedEdge.priorVersions': 'prior versions committed from reviews that changed this edge',
  'ReviewedEdge.inPriorVersionIds': 'one per prior network of the project',
  'ReviewedEdge.goldStandardIds': 'one per gold standard of the project',
  'Run.goldStandardFits': 'one per gold standard of the project',
  'PriorVersion.genesInNoDataset': 'a subset of the ≤ 200 genes the caller names',
  'SyntheticBenchmark.timePoints': 'at most BENCHMARK_FIELDS.timePoints.maxCount (100)',
};

describe('list fields page with a maximum', () => {
  const fields = Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) => Object.values((type as import('graphql').GraphQLObjectType).getFields()).map((f) => ({ name: `${type.name}.${f.name}`, field: f })));

  it.each(paged)('%s takes limit (with a default) and offset', (name) => {
    const field = fields.find((f) => f.name === name)!.field;
    expect(field.args.find((a) => a.name === 'limit')?.defaultValue).toBeGreaterThan(0);
    expect(field.args.find((a) => a.name === 'offset')?.defaultValue).toBe(0);
  });

  it('every other list field is bounded for a stated reason', () => {
    const unpaged = fields.filter(({ field }) => isListType(getNullableType(field.type)) && !field.args.some((a) => a.name === 'limit')).map((f) => f.name);
    expect(unpaged.filter((name) => !(name in boundedElsewhere))).toEqual([]);
  });
});
