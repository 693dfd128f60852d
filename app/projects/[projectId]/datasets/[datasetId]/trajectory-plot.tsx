import { extent } from '@/compute';
/**
 * Small multiples: one panel per trajectory, one line per gene, shared axes so panels compare.
 * Plain SVG: a few hundred points need no charting library.
 */
export interface Series {
  trajectory: number;
  role: string;
  gene: string;
  times: number[];
  values: (number | null)[];
}

const PALETTE = ['#2856c8', '#c0392b', '#1e8e4e', '#b7791f', '#8e44ad', '#16a2b8', '#d35400', '#5d6778'];
export const geneColour = (i: number) => PALETTE[i % PALETTE.length];

const W = 300;
const H = 190;
const M = { left: 44, right: 10, top: 22, bottom: 30 };

/** About `count` round tick values (1, 2 or 5 × 10^k apart) inside [min, max]. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = power * (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1);
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const fmt = (v: number) => String(Number(v.toPrecision(4)));

export function TrajectoryPlot({ series, genes }: { series: Series[]; genes: string[] }) {
  if (series.length === 0) return <p className="muted">Choose at least one gene and one trajectory.</p>;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const times = series.flatMap((s) => s.times);
  const [y0, y1] = extent(all);
  const [t0, t1] = extent(times);
  const pad = (y1 - y0 || 1) * 0.05;
  const x = (t: number) => M.left + ((t - t0) / (t1 - t0 || 1)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - ((v - (y0 - pad)) / (y1 - y0 + 2 * pad || 1)) * (H - M.top - M.bottom);
  const byTrajectory = new Map<number, Series[]>();
  for (const s of series) byTrajectory.set(s.trajectory, [...(byTrajectory.get(s.trajectory) ?? []), s]);

  return (
    <div>
      <ul className="legend" aria-label="Genes">
        {genes.map((g, i) => (
          <li key={g}>
            <span className="swatch" style={{ background: geneColour(i) }} aria-hidden="true" />
            {g}
          </li>
        ))}
      </ul>
      <div className="plot-grid">
        {[...byTrajectory.entries()].map(([trajectory, lines]) => (
          <svg
            key={trajectory}
            viewBox={`0 0 ${W} ${H}`}
            className="plot"
            role="img"
            aria-label={`Trajectory ${trajectory + 1}${lines[0].role === 'test' ? ' (test)' : ''}: ${lines.map((l) => l.gene).join(', ')} over time`}
          >
            <text x={M.left} y={14} className="plot-title">
              Trajectory {trajectory + 1}
              {lines[0].role === 'test' ? ' (test)' : ''}
            </text>
            {niceTicks(y0 - pad, y1 + pad).map((v) => (
              <g key={`y${v}`}>
                <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="plot-grid-line" />
                <text x={M.left - 4} y={y(v) + 3} className="plot-tick" textAnchor="end">
                  {fmt(v)}
                </text>
              </g>
            ))}
            {niceTicks(t0, t1, 5).map((t) => (
              <text key={`x${t}`} x={x(t)} y={H - M.bottom + 14} className="plot-tick" textAnchor="middle">
                {fmt(t)}
              </text>
            ))}
            <text x={(W + M.left) / 2} y={H - 3} className="plot-tick" textAnchor="middle">
              time
            </text>
            {lines.map((line) => {
              const colour = geneColour(genes.indexOf(line.gene));
              const points = line.times.map((t, k) => (line.values[k] === null ? null : ([x(t), y(line.values[k]!)] as const)));
              const path = points.reduce((d, p, k) => (p ? `${d}${d && points[k - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}` : d), '');
              return (
                <g key={line.gene}>
                  <path d={path} fill="none" stroke={colour} strokeWidth={1.8} />
                  {points.map((p, k) =>
                    p ? (
                      <circle key={k} cx={p[0]} cy={p[1]} r={2.4} fill={colour}>
                        <title>{`${line.gene} at t = ${line.times[k]}: ${line.values[k]}`}</title>
                      </circle>
                    ) : null,
                  )}
                </g>
              );
            })}
          </svg>
        ))}
      </div>
    </div>
  );
}
