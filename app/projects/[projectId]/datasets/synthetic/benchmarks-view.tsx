'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert, Loading, OkAlert } from '@/app/components/alerts';
import { EmptyState } from '@/app/components/empty-state';
import { CreatedCell, ListCard } from '@/app/components/list-card';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { useProject } from '@/app/projects/[projectId]/project-context';
import { usePolling } from '@/app/projects/[projectId]/runs/use-polling';
import { BenchmarkForm } from './benchmark-form';
import { BENCHMARK_OPTIONS, BENCHMARKS, type BenchmarkSummary } from './queries';

const STATUS_BADGE: Record<BenchmarkSummary['status'], string> = {
  queued: 'badge',
  running: 'badge badge-primary',
  succeeded: 'badge badge-ok',
  failed: 'badge badge-danger',
};

export function SyntheticBenchmarksView({ priorVersionId }: { priorVersionId: string | null }) {
  const { projectId, canWrite, error: projectError } = useProject();
  const list = useGql(BENCHMARKS, { projectId });
  const options = useGql(BENCHMARK_OPTIONS, canWrite ? { projectId } : null);
  const [notice, setNotice] = useState<string>();
  const pending = list.data?.syntheticBenchmarks.some((b) => b.status === 'queued' || b.status === 'running') ?? false;
  usePolling(list.reload, pending, 1000);
  if (projectError) return null;

  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href={`/projects/${projectId}/datasets`}>Datasets</Link> <span aria-hidden="true">/</span>
      </nav>
      <div className="layout-sidebar">
        <section aria-labelledby="benchmarks-heading" className="stack">
          <h2 id="benchmarks-heading" className="section-title">
            Synthetic benchmarks
          </h2>
          <ErrorAlert>{list.error}</ErrorAlert>
          <OkAlert>{notice}</OkAlert>
          <ListCard
            items={list.data?.syntheticBenchmarks}
            failed={Boolean(list.error)}
            loadingWhat="benchmarks"
            label="Synthetic benchmarks"
            empty={
              <EmptyState title="No synthetic benchmarks yet.">
                {canWrite ? 'Choose a prior version with the form: its network becomes the truth.' : 'Editors of the project can make benchmarks.'}
              </EmptyState>
            }
            head={
              <>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Simulated</th>
                <th scope="col">Result</th>
                <th scope="col">Made</th>
              </>
            }
            row={(b) => <BenchmarkRow key={b.id} b={b} projectId={projectId} canWrite={canWrite} />}
          />
        </section>
        {canWrite ? (
          options.data ? (
            options.data.priorNetworks.length ? (
              <BenchmarkForm
                projectId={projectId}
                priors={options.data.priorNetworks}
                startVersionId={priorVersionId}
                onCreated={async (name) => {
                  await list.reload();
                  setNotice(`Queued ${name}: a worker is simulating it.`);
                }}
              />
            ) : (
              <div className="card">
                Import a prior network first (<Link href={`/projects/${projectId}/priors`}>Priors</Link>): its network is what gets simulated.
              </div>
            )
          ) : (
            <>
              <ErrorAlert>{options.error}</ErrorAlert>
              {options.error ? null : <Loading what="prior networks" />}
            </>
          )
        ) : null}
      </div>
    </div>
  );
}

function BenchmarkRow({ b, projectId, canWrite }: { b: BenchmarkSummary; projectId: string; canWrite: boolean }) {
  const base = `/projects/${projectId}`;
  const p = b.progress;
  const percent = p && p.trajectories > 0 ? Math.round((100 * p.trajectoriesDone) / p.trajectories) : 0;
  const launch = b.datasetId ? `${base}/runs/new?datasetId=${b.datasetId}${b.priorVersionId ? `&priorVersionId=${b.priorVersionId}` : ''}` : null;
  return (
    <tr data-testid="benchmark-row">
      <td>
        <strong>{b.name}</strong>
        <div className="muted small">
          {b.priorId && b.priorName ? <Link href={`${base}/priors/${b.priorId}`}>{`${b.priorName} v${b.priorVersionNumber}`}</Link> : 'prior deleted'}
        </div>
      </td>
      <td className="small">
        <span className={STATUS_BADGE[b.status]}>{b.status}</span>
        {b.status === 'running' || b.status === 'queued' ? (
          <>
            <div className="progress" role="progressbar" aria-label={`${b.name} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
              <div style={{ width: `${percent}%` }} />
            </div>
            <div className="muted">
              {p?.phase === 'saving' ? 'storing…' : `${p?.trajectoriesDone ?? 0} of ${p?.trajectories ?? b.trajectories} trajectories`}
            </div>
          </>
        ) : null}
        {b.error ? <div className="error">{b.error}</div> : null}
      </td>
      <td className="small">
        {b.trajectories} trajectories at t = {b.timePoints.join(', ')}
        <div className="muted">
          σ = {b.noise}, seed {b.seed}
          {b.geneCount !== null ? ` · ${b.geneCount} genes, ${b.edgeCount} edges` : ''}
        </div>
      </td>
      <td className="small">
        {b.datasetId ? (
          <div>
            Dataset <Link href={`${base}/datasets/${b.datasetId}`}>{b.datasetName}</Link>
          </div>
        ) : null}
        {b.goldStandardId ? (
          <div>
            Gold standard <Link href={`${base}/gold-standards/${b.goldStandardId}`}>{b.goldStandardName}</Link>
          </div>
        ) : null}
        {launch && canWrite ? (
          <Link className="btn btn-small" href={launch} title="Runs are scored against every gold standard of the project, this one included.">
            Launch a run on it
          </Link>
        ) : null}
      </td>
      <CreatedCell at={b.createdAt} by={b.createdByName} />
    </tr>
  );
}
