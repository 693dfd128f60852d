'use client';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { MetricHeader } from '@/app/components/metric-header';
import { formatDateTime } from '@/app/lib/format';
import { graphql, type ResultOf } from '@/app/lib/graphql';
import { METRIC_COLUMNS } from '@/app/lib/metric-columns';
import { paretoFrontier } from '@/compute';
import { SparsityScatter } from '@/app/projects/[projectId]/compare/scatter';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { useProject } from '@/app/projects/[projectId]/project-context';
import { RunProgressCell, StatusBadge } from '@/app/projects/[projectId]/runs/status';
import { formatLambda, GOLD_STANDARDS, isActive, PROGRESS_FIELDS } from '@/app/projects/[projectId]/runs/types';
import { usePolling } from '@/app/projects/[projectId]/runs/use-polling';
import { statusSummary } from '@/app/projects/[projectId]/runs/run-groups';
import { defaultGoldStandard } from './default-gold';

const SWEEP = graphql(
  `
  query SweepPage($id: ID!) {
    sweep(id: $id) {
      id name kind summary replicateOfRunId runCount createdAt createdByName
      settings { name values }
      statusCounts { status count }
      runs {
        id name status strategyLabel lambda1 lambda2 seed error
        progress { ...RunProgressFields }
        summary { sparsity }
        storedMetrics { goldStandardId }
      }
    }
  }
`,
  [PROGRESS_FIELDS],
);
type SweepRun = ResultOf<typeof SWEEP>['sweep']['runs'][number];

const METRICS = graphql(`
  query SweepMetrics($projectId: ID!, $runIds: [ID!]!, $goldStandardId: ID!) {
    compareRuns(projectId: $projectId, runIds: $runIds, goldStandardId: $goldStandardId) {
      goldStandardName
      rows { run { id } sparsity metrics { balancedAccuracy precision recall auroc aupr } }
    }
  }
`);

const TABLE_METRICS = ['balancedAccuracy', 'precision', 'recall', 'auroc', 'aupr'] as const;

