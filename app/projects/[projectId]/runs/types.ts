/** Shapes and queries shared by the runs pages (server: server/runs/schema.ts). */
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type Strategy = 'none' | 'imp' | 'bioprune' | 'dash' | 'pinn' | 'pinn_mp';

export interface RunProgress {
  phase: string;
  epoch: number;
  totalEpochs: number;
  fraction: number;
  step: number | null;
  stepsPerEpoch: number | null;
  trainLoss: number | null;
  valLoss: number | null;
  sparsity: number | null;
  bestEpoch: number | null;
  bestValLoss: number | null;
  keptEpoch: number | null;
  lastPruningEpoch: number | null;
  resumedFromEpoch: number | null;
  attempt: number | null;
  updatedAt: string | null;
}

export interface RunSummary {
  sparsity: number | null;
  valMse: number | null;
  testMse: number | null;
  epochsRun: number | null;
  bestEpoch: number | null;
  secondsPerEpoch: number | null;
  stoppedEarly: boolean | null;
  inferredEdges: number | null;
  provenance: string | null;
}

export interface RunMetrics {
  goldStandardId: string;
  goldStandardName: string;
  computedAt: string;
  balancedAccuracy: number | null;
  balancedAccuracyRegulators: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  auroc: number | null;
  aupr: number | null;
  epr: number | null;
  sparsityOfPrediction: number | null;
  signAccuracy: number | null;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  referenceEdges: number;
  predictedEdges: number;
  referenceEdgesOutside: number;
  unknownReferenceGenes: string[];
  unknownReferenceGeneCount: number;
}

export interface RunListItem {
  id: string;
  name: string;
  strategy: Strategy;
  strategyLabel: string;
  lambda1: number | null;
  lambda2: number | null;
  status: RunStatus;
  datasetName: string;
  priorName: string | null;
  priorVersionNumber: number | null;
  sweepName: string | null;
  seed: number;
  createdAt: string;
  finishedAt: string | null;
  createdByName: string | null;
  error: string | null;
  progress: RunProgress | null;
  summary: RunSummary | null;
  storedMetrics: Pick<RunMetrics, 'goldStandardId' | 'goldStandardName' | 'balancedAccuracy' | 'auroc' | 'aupr'>[];
}

export const PROGRESS_FIELDS = `phase epoch totalEpochs fraction step stepsPerEpoch trainLoss valLoss sparsity bestEpoch bestValLoss keptEpoch
  lastPruningEpoch resumedFromEpoch attempt updatedAt`;
export const SUMMARY_FIELDS = 'sparsity valMse testMse epochsRun bestEpoch secondsPerEpoch stoppedEarly inferredEdges provenance';
export const METRICS_FIELDS = `goldStandardId goldStandardName computedAt balancedAccuracy balancedAccuracyRegulators precision recall f1 auroc aupr epr
  sparsityOfPrediction signAccuracy tp fp tn fn referenceEdges predictedEdges referenceEdgesOutside unknownReferenceGenes unknownReferenceGeneCount`;

export const RUNS = /* GraphQL */ `
  query Runs($projectId: ID!) {
    runs(projectId: $projectId) {
      id name strategy strategyLabel lambda1 lambda2 status datasetName priorName priorVersionNumber sweepName seed
      createdAt finishedAt createdByName error
      progress { ${PROGRESS_FIELDS} }
      summary { ${SUMMARY_FIELDS} }
      storedMetrics { goldStandardId goldStandardName balancedAccuracy auroc aupr }
    }
  }
`;

export const GOLD_STANDARDS = /* GraphQL */ `
  query RunGoldStandards($projectId: ID!) { goldStandards(projectId: $projectId) { id name edgeCount } }
`;
export interface GoldStandardOption {
  id: string;
  name: string;
  edgeCount: number;
}

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
