import type { EpochReport, StepReport } from '../training/types';

const BAR = 24;

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 90) return `${Math.round(s)}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  return `${(s / 3600).toFixed(1)}h`;
}

/**
 * A progress bar on stderr: epoch x/y, losses, sparsity and ETA. Redraws in place on a terminal;
 * otherwise (logs, pipes) prints one line per epoch.
 */
export class ProgressBar {
  private readonly tty: boolean;
  private last: EpochReport | null = null;
  private seconds = 0;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  private line(epochFraction: number, total: number, detail: string): string {
    const filled = Math.round((epochFraction / total) * BAR);
    const bar = '█'.repeat(Math.min(BAR, filled)) + '░'.repeat(Math.max(0, BAR - filled));
    const done = Math.floor(epochFraction);
    const perEpoch = this.last ? this.seconds / this.last.epoch : NaN;
    const eta = formatSeconds(perEpoch * (total - epochFraction));
    return `${this.label} ${bar} epoch ${done}/${total} ${detail} ETA ${eta}`;
  }

  step(s: StepReport, totalEpochs: number): void {
    if (!this.tty || s.step % 10 !== 0) return;
    const at = s.epoch - 1 + s.step / s.stepsPerEpoch;
    const prev = this.last ? `val ${this.last.valLoss.toExponential(3)} sparsity ${(100 * this.last.sparsity).toFixed(1)}%` : '';
    this.stream.write(`\r${this.line(at, totalEpochs, `loss ${s.loss.toExponential(3)} ${prev}`)}\x1b[K`);
  }

  epoch(r: EpochReport): void {
    this.last = r;
    this.seconds += r.seconds;
    const detail = `loss ${r.trainLoss.toExponential(3)} val ${r.valLoss.toExponential(3)}${r.isBest ? '*' : ' '} sparsity ${(100 * r.sparsity).toFixed(1)}%${r.pruned ? ' (pruned)' : ''} ${r.seconds.toFixed(2)}s/epoch`;
    const text = this.line(r.epoch, r.totalEpochs, detail);
    this.stream.write(this.tty ? `\r${text}\x1b[K` : `${text}\n`);
  }

  done(): void {
    if (this.tty) this.stream.write('\n');
  }
}
