import { fieldValuesOf } from '@/compute';
import { HYPERPARAMETERS, type HyperparameterKey, type LrResetChoice, type SelectionChoice } from './launch-options';

/** The part of a run's record the launch form can start from (GraphQL `Run`). */
export interface RunRecordForPrefill {
  name: string;
  strategy: string;
  datasetId: string;
  priorId: string | null;
  priorVersionId: string | null;
  seed: number;
  config: Record<string, unknown>;
}

export interface LaunchPrefill {
  datasetId: string;
  priorId: string;
  versionId: string;
  strategy: string;
  values: Record<HyperparameterKey, string>;
  selection: SelectionChoice;
  lrReset: LrResetChoice;
  seed: string;
  name: string;
}

const num = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/**
 * The launch form's fields from a stored run, so "Edit and relaunch" starts from exactly what the run
 * trained with (its stored configuration, not today's defaults) and the user changes only what they mean to.
 */
export function prefillFromRun(run: RunRecordForPrefill): LaunchPrefill {
  const c = run.config;
  const fromConfig: Record<string, unknown> = fieldValuesOf(c);
  const keys = [...HYPERPARAMETERS.map((h) => h.key), 'lambda1', 'lambda2'] as HyperparameterKey[];
  const values = Object.fromEntries(keys.map((k) => [k, num(fromConfig[k])])) as Record<HyperparameterKey, string>;
  return {
    datasetId: run.datasetId,
    priorId: run.priorId ?? '',
    versionId: run.priorVersionId ?? '',
    strategy: run.strategy,
    values,
    selection: c.selection === 'best' ? 'best' : 'one_se',
    lrReset: c.lrReset === 'initial' ? 'initial' : 'reference',
    seed: String(run.seed),
    name: `${run.name} (edited)`,
  };
}
