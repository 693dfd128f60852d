'use client';
import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { SelectField } from '@/app/components/field';
import { SignBadge } from '@/app/projects/[projectId]/data-ui/signs';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { graphql, type ResultOf } from '@/app/lib/graphql';
import type { VersionSummary } from '../types';
import type { NetworkEdge } from './diff-network';

// Cytoscape touches the DOM when it loads: load it in the browser only.
export const DiffNetwork = dynamic(() => import('./diff-network').then((m) => m.DiffNetwork), {
  ssr: false,
  loading: () => <Loading what="the network view" />,
});

/** Unchanged edges join the picture only while the network stays small enough to read. */
const NETWORK_EDGE_LIMIT = 1500;
/** priorDiff's default page: each kind of change lists at most this many. */
const DIFF_PAGE = 500;

const DIFF = graphql(`
  query PriorDiff($from: ID!, $to: ID!, $limit: Int!, $edgeLimit: Int!) {
    priorDiff(fromVersionId: $from, toVersionId: $to, limit: $limit) {
      added { regulator target sign evidence }
      removed { regulator target sign evidence }
      signChanged { regulator target from { sign evidence } to { sign evidence } }
      annotationChanged { regulator target from { sign evidence } to { sign evidence } }
      counts { added removed signChanged annotationChanged }
    }
    toVersion: priorVersion(id: $to) { edges(limit: $edgeLimit) { total edges { regulator target sign evidence } } }
  }
`);
export type PriorDiff = Omit<ResultOf<typeof DIFF>['priorDiff'], 'counts'>;
export type Edge = PriorDiff['added'][number];
export type Pair = PriorDiff['signChanged'][number];

interface Props {
  fromId: string;
  toId: string;
  versions: VersionSummary[];
  onChange: (c: { from: string; to: string }) => void;
}

export const key = (e: { regulator: string; target: string }) => `${e.regulator}\u0000${e.target}`;

export function DiffView({ fromId, toId, versions, onChange }: Props) {
  const { data, error } = useGql(DIFF, { from: fromId, to: toId, limit: DIFF_PAGE, edgeLimit: NETWORK_EDGE_LIMIT });
  const number = (id: string) => versions.find((v) => v.id === id)?.number;
  const options = versions.map((v) => ({ value: v.id, label: `v${v.number} — ${v.message.slice(0, 40)}` }));
  const diff = data?.priorDiff;
  const counts = diff?.counts;
  const changes = counts ? counts.added + counts.removed + counts.signChanged + counts.annotationChanged : 0;
  const shown = diff ? diff.added.length + diff.removed.length + diff.signChanged.length + diff.annotationChanged.length : 0;

  return (
    <section className="card stack" aria-labelledby="diff-heading">
      <h3 id="diff-heading" className="card-heading">
        Changes from v{number(fromId)} to v{number(toId)}
      </h3>
      <div className="form-row">
        <SelectField label="From" value={fromId} options={options} onChange={(e) => onChange({ from: e.target.value, to: toId })} />
        <SelectField label="To" value={toId} options={options} onChange={(e) => onChange({ from: fromId, to: e.target.value })} />
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {!data && !error ? <Loading what="the differences" /> : null}
      {diff ? (
        <>
          <p className="row small" aria-live="polite">
            <span className="badge diff-added">{diff.counts.added} added</span>
            <span className="badge diff-removed">{diff.counts.removed} removed</span>
            <span className="badge diff-sign">{diff.counts.signChanged} sign changed</span>
            <span className="badge">{diff.counts.annotationChanged} evidence/weight changed</span>
          </p>
          {shown < changes ? <p className="muted small">The table and network show the first {DIFF_PAGE} changes of each kind.</p> : null}
          {changes === 0 ? <p className="muted">These versions have the same edges.</p> : <DiffTable diff={diff} />}
          <DiffNetwork edges={networkEdges(diff, data.toVersion.edges.edges, data.toVersion.edges.total <= NETWORK_EDGE_LIMIT)} />
          {data.toVersion.edges.total > NETWORK_EDGE_LIMIT ? (
            <p className="muted small">
              The network shows changed edges only: v{number(toId)} has {data.toVersion.edges.total} edges.
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The changes, plus `toEdges` not named by a change (unchanged) when `withUnchanged`. */
export function networkEdges(diff: PriorDiff, toEdges: Edge[], withUnchanged: boolean): NetworkEdge[] {
  const changed = new Set([...diff.added, ...diff.removed, ...diff.signChanged].map(key));
  const out: NetworkEdge[] = [
    ...diff.added.map((e) => ({ ...e, status: 'added' as const })),
    ...diff.removed.map((e) => ({ ...e, status: 'removed' as const })),
    ...diff.signChanged.map((p) => ({ regulator: p.regulator, target: p.target, sign: p.to.sign, status: 'sign' as const })),
  ];
  if (withUnchanged) for (const e of toEdges) if (!changed.has(key(e))) out.push({ ...e, status: 'same' });
  return out;
}

interface TableOptions {
  /** Adds a column of checkboxes: ticked rows are kept, unticked ones trimmed. */
  trim?: { excluded: ReadonlySet<string>; onToggle(e: { regulator: string; target: string }): void };
  /** Adds a column with more about each row. */
  extra?: { heading: string; cell(e: { regulator: string; target: string }): ReactNode };
}

export function DiffTable({ diff, trim, extra }: { diff: PriorDiff } & TableOptions) {
  const rows = [
    ...diff.added.map((e) => ({ e, status: 'added', label: 'added', detail: <SignBadge sign={e.sign} /> })),
    ...diff.removed.map((e) => ({ e, status: 'removed', label: 'removed', detail: <SignBadge sign={e.sign} /> })),
    ...diff.signChanged.map((p) => ({
      e: p,
      status: 'sign',
      label: 'sign changed',
      detail: (
        <>
          <SignBadge sign={p.from.sign} /> → <SignBadge sign={p.to.sign} />
        </>
      ),
    })),
    ...diff.annotationChanged.map((p) => ({
      e: p,
      status: 'annotation',
      label: 'evidence changed',
      detail: (
        <span className="small">
          “{p.from.evidence || '—'}” → “{p.to.evidence || '—'}”
        </span>
      ),
    })),
  ];
  return (
    <div className="table-wrap diff-table">
      <table className="table">
        <thead>
          <tr>
            {trim ? <th scope="col">Keep</th> : null}
            <th scope="col">Change</th>
            <th scope="col">Regulator</th>
            <th scope="col">Target</th>
            <th scope="col">Sign / evidence</th>
            {extra ? <th scope="col">{extra.heading}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ e, status, label, detail }) => (
            <tr key={`${status}:${key(e)}`} className={`diff-row diff-row-${status}`}>
              {trim ? (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Keep ${e.regulator} → ${e.target}`}
                    checked={!trim.excluded.has(key(e))}
                    onChange={() => trim.onToggle(e)}
                  />
                </td>
              ) : null}
              <td>
                <span className={`badge diff-${status}`}>{label}</span>
              </td>
              <td className="mono">{e.regulator}</td>
              <td className="mono">{e.target}</td>
              <td>{detail}</td>
              {extra ? <td className="small">{extra.cell(e)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
