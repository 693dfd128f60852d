'use client';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { gql } from '@/app/lib/graphql-client';
import { EvidenceEditor, evidenceDraft, evidenceInput, type EvidenceDraft } from './evidence';
import { REASON_LABELS, SET_VERDICT, type RejectionReason, type ReviewedEdge, type VerdictKind } from './types';
import { useEdgeWrite } from './use-edge-write';
import { WITHDRAW_VERDICT } from './queries';

interface Props {
  edge: ReviewedEdge;
  runId: string | null;
  /** Incremented by the queue's `r` key: opens the reason picker. */
  rejectRequest: number;
  onSaved(): void;
}

/** My verdict on the edge: accept, reject (reason, note), needs evidence; with the judged sign and evidence. */
export function VerdictForm({ edge, runId, rejectRequest, onSaved }: Props) {
  const mine = edge.myVerdict;
  const [sign, setSign] = useState<string>(mine?.sign == null ? '' : String(mine.sign));
  const [drafts, setDrafts] = useState<EvidenceDraft[]>(mine ? mine.evidence.map(evidenceDraft) : []);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState<RejectionReason>(mine?.reason ?? 'NO_RELATION');
  const [note, setNote] = useState(mine?.reasonNote ?? '');
  const reasonRef = useRef<HTMLSelectElement>(null);
  const { busy, error, write } = useEdgeWrite(onSaved);

  // Only a request made while this form is shown opens the picker (the form remounts after each save).
  const seenRequest = useRef(rejectRequest);
  useEffect(() => {
    if (rejectRequest === seenRequest.current) return;
    seenRequest.current = rejectRequest;
    setRejecting(true);
    // After the picker renders.
    setTimeout(() => reasonRef.current?.focus(), 0);
  }, [rejectRequest]);

  const submit = (verdict: VerdictKind) =>
    write(async () => {
      const rejected = verdict === 'REJECTED';
      await gql(SET_VERDICT, {
        input: {
          projectId: edge.projectId,
          regulator: edge.regulator,
          target: edge.target,
          expectedVersion: edge.version,
          verdict,
          reason: rejected ? reason : null,
          reasonNote: rejected && note.trim() ? note.trim() : null,
          sign: sign === '' ? null : Number(sign),
          evidence: drafts.map(evidenceInput).filter((e) => e !== null),
          runId,
        },
      });
      setRejecting(false);
    });

  const withdraw = () =>
    write(() => gql(WITHDRAW_VERDICT, { projectId: edge.projectId, regulator: edge.regulator, target: edge.target, expectedVersion: edge.version }));

  return (
    <section className="stack" aria-label="Your verdict">
      <div className="row row-tight">
        <button type="button" className="btn btn-small" disabled={busy} aria-pressed={mine?.verdict === 'ACCEPTED'} onClick={() => submit('ACCEPTED')}>
          Accept
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={busy}
          aria-pressed={mine?.verdict === 'REJECTED'}
          onClick={() => setRejecting(!rejecting)}
        >
          Reject…
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          aria-pressed={mine?.verdict === 'NEEDS_EVIDENCE'}
          onClick={() => submit('NEEDS_EVIDENCE')}
        >
          Needs evidence
        </button>
        {mine ? (
          <button type="button" className="btn btn-small" disabled={busy} onClick={withdraw}>
            Withdraw mine
          </button>
        ) : null}
      </div>
      {rejecting ? (
        <div className="stack" role="group" aria-label="Reject">
          <div className="field">
            <label htmlFor="reject-reason">Reason</label>
            <select id="reject-reason" ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value as RejectionReason)}>
              {(Object.keys(REASON_LABELS) as RejectionReason[]).map((r) => (
                <option key={r} value={r}>
                  {REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="reject-note">Note{reason === 'OTHER' ? ' (required)' : ''}</label>
            <textarea id="reject-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="row row-tight">
            <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => submit('REJECTED')}>
              Reject edge
            </button>
            <button type="button" className="btn btn-small" onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <div className="field narrow-field">
        <label htmlFor="judged-sign">Judged sign</label>
        <select id="judged-sign" value={sign} onChange={(e) => setSign(e.target.value)}>
          <option value="">not judged</option>
          <option value="1">activates (+1)</option>
          <option value="-1">represses (−1)</option>
          <option value="0">unknown (0)</option>
        </select>
      </div>
      <EvidenceEditor drafts={drafts} onChange={setDrafts} />
      <ErrorAlert>{error}</ErrorAlert>
    </section>
  );
}
