'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { formatDateTime } from '@/app/lib/format';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { useProject } from '@/app/projects/[projectId]/project-context';
import { FORMAT_LABELS } from '../types';
import { GenePicker } from './gene-picker';
import { TrajectoryPlot, type Series } from './trajectory-plot';

const DATASET = graphql(`
  query Dataset($id: ID!) {
    dataset(id: $id) {
      id name description format geneCount trajectoryCount trainTrajectoryCount testTrajectoryCount isSynthetic
      createdAt createdByName runCount firstGenes: variableGenes(limit: 3)
      trajectories { index role timeCount tStart tEnd }
    }
  }
`);
const PREVIEW = graphql(`
  query TrajectoryPreview($id: ID!, $genes: [String!]!, $trajectories: [Int!]!) {
    trajectoryPreview(datasetId: $id, genes: $genes, trajectories: $trajectories) { trajectory role gene times values }
  }
`);
const DELETE = graphql(`mutation DeleteDataset($id: ID!) { deleteDataset(id: $id) }`);

const MAX_TRAJECTORIES = 12;

export function DatasetView({ datasetId }: { datasetId: string }) {
  const { projectId, canWrite, error: projectError } = useProject();
  const router = useRouter();
  const { data, error } = useGql(DATASET, { id: datasetId });
  const [genes, setGenes] = useState<string[] | null>(null);
  const [trajectories, setTrajectories] = useState<number[] | null>(null);
  const [series, setSeries] = useState<Series[] | null>(null);
  const [plotError, setPlotError] = useState<string>();
  const [deleteError, setDeleteError] = useState<string>();
  const dataset = data?.dataset;

  // Start with the first genes and trajectories so the page shows a plot at once.
  useEffect(() => {
    if (!dataset) return;
    setGenes((g) => g ?? dataset.firstGenes);
    setTrajectories((t) => t ?? dataset.trajectories.slice(0, 4).map((x) => x.index));
  }, [dataset]);

  useEffect(() => {
    if (!genes || !trajectories) return;
    if (genes.length === 0 || trajectories.length === 0) return setSeries([]);
    let stale = false;
    gql(PREVIEW, { id: datasetId, genes, trajectories })
      .then((d) => !stale && (setSeries(d.trajectoryPreview), setPlotError(undefined)))
      .catch((e) => !stale && setPlotError(errorMessage(e)));
    return () => {
      stale = true;
    };
  }, [datasetId, genes, trajectories]);

  if (projectError) return null;
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!dataset) return <Loading what="the dataset" />;

  const toggleTrajectory = (index: number) =>
    setTrajectories((current) => {
      const chosen = current ?? [];
      if (chosen.includes(index)) return chosen.filter((t) => t !== index);
      return chosen.length >= MAX_TRAJECTORIES ? chosen : [...chosen, index].sort((a, b) => a - b);
    });

  async function onDelete() {
    if (!window.confirm(`Delete the dataset “${dataset!.name}” and all its trajectories?`)) return;
    try {
      await gql(DELETE, { id: datasetId });
      router.push(`/projects/${projectId}/datasets`);
    } catch (e) {
      setDeleteError(errorMessage(e));
    }
  }

  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href={`/projects/${projectId}/datasets`}>Datasets</Link> <span aria-hidden="true">/</span>
      </nav>
      <div className="row">
        <h2 className="section-title">{dataset.name}</h2>
        {dataset.isSynthetic ? <span className="badge badge-primary">synthetic</span> : null}
        <span className="spacer" />
        {canWrite ? (
          <button type="button" className="btn btn-danger btn-small" onClick={onDelete}>
            Delete dataset
          </button>
        ) : null}
      </div>
      <ErrorAlert>{deleteError}</ErrorAlert>
      {dataset.description ? <p className="prewrap">{dataset.description}</p> : null}
      <dl className="details card">
        <dt>Format</dt>
        <dd>{FORMAT_LABELS[dataset.format]}</dd>
        <dt>Genes</dt>
        <dd>{dataset.geneCount}</dd>
        <dt>Trajectories</dt>
        <dd>
          {dataset.trainTrajectoryCount} for training and validation
          {dataset.testTrajectoryCount ? `, ${dataset.testTrajectoryCount} held out for testing` : ''}
        </dd>
        <dt>Used by runs</dt>
        <dd>{dataset.runCount}</dd>
        <dt>Uploaded</dt>
        <dd>
          {formatDateTime(dataset.createdAt)} by {dataset.createdByName ?? 'a former member'}
        </dd>
      </dl>

      <section className="card stack" aria-labelledby="plot-heading">
        <h3 id="plot-heading" className="card-heading">
          Trajectories
        </h3>
        <div className="layout-plot">
          <div className="stack">
            <GenePicker datasetId={datasetId} chosen={genes ?? []} onChange={setGenes} />
            <fieldset className="fieldset">
              <legend>
                Trajectories <span className="muted small">(up to {MAX_TRAJECTORIES})</span>
              </legend>
              <div className="chip-grid">
                {dataset.trajectories.map((t) => (
                  <label key={t.index} className="choice small" title={`${t.timeCount} time points, t = ${t.tStart} to ${t.tEnd}`}>
                    <input type="checkbox" checked={trajectories?.includes(t.index) ?? false} onChange={() => toggleTrajectory(t.index)} />
                    {t.index + 1}
                    {t.role === 'test' ? <span className="badge badge-warn">test</span> : null}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          <div>
            <ErrorAlert>{plotError}</ErrorAlert>
            {series === null ? <Loading what="the plot" /> : <TrajectoryPlot series={series} genes={genes ?? []} />}
          </div>
        </div>
      </section>
    </div>
  );
}
