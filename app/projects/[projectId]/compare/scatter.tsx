'use client';
import { useState } from 'react';
import { frontierSteps, maxOf, minOf, paretoFrontier } from '@/compute';

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
const TIP = { w: 210, h: 34 };

/**
 * The runs as points coloured by strategy, with the Pareto frontier (no other run is both sparser and
 * more accurate) as a step line and its points ringed. Names show one at a time, on hover or keyboard
 * focus, so none overlap however close the runs lie; the legend names colours and marks.
 */
export function SparsityScatter({ points }: { points: ScatterPoint[] }) {
  const [active, setActive] = useState<string | null>(null);
  if (points.length === 0) return <p className="muted">No scored runs to plot.</p>;
  const groups = [...new Set(points.map((p) => p.group))];
  const frontier = paretoFrontier(points).map((i) => points[i]);
  const onFrontier = new Set(frontier.map((p) => p.id));
  const ys = points.map((p) => p.y);
  const [y0, y1] = [Math.min(0.5, Math.floor(minOf(ys) * 20) / 20), Math.max(1, Math.ceil(maxOf(ys) * 20) / 20)];
  const x = (v: number) => M.left + v * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const xTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const yTicks = Array.from({ length: 6 }, (_, i) => y0 + ((y1 - y0) * i) / 5);
  const steps = frontierSteps(frontier);
  const path = steps.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(s.x).toFixed(1)},${y(s.y).toFixed(1)}`).join(' ');
  const colour = (p: ScatterPoint) => PALETTE[groups.indexOf(p.group) % PALETTE.length];
  const describe = (p: ScatterPoint) =>
    `${p.label}: sparsity ${(p.x * 100).toFixed(1)}%, balanced accuracy ${p.y.toFixed(3)}${onFrontier.has(p.id) ? ', on the Pareto frontier' : ''}`;
  const shown = points.find((p) => p.id === active);
  // Drawn last so it sits above every point; kept inside the plot.
  const tip = shown
    ? {
        left: Math.min(Math.max(x(shown.x) - TIP.w / 2, M.left), W - M.right - TIP.w),
        top: y(shown.y) - TIP.h - 10 < M.top ? y(shown.y) + 10 : y(shown.y) - TIP.h - 10,
      }
    : null;

  return (
    <figure className="network-figure">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="plot scatter"
        role="group"
        aria-label={`Sparsity against balanced accuracy for ${points.length} runs, ${frontier.length} on the Pareto frontier; the table lists the same values.`}
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
        {frontier.length > 1 ? <path d={path} className="frontier-line" data-testid="pareto-frontier" /> : null}
        {points.map((p) => {
          const best = onFrontier.has(p.id);
          return (
            <g
              key={p.id}
              role="button"
              tabIndex={0}
              aria-label={describe(p)}
              className={best ? 'scatter-point frontier-point' : 'scatter-point'}
              onMouseEnter={() => setActive(p.id)}
              onMouseLeave={() => setActive((a) => (a === p.id ? null : a))}
              onFocus={() => setActive(p.id)}
              onBlur={() => setActive((a) => (a === p.id ? null : a))}
            >
              {best ? <circle cx={x(p.x)} cy={y(p.y)} r={9.5} className="frontier-ring" /> : null}
              <circle cx={x(p.x)} cy={y(p.y)} r={best ? 6.5 : 5} fill={colour(p)} fillOpacity={best ? 1 : 0.7} stroke="#fff" strokeWidth={1.5} />
            </g>
          );
        })}
        {shown && tip ? (
          <g className="scatter-tip" pointerEvents="none">
            <rect x={tip.left} y={tip.top} width={TIP.w} height={TIP.h} rx={4} />
            <text x={tip.left + 8} y={tip.top + 14} className="scatter-tip-title">
              {shown.label.length > 34 ? `${shown.label.slice(0, 33)}…` : shown.label}
            </text>
            <text x={tip.left + 8} y={tip.top + 27} className="scatter-tip-text">
              {`sparsity ${(shown.x * 100).toFixed(1)}% · BA ${shown.y.toFixed(3)}${onFrontier.has(shown.id) ? ' · frontier' : ''}`}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption className="legend small">
        {groups.map((g, i) => (
          <span key={g}>
            <span className="swatch" style={{ background: PALETTE[i % PALETTE.length], borderRadius: '50%' }} /> {g}
          </span>
        ))}
        <span>
          <span className="swatch-line frontier-swatch" /> Pareto frontier (no run is both sparser and more accurate)
        </span>
        <span>
          <span className="swatch frontier-ring-swatch" /> on the frontier
        </span>
        <span className="muted">Hover or tab to a point for its run.</span>
      </figcaption>
    </figure>
  );
}
