'use client';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { METRIC_COLUMNS, type MetricKey } from '@/app/lib/metric-columns';
import { METRICS_FIELDS, type GoldStandardOption, type RunMetrics } from '../types';

const COMPUTE = graphql(
  `
  query RunMetrics($id: ID!, $gold: ID!) { run(id: $id) { metrics(goldStandardId: $gold) { ...RunMetricsFields } } }
`,
  [METRICS_FIELDS],
);

const ROWS = [
  'balancedAccuracy',
  'balancedAccuracyRegulators',
  'precision',
  'recall',
  'f1',
  'auroc',
  'aupr',
  'epr',
  'signAccuracy',
] as const satisfies readonly (MetricKey & keyof RunMetrics)[];

/** Scores against a gold standard of the project: computed on request on the server, then kept. */
export function MetricsPanel({
  runId,
  stored,
  goldStandards,
  goldStandardId,
  onGoldStandard,
  onComputed,
}: {
  runId: string;
  stored: RunMetrics[];
  goldStandards: GoldStandardOption[];
  goldStandardId: string;
  onGoldStandard(id: string): void;
  onComputed(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const current = stored.find((m) => m.goldStandardId === goldStandardId);

  async function compute() {
    setBusy(true);
    setError(undefined);
    try {
      await gql(COMPUTE, { id: runId, gold: goldStandardId });
      await onComputed();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (goldStandards.length === 0) {
    return <p className="muted">Import a gold standard in the project to score this run against it.</p>;
  }
  return (
    <div className="stack">
      <div className="form-row">
        <div className="field">
          <label htmlFor="metrics-gold">Gold standard</label>
          <select id="metrics-gold" value={goldStandardId} onChange={(e) => onGoldStandard(e.target.value)}>
            {goldStandards.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.edgeCount} edges)
              </option>
            ))}
          </select>
        </div>
        {!current ? (
          <div className="form-row-action">
            <button type="button" className="btn btn-primary" onClick={compute} disabled={busy || !goldStandardId}>
              {busy ? 'Computing…' : 'Compute metrics'}
            </button>
          </div>
        ) : null}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {current ? (
        <>
          <table className="table metrics-table">
            <tbody>
              {ROWS.map((key) => (
                <tr key={key}>
                  <th scope="row">{METRIC_COLUMNS[key].long}</th>
                  <td className="num">{METRIC_COLUMNS[key].format(current[key])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">TP / FP / TN / FN</th>
                <td className="num nowrap">
                  {current.tp} / {current.fp} / {current.tn} / {current.fn}
                </td>
              </tr>
              <tr>
                <th scope="row">Reference edges in the dataset</th>
                <td className="num">{current.referenceEdges}</td>
              </tr>
            </tbody>
          </table>
          {current.referenceEdgesOutside > 0 ? (
            <p className="muted small">
              {current.referenceEdgesOutside} gold-standard edges were left out because a gene of theirs is not in the dataset (
              {current.unknownReferenceGenes.slice(0, 8).join(', ')}
              {current.unknownReferenceGeneCount > 8 ? `, and ${current.unknownReferenceGeneCount - 8} more` : ''}).
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted small">Not computed against this gold standard yet; it takes a moment and is kept afterwards.</p>
      )}
    </div>
  );
}
