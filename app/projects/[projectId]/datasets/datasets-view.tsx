'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '@/app/components/alerts';
import { EmptyState } from '@/app/components/empty-state';
import { CreatedCell, ListCard } from '@/app/components/list-card';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { DATASETS, FORMAT_LABELS, type DatasetSummary } from './types';
import { UploadForm } from './upload-form';

export function DatasetsView() {
  const { projectId, canWrite, error: projectError } = useProject();
  const { data, error, reload } = useGql(DATASETS, { projectId });
  const [notice, setNotice] = useState<string>();
  if (projectError) return null;

  return (
    <div className="layout-sidebar">
      <section aria-labelledby="datasets-heading">
        <div className="row">
          <h2 id="datasets-heading" className="section-title">
            Datasets
          </h2>
          <span className="spacer" />
          <Link href={`/projects/${projectId}/datasets/synthetic`} className="btn btn-small">
            Synthetic benchmarks
          </Link>
        </div>
        <ErrorAlert>{error}</ErrorAlert>
        <OkAlert>{notice}</OkAlert>
        <ListCard
          items={data?.datasets}
          failed={Boolean(error)}
          loadingWhat="datasets"
          empty={
            <EmptyState title="No datasets yet.">
              {canWrite ? 'Upload expression time series with the form.' : 'Editors of the project can upload expression time series.'}
            </EmptyState>
          }
          head={
            <>
              <th scope="col">Name</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Genes
              </th>
              <th scope="col" className="num">
                Trajectories
              </th>
              <th scope="col">Uploaded</th>
            </>
          }
          row={(d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/projects/${projectId}/datasets/${d.id}`}>{d.name}</Link>
                {d.isSynthetic ? <span className="badge badge-primary small-gap">synthetic</span> : null}
                {d.description ? <div className="muted small clamp-2">{d.description}</div> : null}
              </td>
              <td className="small">{FORMAT_LABELS[d.format]}</td>
              <td className="num">{d.geneCount}</td>
              <td className="num">
                {d.trajectoryCount}
                {d.testTrajectoryCount ? <div className="muted small">{d.testTrajectoryCount} held out</div> : null}
              </td>
              <CreatedCell at={d.createdAt} by={d.createdByName} />
            </tr>
          )}
        />
      </section>
      {canWrite ? (
        <UploadForm
          projectId={projectId}
          onUploaded={async (name) => {
            await reload();
            setNotice(`Uploaded ${name}.`);
          }}
        />
      ) : null}
    </div>
  );
}
