'use client';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { EmptyState } from '@/app/components/empty-state';
import { CreatedCell, ListCard } from '@/app/components/list-card';
import { MetricHeader } from '@/app/components/metric-header';
import { METRIC_COLUMNS } from '@/app/lib/metric-columns';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { groupRuns, statusSummary, type RunListEntry } from './run-groups';
import { RunProgressCell, StatusBadge } from './status';
import { formatLambda, isActive, RUNS, type RunListItem } from './types';
import { usePolling } from './use-polling';

export function RunsView() {
  const { projectId, canWrite, error: projectError } = useProject();
  const { data, error, reload } = useGql(RUNS, { projectId });
  const runs = data?.runs ?? [];
  // Groups start folded; the ones opened stay open while the list refreshes.
  const [open, setOpen] = useState<Set<string>>(new Set());
  usePolling(
    reload,
    runs.some((r) => isActive(r.status)),
  );
  if (projectError) return null;
  const base = `/projects/${projectId}`;
  const toggle = (id: string) => setOpen((o) => new Set(o.has(id) ? [...o].filter((x) => x !== id) : [...o, id]));

  const runRow = (r: RunListItem, inGroup = false) => {
    const metric = r.storedMetrics[0];
    return (
      <tr key={r.id} className={inGroup ? 'group-member' : undefined}>
        <td>
          <Link href={`${base}/runs/${r.id}`}>{r.name}</Link>
          <div className="muted small">
            {r.datasetName}
            {r.priorName ? ` · ${r.priorName} v${r.priorVersionNumber}` : ' · no prior'} · seed {r.seed}
            {/* The strategy and λ columns give way on narrow screens; their values stay here. */}
            <span className="show-medium">
              {' '}
              · {r.strategyLabel} {r.lambda1 !== null ? `λ ${formatLambda(r)}` : ''}
            </span>
          </div>
        </td>
        <td>
          <StatusBadge status={r.status} progress={r.progress} />
        </td>
        <td className="small hide-medium">{r.strategyLabel}</td>
        <td className="num small nowrap hide-medium">{formatLambda(r)}</td>
        <RunProgressCell run={r} valLoss />
        <td className="num">{METRIC_COLUMNS.sparsity.format(r.summary?.sparsity ?? r.progress?.sparsity)}</td>
        <td className="num" title={metric ? `against ${metric.goldStandardName}` : 'not scored yet'}>
          {METRIC_COLUMNS.balancedAccuracy.format(metric?.balancedAccuracy)}
        </td>
        <CreatedCell at={r.createdAt} by={r.createdByName} className="small hide-medium" />
      </tr>
    );
  };

  const entryRows = (e: RunListEntry<RunListItem>) => {
    if (e.kind === 'run') return runRow(e.run);
    const expanded = open.has(e.id);
    const best = Math.max(...e.runs.map((r) => r.storedMetrics[0]?.balancedAccuracy ?? Number.NEGATIVE_INFINITY));
    const done = e.runs.filter((r) => !isActive(r.status)).length;
    return (
      <Fragment key={e.id}>
        <tr className="group-row">
          <td colSpan={4}>
            <button
              type="button"
              className="group-toggle"
              aria-expanded={expanded}
              aria-label={`${expanded ? 'Fold' : 'Unfold'} ${e.name}`}
              onClick={() => toggle(e.id)}
            >
              {expanded ? '▾' : '▸'}
            </button>{' '}
            <Link href={`${base}/sweeps/${e.id}`}>{e.name}</Link>
            <div className="muted small group-summary">
              {e.runs.length} run{e.runs.length === 1 ? '' : 's'} · {statusSummary(e.statusCounts)}
            </div>
          </td>
          <td className="progress-col">
            <div className="muted small">
              {done} of {e.runs.length} finished
            </div>
          </td>
          <td />
          <td className="num" title="the best of the group’s runs">
            {Number.isFinite(best) ? `best ${METRIC_COLUMNS.balancedAccuracy.format(best)}` : '—'}
          </td>
          <td className="hide-medium" />
        </tr>
        {expanded ? e.runs.map((r) => runRow(r, true)) : null}
      </Fragment>
    );
  };

  return (
    <section aria-labelledby="runs-heading">
      <div className="row page-header">
        <h2 id="runs-heading" className="section-title">
          Runs
        </h2>
        <span className="spacer" />
        {runs.filter((r) => r.status === 'succeeded').length >= 2 ? (
          <Link className="btn" href={`${base}/compare`}>
            Compare runs
          </Link>
        ) : null}
        {canWrite ? (
          <Link className="btn btn-primary" href={`${base}/runs/new`}>
            Launch a run
          </Link>
        ) : null}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <ListCard
        items={data ? groupRuns(runs) : undefined}
        failed={Boolean(error)}
        loadingWhat="runs"
        tableClassName="runs-table"
        empty={
          <EmptyState title="No runs yet.">
            {canWrite
              ? 'Launch DASH or a baseline on a dataset and a prior version; workers train it and the results appear here.'
              : 'Editors of the project can launch runs.'}
          </EmptyState>
        }
        head={
          <>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col" className="hide-medium">
              Strategy
            </th>
            <th scope="col" className="num th-symbol hide-medium">
              λ₁, λ₂
            </th>
            <th scope="col" className="progress-col">
              Progress
            </th>
            <MetricHeader metric="sparsity" />
            <MetricHeader metric="balancedAccuracy" />
            <th scope="col" className="hide-medium">
              Launched
            </th>
          </>
        }
        row={entryRows}
      />
    </section>
  );
}
