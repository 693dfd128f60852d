import { extent } from '@/compute';
/**
 * Training and validation loss per epoch on a log scale, the validation loss with a band of one
 * standard error, pruning events marked as vertical lines and the kept model's epoch as a dot.
 * Plain SVG: at most a few hundred points.
 */
export interface EpochPoint {
  epoch: number;
  trainLoss: number | null;
  valLoss: number | null;
  /** Standard error of valLoss over the validation trajectories (absent for older runs). */
  valSe?: number | null;
  sparsity: number | null;
  pruned: boolean;
}

const W = 640;
const H = 260;
const M = { left: 58, right: 16, top: 16, bottom: 36 };
const TRAIN = '#2856c8';
const VAL = '#d35400';
const PRUNE = '#8e44ad';

/** 1, 2, 5 × 10^k inside [10^lo, 10^hi]; only powers of ten when that gives enough. */
function logTicks(lo: number, hi: number): number[] {
  const all: number[] = [];
  for (let d = Math.floor(lo); d <= Math.ceil(hi); d++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** d;
      if (Math.log10(v) >= lo && Math.log10(v) <= hi) all.push(v);
    }
  }
  const decades = all.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  return decades.length >= 3 ? decades : all;
}

/** The band's outline: up along valLoss + SE, back along valLoss − SE (floored, for the log scale). */
function bandPath(epochs: EpochPoint[], x: (epoch: number) => number, y: (v: number) => number, floor: number): string {
  const withSe = epochs.filter((e) => e.valLoss !== null && e.valLoss > 0 && e.valSe != null);
  if (withSe.length < 2) return '';
  const upper = withSe.map((e) => `${x(e.epoch).toFixed(1)},${y(e.valLoss! + e.valSe!).toFixed(1)}`);
  const lower = withSe.map((e) => `${x(e.epoch).toFixed(1)},${y(Math.max(e.valLoss! - e.valSe!, floor)).toFixed(1)}`).reverse();
  return `M${upper.join('L')}L${lower.join('L')}Z`;
}

export function LossCurves({ epochs, totalEpochs, keptEpoch }: { epochs: EpochPoint[]; totalEpochs: number; keptEpoch: number | null }) {
  const losses = epochs.flatMap((e) => [e.trainLoss, e.valLoss]).filter((v): v is number => v !== null && v > 0);
  if (epochs.length === 0 || losses.length === 0) return <p className="muted">The curves appear after the first epoch.</p>;
  const [lo, hi] = extent(losses).map(Math.log10);
  const pad = (hi - lo || 1) * 0.08;
  const [y0, y1] = [lo - pad, hi + pad];
  const xMax = Math.max(totalEpochs, epochs.at(-1)!.epoch, 1);
  const x = (epoch: number) => M.left + (epoch / xMax) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (Math.log10(v) - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const path = (pick: (e: EpochPoint) => number | null) =>
    epochs
      .filter((e) => (pick(e) ?? 0) > 0)
      .map((e, i) => `${i === 0 ? 'M' : 'L'}${x(e.epoch).toFixed(1)},${y(pick(e)!).toFixed(1)}`)
      .join('');
  const yTicks = logTicks(y0, y1);
  const xTicks = Array.from({ length: 5 }, (_, i) => Math.round((xMax * i) / 4));
  const kept = keptEpoch !== null ? epochs.find((e) => e.epoch === keptEpoch) : undefined;
  const band = bandPath(epochs, x, y, 10 ** y0);
  const pruned = epochs.filter((e) => e.pruned);

  return (
    <figure className="network-figure">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="plot"
        role="img"
        aria-label={`Training and validation loss over ${epochs.length} epochs, log scale; ${pruned.length} pruning events.`}
      >
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="plot-grid-line" />
            <text x={M.left - 6} y={y(t) + 3} textAnchor="end" className="plot-tick">
              {t.toExponential(0)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="plot-tick">
            {t}
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="plot-tick">
          epoch
        </text>
        <text x={12} y={(M.top + H - M.bottom) / 2} textAnchor="middle" className="plot-tick" transform={`rotate(-90 12 ${(M.top + H - M.bottom) / 2})`}>
          loss (MSE, log scale)
        </text>
        {pruned.map((e) => (
          <line key={e.epoch} x1={x(e.epoch)} x2={x(e.epoch)} y1={M.top} y2={H - M.bottom} stroke={PRUNE} strokeDasharray="3 3" strokeWidth={1}>
            <title>{`Pruning after epoch ${e.epoch}${e.sparsity !== null ? ` (sparsity ${(e.sparsity * 100).toFixed(1)}%)` : ''}`}</title>
          </line>
        ))}
        {band ? <path d={band} fill={VAL} fillOpacity={0.16} stroke="none" data-testid="val-se-band" /> : null}
        <path d={path((e) => e.trainLoss)} fill="none" stroke={TRAIN} strokeWidth={1.6} />
        <path d={path((e) => e.valLoss)} fill="none" stroke={VAL} strokeWidth={1.6} />
        {kept?.valLoss ? (
          <circle cx={x(kept.epoch)} cy={y(kept.valLoss)} r={4} fill="#fff" stroke={VAL} strokeWidth={2}>
            <title>{`Kept model, epoch ${kept.epoch}: validation loss ${kept.valLoss.toExponential(3)}`}</title>
          </circle>
        ) : null}
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#c3cad5" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#c3cad5" />
      </svg>
      <figcaption className="legend small">
        <span>
          <span className="swatch-line" style={{ borderColor: TRAIN }} /> training loss
        </span>
        <span>
          <span className="swatch-line" style={{ borderColor: VAL }} /> validation loss{band ? ', shaded ± one standard error' : ''}
        </span>
        <span>
          <span className="swatch-line dashed" style={{ borderColor: PRUNE }} /> pruning event
        </span>
        {kept ? <span>○ kept model (epoch {kept.epoch})</span> : null}
      </figcaption>
    </figure>
  );
}
