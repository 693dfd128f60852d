/**
 * The metric columns of the runs, compare, group and gold-standard views, written once: a short header
 * for tables, the long name (header tooltip, panels) and how values print. Keys are RunMetrics fields,
 * plus the run summary's sparsity and test MSE.
 */
export interface MetricColumn {
  /** Table header. */
  short: string;
  /** Panels and the header's tooltip. */
  long: string;
  format: (v: number | null | undefined) => string;
}

const fixed =
  (digits: number) =>
  (v: number | null | undefined): string =>
    v === null || v === undefined ? '—' : v.toFixed(digits);
const percent = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const scientific = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toExponential(2));

export const METRIC_COLUMNS = {
  sparsity: { short: 'Sparsity', long: 'Sparsity (fraction of pruned weights)', format: percent },
  balancedAccuracy: { short: 'Bal. acc.', long: 'Balanced accuracy', format: fixed(3) },
  balancedAccuracyRegulators: { short: 'Bal. acc. (reg.)', long: 'Balanced accuracy (regulator rows)', format: fixed(3) },
  precision: { short: 'Precision', long: 'Precision', format: fixed(3) },
  recall: { short: 'Recall', long: 'Recall', format: fixed(3) },
  f1: { short: 'F1', long: 'F1', format: fixed(3) },
  auroc: { short: 'AUROC', long: 'AUROC', format: fixed(3) },
  aupr: { short: 'AUPR', long: 'AUPR', format: fixed(3) },
  epr: { short: 'EPR', long: 'Early precision ratio', format: fixed(2) },
  signAccuracy: { short: 'Sign acc.', long: 'Sign accuracy of true positives', format: fixed(3) },
  testMse: { short: 'Test MSE', long: 'Test MSE', format: scientific },
} as const satisfies Record<string, MetricColumn>;

export type MetricKey = keyof typeof METRIC_COLUMNS;

/** The columns of a metrics table, in the order the views show them. */
export const SCORE_COLUMNS = [
  'balancedAccuracy',
  'balancedAccuracyRegulators',
  'precision',
  'recall',
  'auroc',
  'aupr',
  'epr',
] as const satisfies readonly MetricKey[];
