import { maxOf, minOf } from '@/compute';

/** Sparsity against balanced accuracy, one point per run (the paper's main figure): up and right is better. */
export interface ScatterPoint {
  id: string;
  label: string;
  group: string;
  x: number;
  y: number;
}

const W = 560;
const H = 340;
const M = { left: 56, right: 20, top: 16, bottom: 44 };
const PALETTE = ['#2856c8', '#c0392b', '#1e8e4e', '#b7791f', '#8e44ad', '#16a2b8'];

export function SparsityScatter({ points }: { points: ScatterPoint[] }) {
  if (points.length === 0) return <p className="muted">No scored runs to plot.</p>;
  const groups = [...new Set(points.map((p) => p.group))];
  const ys = points.map((p) => p.y);
  const [y0, y1] = [Math.min(0.5, Math.floor(minOf(ys) * 20) / 20), Math.max(1, Math.ceil(maxOf(ys) * 20) / 20)];
  const x = (v: number) => M.left + v * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const xTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const yTicks = Array.from({ length: 6 }, (_, i) => y0 + ((y1 - y0) * i) / 5);
  return (
    <figure className="network-figure">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="plot scatter"
        role="img"
        aria-label={`Sparsity against balanced accuracy for ${points.length} runs; the table lists the same values.`}
      >
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="plot-grid-line" />
            <text x={M.left - 6} y={y(t) + 3} textAnchor="end" className="plot-tick">
              {t.toFixed(2)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={H - M.bottom} className="plot-grid-line" />
            <text x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="plot-tick">
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" className="plot-tick">
          sparsity (fraction of pruned weights)
        </text>
        <text x={14} y={(M.top + H - M.bottom) / 2} textAnchor="middle" className="plot-tick" transform={`rotate(-90 14 ${(M.top + H - M.bottom) / 2})`}>
          balanced accuracy
        </text>
        {points.map((p) => {
          const colour = PALETTE[groups.indexOf(p.group) % PALETTE.length];
          return (
            <g key={p.id}>
              <circle cx={x(p.x)} cy={y(p.y)} r={6} fill={colour} fillOpacity={0.85} stroke="#fff" strokeWidth={1.5}>
                <title>{`${p.label}: sparsity ${(p.x * 100).toFixed(1)}%, balanced accuracy ${p.y.toFixed(3)}`}</title>
              </circle>
              <text x={p.x > 0.7 ? x(p.x) - 8 : x(p.x) + 8} y={y(p.y) - 6} textAnchor={p.x > 0.7 ? 'end' : 'start'} className="plot-tick scatter-label">
                {p.label.length > 28 ? `${p.label.slice(0, 27)}…` : p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend small">
        {groups.map((g, i) => (
          <span key={g}>
            <span className="swatch" style={{ background: PALETTE[i % PALETTE.length], borderRadius: '50%' }} /> {g}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
