import { STATUS_BADGE, type RunProgress, type RunStatus } from './types';

/** Status in words (colour is only a second cue). */
export function StatusBadge({ status, progress }: { status: RunStatus; progress?: RunProgress | null }) {
  const label = status === 'queued' && progress?.phase === 'interrupted' ? 'queued (resumes)' : status;
  return <span className={STATUS_BADGE[status]}>{label}</span>;
}

export function ProgressBar({ progress, label }: { progress: RunProgress | null; label: string }) {
  const fraction = progress?.fraction ?? 0;
  const percent = Math.round(fraction * 100);
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div style={{ width: `${percent}%` }} />
    </div>
  );
}
