'use client';
import Link from 'next/link';
import { useState } from 'react';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { formatDateTime } from '@/app/lib/format';
import { useProject } from '@/app/projects/[projectId]/project-context';
import type { VersionSummary } from '../types';

const REVERT = graphql(`
  mutation RevertPrior($versionId: ID!, $baseVersionId: ID) {
    revertPrior(versionId: $versionId, baseVersionId: $baseVersionId) { id number }
  }
`);

const EXPORTS = [
  { format: 'csv', label: 'CSV' },
  { format: 'sif', label: 'SIF' },
  { format: 'graphml', label: 'GraphML' },
  { format: 'cytoscape_json', label: 'Cytoscape JSON' },
] as const;

const KIND_BADGE: Record<VersionSummary['kind'], string> = {
  import: 'badge',
  edit: 'badge badge-primary',
  revert: 'badge badge-warn',
  review: 'badge badge-ok',
};

interface Props {
  versions: VersionSummary[];
  headVersionId: string;
  canWrite: boolean;
  compare: { from: string; to: string } | null;
  onCompare: (c: { from: string; to: string }) => void;
  onReverted: (v: { id: string; number: number; revertedFrom: number }, previousHead: string) => Promise<void>;
  onError: (message: string) => void;
}

export function VersionsTable({ versions, headVersionId, canWrite, compare, onCompare, onReverted, onError }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const { projectId } = useProject();

  async function revert(v: VersionSummary) {
    if (!window.confirm(`Create a new version equal to version ${v.number}?`)) return;
    setBusy(v.id);
    try {
      const { revertPrior } = await gql(REVERT, { versionId: v.id, baseVersionId: headVersionId });
      await onReverted({ ...revertPrior, revertedFrom: v.number }, headVersionId);
    } catch (e) {
      onError(errorMessage(e));
    }
    setBusy(null);
  }

  return (
    <section className="card stack" aria-labelledby="versions-heading">
      <h3 id="versions-heading" className="card-heading">
        Versions <span className="muted small">({versions.length})</span>
      </h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Message</th>
              <th scope="col">Author</th>
              <th scope="col" className="num">
                Edges
              </th>
              <th scope="col">Compare</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td className="num">
                  <strong>v{v.number}</strong>
                  {v.isHead ? <div className="badge badge-ok">current</div> : null}
                </td>
                <td>
                  <span className="break">{v.message}</span>
                  <div className="small muted">
                    <span className={KIND_BADGE[v.kind]}>{v.kind}</span>
                    {v.parentNumber !== null ? ` from v${v.parentNumber}` : ''}
                  </div>
                </td>
                <td className="small">
                  {v.authorName ?? 'former member'}
                  <div className="muted">{formatDateTime(v.createdAt)}</div>
                </td>
                <td className="num">{v.edgeCount}</td>
                <td className="small nowrap">
                  <label className="choice">
                    <input
                      type="radio"
                      name="compare-from"
                      aria-label={`Compare from version ${v.number}`}
                      checked={compare?.from === v.id}
                      onChange={() => onCompare({ from: v.id, to: compare?.to ?? headVersionId })}
                    />
                    from
                  </label>
                  <label className="choice">
                    <input
                      type="radio"
                      name="compare-to"
                      aria-label={`Compare to version ${v.number}`}
                      checked={compare?.to === v.id}
                      onChange={() => onCompare({ from: compare?.from ?? v.id, to: v.id })}
                    />
                    to
                  </label>
                </td>
                <td className="actions">
                  <details className="menu">
                    <summary className="btn btn-small">Export</summary>
                    <ul>
                      {EXPORTS.map((e) => (
                        <li key={e.format}>
                          <a href={`/api/priors/${v.id}/export?format=${e.format}`} download>
                            {e.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </details>
                  {canWrite ? (
                    <Link
                      className="btn btn-small"
                      href={`/projects/${projectId}/datasets/synthetic?priorVersionId=${v.id}`}
                      title="Simulate this version's network: a dataset plus the network as its gold standard"
                    >
                      Synthetic benchmark
                    </Link>
                  ) : null}
                  {canWrite && !v.isHead ? (
                    <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => revert(v)}>
                      {busy === v.id ? 'Reverting…' : 'Revert to this'}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