/** A group of runs: what it is, its runs with their status and scores, and its sparsity–accuracy frontier. */
export function SweepView({ sweepId }: { sweepId: string }) {
  const { projectId, error: projectError } = useProject();
  const { data, error, reload } = useGql(SWEEP, { id: sweepId });
  const golds = useGql(GOLD_STANDARDS, { projectId });
  const [chosenGold, setChosenGold] = useState('');
  const group = data?.sweep;
  const runs = group?.runs ?? [];
  usePolling(
    reload,
    runs.some((r) => isActive(r.status)),
  );
  const finished = runs.filter((r) => r.status === 'succeeded');
  const goldStandardId = chosenGold || defaultGoldStandard(finished, golds.data?.goldStandards ?? []) || '';
  const finishedKey = finished.map((r) => r.id).join(',');
  const scored = useGql(METRICS, finishedKey && goldStandardId ? { projectId, runIds: finishedKey.split(','), goldStandardId } : null);
  const rows = new Map((scored.data?.compareRuns.rows ?? []).map((r) => [r.run.id, r]));
  const points = runs.flatMap((r) => {
    const row = rows.get(r.id);
    return row?.sparsity != null && row.metrics?.balancedAccuracy != null
      ? [{ id: r.id, label: r.name, group: r.strategyLabel, x: row.sparsity, y: row.metrics.balancedAccuracy }]
      : [];
  });
  const frontier = new Set(paretoFrontier(points).map((i) => points[i].id));
  if (projectError) return null;
  const base = `/projects/${projectId}`;
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!group) return <Loading what="the group of runs" />;
  const replicateRun = group.replicateOfRunId ?? finished[0]?.id ?? null;
  const compareHref = `${base}/compare?runs=${finished.map((r) => r.id).join(',')}${finished.length >= 2 ? `&a=${finished[0].id}&b=${finished[1].id}` : ''}`;

  return (
    <section aria-labelledby="sweep-heading" className="stack">
      <div className="row page-header">
        <div>
          <p className="muted small">
            <Link href={`${base}/runs`}>Runs</Link> / {group.kind === 'replicates' ? 'replicate group' : 'sweep'}
          </p>
          <h2 id="sweep-heading" className="section-title">
            {group.name}
          </h2>
        </div>
        <span className="spacer" />
        {group.kind === 'replicates' && replicateRun ? (
          <Link className="btn" href={`${base}/runs/${replicateRun}/replicates`}>
            Replicate analysis
          </Link>
        ) : null}
        {finished.length >= 1 ? (
          <Link className="btn" href={compareHref}>
            Compare these runs
          </Link>
        ) : null}
      </div>

      <div className="card stack">
        <p>{group.summary}</p>
        {group.settings.length ? (
          <dl className="details">
            {group.settings.map((s) => (
              <Fragment key={s.name}>
                <dt>{s.name}</dt>
                <dd>{s.values.join(', ')}</dd>
              </Fragment>
            ))}
          </dl>
        ) : null}
        <p className="muted small">
          {group.runCount} run{group.runCount === 1 ? '' : 's'} · {statusSummary(group.statusCounts)} · launched {formatDateTime(group.createdAt)}
          {group.createdByName ? ` by ${group.createdByName}` : ''}
        </p>
      </div>

      <div className="card stack">
        <div className="row">
          <h3 className="card-heading">Sparsity against balanced accuracy</h3>
          <span className="spacer" />
          {golds.data?.goldStandards.length ? (
            <div className="field row-tight">
              <label htmlFor="sweep-gold">Gold standard</label>
              <select id="sweep-gold" value={goldStandardId} onChange={(e) => setChosenGold(e.target.value)}>
                {golds.data.goldStandards.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <ErrorAlert>{scored.error ?? golds.error}</ErrorAlert>
        {golds.data && golds.data.goldStandards.length === 0 ? (
          <p className="muted">
            Import a gold standard to score these runs (<Link href={`${base}/gold-standards`}>Gold standards</Link>).
          </p>
        ) : finished.length === 0 ? (
          <p className="muted">No run of this group has finished yet; the plot fills in as they do.</p>
        ) : !scored.data ? (
          <Loading what="scores (computed where missing)" />
        ) : (
          <SparsityScatter points={points} />
        )}
      </div>

      <div className="card table-wrap">
        <table className="table runs-table">
          <caption className="muted small">
            {scored.data ? `Scores against ${scored.data.compareRuns.goldStandardName}` : 'Scores appear as runs finish'}
            {frontier.size ? ' · ◆ on the Pareto frontier' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col" className="num th-symbol">
                {group.kind === 'replicates' ? 'Seed' : 'λ₁, λ₂'}
              </th>
              <th scope="col" className="progress-col">
                Progress
              </th>
              <MetricHeader metric="sparsity" />
              {TABLE_METRICS.map((m) => (
                <MetricHeader key={m} metric={m} />
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <GroupRunRow key={r.id} run={r} base={base} replicates={group.kind === 'replicates'} row={rows.get(r.id)} onFrontier={frontier.has(r.id)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type MetricsRow = ResultOf<typeof METRICS>['compareRuns']['rows'][number];

function GroupRunRow({
  run: r,
  base,
  replicates,
  row,
  onFrontier,
}: {
  run: SweepRun;
  base: string;
  replicates: boolean;
  row?: MetricsRow;
  onFrontier: boolean;
}) {
  return (
    <tr>
      <td>
        <Link href={`${base}/runs/${r.id}`}>{r.name}</Link>
        {onFrontier ? (
          <span className="frontier-mark" title="On the Pareto frontier: no other run of the group is both sparser and more accurate">
            {' '}
            ◆
          </span>
        ) : null}
        <div className="muted small">{r.strategyLabel}</div>
      </td>
      <td>
        <StatusBadge status={r.status} progress={r.progress} />
      </td>
      <td className="num small nowrap">{replicates ? r.seed : formatLambda(r)}</td>
      <RunProgressCell run={r} />
      <td className="num">{METRIC_COLUMNS.sparsity.format(row?.sparsity ?? r.summary?.sparsity ?? r.progress?.sparsity)}</td>
      {TABLE_METRICS.map((m) => (
        <td key={m} className="num">
          {METRIC_COLUMNS[m].format(row?.metrics?.[m])}
        </td>
      ))}
    </tr>
  );
}
