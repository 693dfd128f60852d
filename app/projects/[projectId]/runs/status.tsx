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

/** A runs table's progress cell: the error of a failed run, else its bar and epoch (and, with `valLoss`, a running run's validation loss). */
export function RunProgressCell({
  run,
  valLoss = false,
}: {
  run: { name: string; status: RunStatus; error?: string | null; progress: RunProgress | null };
  valLoss?: boolean;
}) {
  const p = run.progress;
  return (
    <td className="progress-col">
      {run.status === 'failed' ? (
        <span className="small error-text clamp-2" title={run.error ?? ''}>
          {run.error}
        </span>
      ) : (
        <>
          <ProgressBar progress={p} label={`Progress of ${run.name}`} />
          <div className="muted small">
            epoch {p?.epoch ?? 0} / {p?.totalEpochs ?? '—'}
            {valLoss && run.status === 'running' && p?.valLoss != null ? ` · val ${p.valLoss.toExponential(2)}` : ''}
          </div>
        </>
      )}
    </td>
  );
}
