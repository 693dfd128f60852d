'use client';
import Link from 'next/link';
import { graphql } from '@/app/lib/graphql';
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { MetricHeader } from '@/app/components/metric-header';
import { METRIC_COLUMNS, SCORE_COLUMNS } from '@/app/lib/metric-columns';
import { formatLambda, GOLD_STANDARDS, RUNS } from '../runs/types';
import { EdgeComparison } from './edge-comparison';
import { SparsityScatter } from './scatter';

const COMPARE = graphql(`
  query CompareRuns($projectId: ID!, $runIds: [ID!]!, $goldStandardId: ID!) {
    compareRuns(projectId: $projectId, runIds: $runIds, goldStandardId: $goldStandardId) {
      goldStandardName
      rows {
        run { id name strategyLabel lambda1 lambda2 seed summary { testMse } }
        sparsity
        metrics { balancedAccuracy balancedAccuracyRegulators precision recall auroc aupr epr predictedEdges }
      }
    }
  }
`);

export function CompareView({ initialRuns, edgeA, edgeB }: { initialRuns?: string[]; edgeA?: string; edgeB?: string } = {}) {
  const { projectId, error: projectError } = useProject();
  const runs = useGql(RUNS, { projectId });
  const gold = useGql(GOLD_STANDARDS, { projectId });
  const finished = useMemo(() => (runs.data?.runs ?? []).filter((r) => r.status === 'succeeded'), [runs.data]);
  const [selected, setSelected] = useState<string[] | null>(null);
  const [goldStandardId, setGoldStandardId] = useState('');

  useEffect(() => {
    if (selected === null && runs.data) {
      const named = initialRuns?.filter((id) => finished.some((r) => r.id === id));
      setSelected(named?.length ? named : finished.slice(0, 12).map((r) => r.id));
    }
  }, [runs.data, finished, selected, initialRuns]);
  // The gold standard that fits the chosen runs best: each run's scores list its best fit first, and a
  // gold standard sharing no edge with a run is never scored against it.
  useEffect(() => {
    if (goldStandardId || !gold.data) return;
    const votes = new Map<string, number>();
    for (const r of finished.filter((f) => (selected ?? []).includes(f.id))) {
      const best = r.storedMetrics[0]?.goldStandardId;
      if (best) votes.set(best, (votes.get(best) ?? 0) + 1);
    }
    const top = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
    if (top) setGoldStandardId(top[0]);
  }, [gold.data, goldStandardId, finished, selected]);

  const chosen = selected ?? [];
  const comparison = useGql(COMPARE, chosen.length && goldStandardId ? { projectId, runIds: chosen, goldStandardId } : null);
  if (projectError) return null;
  const error = runs.error ?? gold.error;
  const rows = comparison.data?.compareRuns.rows ?? [];
  const points = rows
    .filter((r) => r.sparsity !== null && r.metrics?.balancedAccuracy != null)
    .map((r) => ({ id: r.run.id, label: r.run.name, group: r.run.strategyLabel, x: r.sparsity!, y: r.metrics!.balancedAccuracy! }));

  return (
    <section aria-labelledby="compare-heading" className="stack">
      <h2 id="compare-heading" className="section-title">
        Compare runs
      </h2>
      <ErrorAlert>{error}</ErrorAlert>
      {!runs.data || !gold.data ? <Loading what="runs and gold standards" /> : null}
      {runs.data && finished.length === 0 ? (
        <div className="card empty">
          <p>No finished runs yet.</p>
          <p className="muted small">
            Runs appear here once they succeed. <Link href={`/projects/${projectId}/runs`}>Go to the runs</Link>.
          </p>
        </div>
      ) : null}
      {gold.data && gold.data.goldStandards.length === 0 ? (
        <div className="alert alert-info">
          Import a gold standard to score runs against (<Link href={`/projects/${projectId}/gold-standards`}>Gold standards</Link>).
        </div>
      ) : null}
      {finished.length > 0 && gold.data && gold.data.goldStandards.length > 0 ? (
        <div className="layout-sidebar compare-layout">
          <div className="stack">
            <ErrorAlert>{comparison.error}</ErrorAlert>
            {chosen.length === 0 ? <p className="muted">Choose runs to compare.</p> : null}
            {chosen.length > 0 && !comparison.data && !comparison.error ? <Loading what="metrics (computed where missing)" /> : null}
            {rows.length > 0 ? (
              <div className="card">
                <SparsityScatter points={points} />
              </div>
            ) : null}
          </div>
          <aside className="card stack" aria-labelledby="compare-choose">
            <h3 id="compare-choose" className="card-heading">
              Runs and gold standard
            </h3>
            <div className="field">
              <label htmlFor="compare-gold">Gold standard</label>
              <select id="compare-gold" value={goldStandardId} onChange={(e) => setGoldStandardId(e.target.value)}>
                {gold.data.goldStandards.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="fieldset run-choices">
              <legend>Finished runs</legend>
              {finished.map((r) => (
                <label key={r.id} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(r.id)}
                    onChange={(e) => setSelected(e.target.checked ? [...chosen, r.id] : chosen.filter((id) => id !== r.id))}
                  />
                  <span>
                    {r.name}
                    <span className="muted small"> · {r.strategyLabel}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </aside>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <div className="card table-wrap">
          <table className="table compare-table">
            <caption className="muted small">Against {comparison.data!.compareRuns.goldStandardName}</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col" className="num th-symbol">
                  λ₁, λ₂
                </th>
                <MetricHeader metric="sparsity" />
                {SCORE_COLUMNS.map((m) => (
                  <MetricHeader key={m} metric={m} />
                ))}
                <MetricHeader metric="testMse" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.run.id}>
                  <td>
                    <Link href={`/projects/${projectId}/runs/${r.run.id}`}>{r.run.name}</Link>
                    <div className="muted small">
                      {r.run.strategyLabel} · seed {r.run.seed}
                    </div>
                  </td>
                  <td className="num nowrap">{formatLambda(r.run)}</td>
                  <td className="num">{METRIC_COLUMNS.sparsity.format(r.sparsity)}</td>
                  {SCORE_COLUMNS.map((m) => (
                    <td key={m} className="num">
                      {METRIC_COLUMNS[m].format(r.metrics?.[m])}
                    </td>
                  ))}
                  <td className="num">{METRIC_COLUMNS.testMse.format(r.run.summary?.testMse)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {finished.length > 0 ? <EdgeComparison projectId={projectId} runs={finished} initialA={edgeA} initialB={edgeB} /> : null}
    </section>
  );
}
