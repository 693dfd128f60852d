'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert, Loading, OkAlert } from '@/app/components/alerts';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { formatRelative } from '@/app/lib/format';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { ImportGoldStandardForm } from './import-form';

interface GoldStandardSummary {
  id: string;
  name: string;
  source: string;
  edgeCount: number;
  regulatorCount: number;
  targetCount: number;
  createdAt: string;
  createdByName: string | null;
}

const GOLD_STANDARDS = /* GraphQL */ `
  query GoldStandards($projectId: ID!) {
    goldStandards(projectId: $projectId) { id name source edgeCount regulatorCount targetCount createdAt createdByName }
  }
`;
const DELETE = /* GraphQL */ `mutation DeleteGoldStandard($id: ID!) { deleteGoldStandard(id: $id) }`;

export function GoldStandardsView() {
  const { projectId, canWrite, error: projectError } = useProject();
  const { data, error, reload } = useGql<{ goldStandards: GoldStandardSummary[] }>(GOLD_STANDARDS, { projectId });
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
        <h2 id="gold-heading" className="section-title">Gold standards</h2>
        <ErrorAlert>{error ?? actionError}</ErrorAlert>
        <OkAlert>{notice}</OkAlert>
        {!data && !error ? <Loading what="gold standards" /> : null}
        {data?.goldStandards.length === 0 ? (
          <div className="card empty">
            <p>No gold standards yet.</p>
            <p className="muted small">
              Gold standards are known regulator → target interactions (e.g. from ChIP-seq) that inferred networks are scored against.
            </p>
          </div>
        ) : null}
        {data && data.goldStandards.length > 0 ? (
          <div className="card table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name and source</th>
                  <th scope="col" className="num">Edges</th>
                  <th scope="col" className="num">Regulators</th>
                  <th scope="col" className="num">Targets</th>
                  <th scope="col">Imported</th>
                  {canWrite ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {data.goldStandards.map((g) => (
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
                    <td className="small">
                      {formatRelative(g.createdAt)}
                      <div className="muted">{g.createdByName ?? 'former member'}</div>
                    </td>
                    {canWrite ? (
                      <td className="actions">
                        <button type="button" className="btn btn-small btn-danger" onClick={() => remove(g)}>
                          Delete
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
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
