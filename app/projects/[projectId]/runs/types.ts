/** Queries and shapes shared by the runs pages (server: server/runs/schema.ts); the types come from the documents. */
import { type EnumOf, graphql, type ResultOf } from '@/app/lib/graphql';

export type RunStatus = EnumOf<'RunStatus'>;
export type Strategy = EnumOf<'Strategy'>;

export const PROGRESS_FIELDS = graphql(`
  fragment RunProgressFields on RunProgress @_unmask {
    phase epoch totalEpochs fraction step stepsPerEpoch trainLoss valLoss sparsity bestEpoch bestValLoss keptEpoch
    lastPruningEpoch resumedFromEpoch attempt updatedAt
  }
`);
export const SUMMARY_FIELDS = graphql(`
  fragment RunSummaryFields on RunSummary @_unmask {
    sparsity valMse testMse epochsRun bestEpoch secondsPerEpoch stoppedEarly inferredEdges provenance
  }
`);
export const METRICS_FIELDS = graphql(`
  fragment RunMetricsFields on RunMetrics @_unmask {
    goldStandardId goldStandardName computedAt balancedAccuracy balancedAccuracyRegulators precision recall f1 auroc aupr epr
    sparsityOfPrediction signAccuracy tp fp tn fn referenceEdges predictedEdges referenceEdgesOutside unknownReferenceGenes
    unknownReferenceGeneCount
  }
`);
export type RunProgress = ResultOf<typeof PROGRESS_FIELDS>;
export type RunMetrics = ResultOf<typeof METRICS_FIELDS>;

export const RUNS = graphql(
  `
  query Runs($projectId: ID!) {
    runs(projectId: $projectId) {
      id name strategy strategyLabel lambda1 lambda2 status datasetName priorName priorVersionNumber sweepId sweepName seed
      createdAt finishedAt createdByName error
      progress { ...RunProgressFields }
      summary { ...RunSummaryFields }
      storedMetrics { goldStandardId goldStandardName balancedAccuracy auroc aupr }
    }
  }
`,
  [PROGRESS_FIELDS, SUMMARY_FIELDS],
);
export type RunListItem = ResultOf<typeof RUNS>['runs'][number];

export const GOLD_STANDARDS = graphql(`
  query RunGoldStandards($projectId: ID!) { goldStandards(projectId: $projectId) { id name edgeCount } }
`);
export type GoldStandardOption = ResultOf<typeof GOLD_STANDARDS>['goldStandards'][number];

export const isActive = (status: RunStatus) => status === 'queued' || status === 'running';

export const STATUS_BADGE: Record<RunStatus, string> = {
  queued: 'badge',
  running: 'badge badge-primary',
  succeeded: 'badge badge-ok',
  failed: 'badge badge-danger',
  cancelled: 'badge badge-warn',
};

export function formatLambda(run: { lambda1: number | null; lambda2: number | null }): string {
  return run.lambda1 === null || run.lambda2 === null ? '—' : `(${run.lambda1}, ${run.lambda2})`;
}

export const fmt = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined ? '—' : v.toFixed(digits));
export const pct = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`);
export const sci = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toExponential(2));
