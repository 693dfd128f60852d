'use client';
import Link from 'next/link';
import { graphql } from '@/app/lib/graphql';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '@/app/components/alerts';
import { EmptyState } from '@/app/components/empty-state';
import { ListCard } from '@/app/components/list-card';
import { formatRelative } from '@/app/lib/format';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { ImportPriorForm } from './import-form';

const PRIORS = graphql(`
  query PriorNetworks($projectId: ID!) {
    priorNetworks(projectId: $projectId) {
      id name description createdAt createdByName
      headVersion { number edgeCount message createdAt authorName }
    }
  }
`);

export function PriorsView() {
  const { projectId, canWrite, error: projectError } = useProject();
  const { data, error, reload } = useGql(PRIORS, { projectId });
  const [notice, setNotice] = useState<string>();
  if (projectError) return null;

  return (
    <div className="layout-sidebar">
      <section aria-labelledby="priors-heading">
        <h2 id="priors-heading" className="section-title">
          Prior networks
        </h2>
        <ErrorAlert>{error}</ErrorAlert>
        <OkAlert>{notice}</OkAlert>
        <ListCard
          items={data?.priorNetworks}
          failed={Boolean(error)}
          loadingWhat="prior networks"
          empty={
            <EmptyState title="No prior networks yet.">
              {canWrite
                ? 'Import known regulatory edges with the form; every import and edit becomes a version.'
                : 'Editors of the project can import prior networks.'}
            </EmptyState>
          }
          head={
            <>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Version
              </th>
              <th scope="col" className="num">
                Edges
              </th>
              <th scope="col">Last change</th>
            </>
          }
          row={(p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/projects/${projectId}/priors/${p.id}`}>{p.name}</Link>
                {p.description ? <div className="muted small clamp-2">{p.description}</div> : null}
              </td>
              <td className="num">v{p.headVersion.number}</td>
              <td className="num">{p.headVersion.edgeCount}</td>
              <td className="small">
                <span className="clamp-2">{p.headVersion.message}</span>
                <div className="muted">
                  {p.headVersion.authorName ?? 'former member'}, {formatRelative(p.headVersion.createdAt)}
                </div>
              </td>
            </tr>
          )}
        />
      </section>
      {canWrite ? (
        <ImportPriorForm
          mode={{ kind: 'new', projectId }}
          onImported={async (what) => {
            await reload();
            setNotice(what);
          }}
        />
      ) : null}
    </div>
  );
}
