import { STATUS_LABELS, type EdgeReviewStatus } from './types';

/** One colour per review status, shared by badges, the network's halos and its legend. */
export const STATUS_COLOURS: Record<EdgeReviewStatus, string> = {
  UNREVIEWED: '#9aa5b5',
  ACCEPTED: '#2856c8',
  REJECTED: '#1c2330',
  NEEDS_EVIDENCE: '#b7791f',
  DISPUTED: '#8e44ad',
};

/** Colour and a word, never colour alone. */
export function ReviewStatusBadge({ status, settled }: { status: EdgeReviewStatus; settled?: boolean }) {
  return (
    <span className={`badge review-status review-status-${status.toLowerCase()}`}>
      {STATUS_LABELS[status]}
      {settled ? ' · settled' : ''}
    </span>
  );
}
