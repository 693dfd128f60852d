import { maxOf } from '@/compute';
import type { EpochPoint } from './loss-curves';
import { validationPath, type PathPoint } from './validation-path';

/**
 * Validation loss along the pruning path: for every pruning level, its best validation loss over the
 * run's lowest, against the level's sparsity, with ± one standard error. Plain SVG, a few dozen points.
 */
const W = 640;
const H = 240;
const M = { left: 58, right: 16, top: 14, bottom: 36 };
const VAL = '#d35400';
const WITHIN = '#1e8449';
const CAP = 2;

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export function ValidationPathPlot({ epochs, keptEpoch, keepsOneSe }: { epochs: EpochPoint[]; keptEpoch: number | null; keepsOneSe: boolean }) {
  const path = validationPath(epochs, keptEpoch);
  if (!path) return <p className="muted">This appears after the first pruning event.</p>;
  const { points, oneSeRatio, kept, sparsestWithinOneSe } = path;
  const xLo = Math.floor(points[0].sparsity * 20) / 20;
  const xHi = Math.max(Math.ceil(points.at(-1)!.sparsity * 100) / 100, xLo + 0.05);
  const yLo = 0.95;
  const yHi = Math.min(CAP, Math.max(maxOf(points.map((p) => p.ratio + (p.seRatio ?? 0))), (oneSeRatio ?? 1) + 0.05) + 0.05);
  const x = (s: number) => M.left + ((s - xLo) / (xHi - xLo)) * (W - M.left - M.right);
  const y = (r: number) => M.top + (1 - (Math.min(r, yHi) - yLo) / (yHi - yLo)) * (H - M.top - M.bottom);
  const xTicks = Array.from({ length: Math.round((xHi - xLo) / 0.05) + 1 }, (_, i) => xLo + 0.05 * i).filter((t) => t <= xHi + 1e-9);
  const yStep = yHi - yLo > 0.6 ? 0.2 : 0.1;
  const yTicks = Array.from({ length: Math.floor((yHi - 1) / yStep) + 1 }, (_, i) => 1 + yStep * i);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.sparsity).toFixed(1)},${y(p.ratio).toFixed(1)}`).join('');
  const colour = (p: PathPoint) => (p.withinOneSe ? WITHIN : VAL);

  return (
    <figure className="network-figure">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="plot"
        role="img"
        aria-label={`Validation loss over the run's lowest at ${points.length} pruning levels, against sparsity.`}
        data-testid="validation-path"
      >
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="plot-grid-line" />
            <text x={M.left - 6} y={y(t) + 3} textAnchor="end" className="plot-tick">
              {t.toFixed(1)}×
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="plot-tick">
            {Math.round(t * 100)}%
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="plot-tick">
          sparsity
        </text>
        <text x={12} y={(M.top + H - M.bottom) / 2} textAnchor="middle" className="plot-tick" transform={`rotate(-90 12 ${(M.top + H - M.bottom) / 2})`}>
          val. loss / lowest
        </text>
        {oneSeRatio !== null ? (
          <line
            x1={M.left}
            x2={W - M.right}
            y1={y(oneSeRatio)}
            y2={y(oneSeRatio)}
            stroke={WITHIN}
            strokeDasharray="5 4"
            strokeWidth={1.2}
            data-testid="one-se-line"
          >
            <title>{`The lowest validation loss plus one standard error (${oneSeRatio.toFixed(3)}×)`}</title>
          </line>
        ) : null}
        <path d={line} fill="none" stroke="#9aa5b4" strokeWidth={1.2} />
        {points.map((p) => (
          <g key={p.level}>
            {p.seRatio !== null ? (
              <line
                x1={x(p.sparsity)}
                x2={x(p.sparsity)}
                y1={y(p.ratio + p.seRatio)}
                y2={y(Math.max(p.ratio - p.seRatio, yLo))}
                stroke={colour(p)}
                strokeOpacity={0.5}
                strokeWidth={1.5}
              />
            ) : null}
            {p.ratio > yHi ? (
              <path d={`M${x(p.sparsity).toFixed(1)},${(y(yHi) - 4).toFixed(1)}l4,7h-8z`} fill={colour(p)}>
                <title>{`Level ${p.level}, sparsity ${pct(p.sparsity)}: ${p.ratio.toFixed(2)}× the lowest, above the chart`}</title>
              </path>
            ) : (
              <circle cx={x(p.sparsity)} cy={y(p.ratio)} r={3} fill={colour(p)}>
                <title>{`Level ${p.level}, sparsity ${pct(p.sparsity)}: best validation loss ${p.valMse.toExponential(3)} at epoch ${p.bestEpoch} (${p.ratio.toFixed(3)}× the lowest${p.seRatio !== null ? `, ± ${p.seRatio.toFixed(3)}` : ''})`}</title>
              </circle>
            )}
          </g>
        ))}
        {kept ? <circle cx={x(kept.sparsity)} cy={y(kept.ratio)} r={6.5} fill="none" stroke="#222" strokeWidth={1.6} data-testid="kept-level" /> : null}
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#c3cad5" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#c3cad5" />
      </svg>
      <figcaption className="legend small">
        <span>● each pruning level&apos;s best validation loss, ± one standard error (▲ above the chart)</span>
        {oneSeRatio !== null ? (
          <span>
            <span className="swatch-line dashed" style={{ borderColor: WITHIN }} /> one standard error above the lowest;{' '}
            <span style={{ color: WITHIN }}>green</span> levels are within it
          </span>
        ) : null}
        {kept ? <span>○ kept model</span> : null}
      </figcaption>
      <p className="small muted">{pathReading(path.points.length, kept, sparsestWithinOneSe, oneSeRatio !== null, keepsOneSe)}</p>
    </figure>
  );
}

function pathReading(levels: number, kept: PathPoint | null, sparsest: PathPoint | null, hasSe: boolean, keepsOneSe: boolean): string {
  if (!hasSe)
    return `${levels} pruning levels. This run recorded no standard errors of the validation loss, so the band of levels it cannot tell apart is not shown.`;
  if (kept && sparsest && kept.level === sparsest.level)
    return `The kept model, at ${pct(kept.sparsity)} sparsity, is also the sparsest level within one standard error of the lowest validation loss.`;
  const within = sparsest
    ? `The sparsest level within one standard error of the lowest loss is at ${pct(sparsest.sparsity)}`
    : 'No pruned level is within one standard error of the lowest loss';
  const keptText = kept ? `; the kept model is at ${pct(kept.sparsity)}.` : '.';
  const advice =
    !keepsOneSe && sparsest && kept && sparsest.sparsity > kept.sparsity
      ? ' The validation data cannot tell these levels apart, so the sparser network is as well supported; the "sparsest within one SE" rule in the launch form keeps it.'
      : '';
  return `${within}${keptText}${advice}`;
}
