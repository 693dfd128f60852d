'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { formatDateTime, formatRelative } from '@/app/lib/format';
import { gql } from '@/app/lib/graphql-client';
import { SignBadge } from '../data-ui/signs';
import { EvidenceList } from './evidence';
import { REASON_LABELS, VERDICT_LABELS, type ReviewedEdge, type Verdict, type VerdictKind } from './types';
import { useEdgeWrite } from './use-edge-write';
import { SETTLE_EDGE, UNSETTLE_EDGE } from './queries';

const effectText = (effect: number | null) => (effect === null ? '—' : `|effect| ${Math.abs(effect).toExponential(2)}`);

function verdictText(v: Pick<Verdict, 'verdict' | 'reason'>): string {
  return v.verdict === 'REJECTED' && v.reason ? `rejected (${REASON_LABELS[v.reason]})` : VERDICT_LABELS[v.verdict];
}

export function VerdictList({ edge, projectId }: { edge: ReviewedEdge; projectId: string }) {
  if (edge.verdicts.length === 0) return <p className="muted small">No verdicts yet.</p>;
  return (
    <ul className="verdict-list" aria-label="Verdicts">
      {edge.verdicts.map((v) => (
        <li key={v.reviewerId} className="small">
          <strong>{v.reviewerName ?? 'A former member'}</strong>: {verdictText(v)}
          {v.sign !== null ? (
            <>
              {' '}
              · judged <SignBadge sign={v.sign} />
            </>
          ) : null}
          {v.reasonNote ? <span className="prewrap"> — “{v.reasonNote}”</span> : null}
          <span className="muted">
            {' '}
            · {formatRelative(v.updatedAt)}
            {v.runId ? (
              <>
                {' '}
                on <Link href={`/projects/${projectId}/runs/${v.runId}`}>{v.runName ?? 'a run'}</Link> ({effectText(v.effect)})
              </>
            ) : null}
          </span>
          <EvidenceList evidence={v.evidence} />
        </li>
      ))}
    </ul>
  );
}

const kindText = (k: VerdictKind | null, none: string) => (k ? VERDICT_LABELS[k] : none);

export function VerdictHistory({ edge, projectId }: { edge: ReviewedEdge; projectId: string }) {
  if (edge.history.length === 0 && edge.priorVersions.length === 0) return <p className="muted small">Nothing recorded yet.</p>;
  return (
    <ul className="history-list small" aria-label="History">
      {edge.history.map((h) => (
        <li key={h.id}>
          <time className="muted" dateTime={h.createdAt}>
            {formatDateTime(h.createdAt)}
          </time>{' '}
          <strong>{h.reviewerName ?? 'A former member'}</strong>: {kindText(h.from, 'no verdict')} → {kindText(h.to, 'withdrawn')}
          {h.reason ? ` (${REASON_LABELS[h.reason]})` : ''}
          {h.runId ? (
            <span className="muted">
              {' '}
              on <Link href={`/projects/${projectId}/runs/${h.runId}`}>{h.runName ?? 'a run'}</Link>, {effectText(h.effect)}
            </span>
          ) : null}
        </li>
      ))}
      {edge.priorVersions.map((p) => (
        <li key={p.versionId}>
          {p.change === 'add' ? 'Entered' : p.change === 'remove' ? 'Removed from' : 'Sign flipped in'}{' '}
          <Link href={`/projects/${projectId}/priors/${p.priorId}`}>
            {p.priorName} v{p.versionNumber}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AcrossRuns({ edge, projectId, strategyLabels }: { edge: ReviewedEdge; projectId: string; strategyLabels: ReadonlyMap<string, string> }) {
  if (edge.acrossRuns.length === 0) return <p className="muted small">The project has no finished runs.</p>;
  return (
    <div className="table-wrap">
      <table className="table small" aria-label="This edge in every run">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className="num">
              Effect
            </th>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Kept</th>
          </tr>
        </thead>
        <tbody>
          {edge.acrossRuns.map((r) => (
            <tr key={r.runId}>
              <td>
                <Link href={`/projects/${projectId}/runs/${r.runId}`}>{r.runName}</Link>{' '}
                <span className="muted small">{strategyLabels.get(r.strategy) ?? r.strategy}</span>
              </td>
              <td className="num">{r.effect === null ? '—' : r.effect.toExponential(2)}</td>
              <td className="num">{r.rank === null ? '—' : `${r.rank} / ${r.totalEdges}`}</td>
              <td>{r.survived ? <span className="badge badge-ok">survived</span> : <span className="badge">pruned / absent</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Owners end a dispute: the settled status holds until an owner unsettles it. */
export function SettleControl({ edge, onChanged }: { edge: ReviewedEdge; onChanged(): void }) {
  const [status, setStatus] = useState<'ACCEPTED' | 'REJECTED'>('ACCEPTED');
  const [note, setNote] = useState('');
  const { busy, error, write } = useEdgeWrite(onChanged);
  const ref = { projectId: edge.projectId, regulator: edge.regulator, target: edge.target, expectedVersion: edge.version };

  async function settle(e: FormEvent) {
    e.preventDefault();
    if (await write(() => gql(SETTLE_EDGE, { input: { ...ref, status, note: note.trim() } }))) setNote('');
  }
  if (edge.settlement) {
    return (
      <div className="stack">
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => write(() => gql(UNSETTLE_EDGE, ref))}>
          Unsettle
        </button>
        <ErrorAlert>{error}</ErrorAlert>
      </div>
    );
  }
  return (
    <form className="stack" onSubmit={settle} aria-label="Settle">
      <div className="row row-tight">
        <select aria-label="Settled status" value={status} onChange={(e) => setStatus(e.target.value as 'ACCEPTED' | 'REJECTED')}>
          <option value="ACCEPTED">accepted</option>
          <option value="REJECTED">rejected</option>
        </select>
        <input type="text" aria-label="Settle note" placeholder="why (required)" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="btn btn-small btn-primary" disabled={busy || !note.trim()}>
          Settle
        </button>
      </div>
      <ErrorAlert>{error}</ErrorAlert>
    </form>
  );
}
