'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '@/app/components/alerts';
import { EmptyState } from '@/app/components/empty-state';
import { CreatedCell, ListCard } from '@/app/components/list-card';
import { graphql, type ResultOf } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { ImportGoldStandardForm } from './import-form';

const GOLD_STANDARDS = graphql(`
  query GoldStandards($projectId: ID!) {
    goldStandards(projectId: $projectId) { id name source edgeCount regulatorCount targetCount createdAt createdByName }
  }
`);
type GoldStandardSummary = ResultOf<typeof GOLD_STANDARDS>['goldStandards'][number];
const DELETE = graphql(`mutation DeleteGoldStandard($id: ID!) { deleteGoldStandard(id: $id) }`);

export function GoldStandardsView() {
  const { projectId, canWrite, error: projectError } = useProject();
  const { data, error, reload } = useGql(GOLD_STANDARDS, { projectId });
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  if (projectError) return null;

  async function remove(g: GoldStandardSummary) {
    if (!window.confirm(`Delete the gold standard “${g.name}”? Metrics computed against it are deleted too.`)) return;
    try {
      await gql(DELETE, { id: g.id });
      await reload();
      setNotice(`Deleted ${g.name}.`);
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  return (
    <div className="layout-sidebar">
      <section aria-labelledby="gold-heading">
        <h2 id="gold-heading" className="section-title">
          Gold standards
        </h2>
        <ErrorAlert>{error ?? actionError}</ErrorAlert>
        <OkAlert>{notice}</OkAlert>
        <ListCard
          items={data?.goldStandards}
          failed={Boolean(error)}
          loadingWhat="gold standards"
          empty={
            <EmptyState title="No gold standards yet.">
              Gold standards are known regulator → target interactions (e.g. from ChIP-seq) that inferred networks are scored against.
            </EmptyState>
          }
          head={
            <>
              <th scope="col">Name and source</th>
              <th scope="col" className="num">
                Edges
              </th>
              <th scope="col" className="num">
                Regulators
              </th>
              <th scope="col" className="num">
                Targets
              </th>
              <th scope="col">Imported</th>
              {canWrite ? (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </>
          }
          row={(g) => (
            <tr key={g.id}>
              <td>
                <strong>
                  <Link href={`/projects/${projectId}/gold-standards/${g.id}`}>{g.name}</Link>
                </strong>
                <div className="muted small break">{g.source || 'No source noted'}</div>
              </td>
              <td className="num">{g.edgeCount}</td>
              <td className="num">{g.regulatorCount}</td>
              <td className="num">{g.targetCount}</td>
              <CreatedCell at={g.createdAt} by={g.createdByName} />
              {canWrite ? (
                <td className="actions">
                  <button type="button" className="btn btn-small btn-danger" onClick={() => remove(g)}>
                    Delete
                  </button>
                </td>
              ) : null}
            </tr>
          )}
        />
      </section>
      {canWrite ? (
        <ImportGoldStandardForm
          projectId={projectId}
          onImported={async (text) => {
            await reload();
            setNotice(text);
          }}
        />
      ) : null}
    </div>
  );
}
