'use client';
import { useState } from 'react';
import { gql } from '@/app/lib/graphql-client';
import { BULK_VERDICT, REASON_LABELS, type RejectionReason, type ReviewQueueItem, type VerdictKind } from './types';

/** One verdict for every selected edge; edges someone changed meanwhile come back as conflicts, named in the result. */
export async function bulkVerdict(
  projectId: string,
  runId: string,
  selected: ReviewQueueItem[],
  verdict: VerdictKind,
  reason: RejectionReason | null,
): Promise<string> {
  const edges = selected.map((i) => ({ regulator: i.regulator, target: i.target, expectedVersion: i.version }));
  const { bulkSetVerdict: r } = await gql(BULK_VERDICT, { input: { projectId, runId, edges, verdict, reason: verdict === 'REJECTED' ? reason : null } });
  const conflicts = r.conflicts.map((c) => `${c.regulator} → ${c.target} (${c.message})`).join('; ');
  return `${r.updated.length} edge${r.updated.length === 1 ? '' : 's'} updated.${conflicts ? ` Not changed, someone was faster: ${conflicts}` : ''}`;
}

interface Props {
  count: number;
  busy: boolean;
  onApply(verdict: VerdictKind, reason: RejectionReason | null): void;
  onClear(): void;
}

export function BulkBar({ count, busy, onApply, onClear }: Props) {
  const [reason, setReason] = useState<RejectionReason>('NO_RELATION');
  return (
    <div className="row card" role="group" aria-label="Selected edges">
      <strong>{count} selected</strong>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => onApply('ACCEPTED', null)}>
        Accept all
      </button>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => onApply('NEEDS_EVIDENCE', null)}>
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
      <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => onApply('REJECTED', reason)}>
        Reject all
      </button>
      <span className="spacer" />
      <button type="button" className="btn btn-small" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
