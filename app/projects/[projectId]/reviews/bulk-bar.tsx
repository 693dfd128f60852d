'use client';
import { useState } from 'react';
import { gql } from '../../../lib/graphql-client';
import { errorMessage } from '../../../lib/form-errors';
import { BULK_VERDICT, REASON_LABELS, type RejectionReason, type ReviewQueueItem, type VerdictKind } from './types';

interface BulkResult {
  bulkSetVerdict: { updated: { id: string }[]; conflicts: { regulator: string; target: string; message: string }[] };
}

interface Props {
  projectId: string;
  runId: string;
  selected: ReviewQueueItem[];
  onDone(text: string): void;
  onClear(): void;
  onError(text: string): void;
}

/** One verdict for every selected edge; edges someone changed meanwhile come back as conflicts, named. */
export function BulkBar({ projectId, runId, selected, onDone, onClear, onError }: Props) {
  const [reason, setReason] = useState<RejectionReason>('NO_RELATION');
  const [busy, setBusy] = useState(false);

  async function apply(verdict: VerdictKind) {
    setBusy(true);
    try {
      const edges = selected.map((i) => ({ regulator: i.regulator, target: i.target, expectedVersion: i.version }));
      const { bulkSetVerdict: r } = await gql<BulkResult>(BULK_VERDICT, {
        input: { projectId, runId, edges, verdict, reason: verdict === 'REJECTED' ? reason : null },
      });
      const conflicts = r.conflicts.map((c) => `${c.regulator} → ${c.target} (${c.message})`).join('; ');
      onDone(`${r.updated.length} edge${r.updated.length === 1 ? '' : 's'} updated.${conflicts ? ` Not changed, someone was faster: ${conflicts}` : ''}`);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row card" role="group" aria-label="Selected edges">
      <strong>{selected.length} selected</strong>
      <button id="bulk-accept" type="button" className="btn btn-small" disabled={busy} onClick={() => apply('ACCEPTED')}>
        Accept all
      </button>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => apply('NEEDS_EVIDENCE')}>
        Needs evidence
      </button>
      <select aria-label="Reason for rejecting the selection" value={reason} onChange={(e) => setReason(e.target.value as RejectionReason)}>
        {(Object.keys(REASON_LABELS) as RejectionReason[])
          .filter((r) => r !== 'OTHER')
          .map((r) => (
            <option key={r} value={r}>
              {REASON_LABELS[r]}
            </option>
          ))}
      </select>
      <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => apply('REJECTED')}>
        Reject all
      </button>
      <span className="spacer" />
      <button type="button" className="btn btn-small" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
