/** One model on the plot: its sparsity and the plotted measure (balanced accuracy, or a relative loss). */
export interface PlottedPoint {
  sparsity: number;
  value: number;
}

/** A run as the plot needs it: its pruning path and the model it kept. */
export interface PlottedRun {
  label: string;
  strategy: string;
  /** The best-validation model at each pruning level, in order. */
  path: PlottedPoint[];
  kept: PlottedPoint;
}

export interface PathsPlotOptions {
  title: string;
  /** Left end of the sparsity axis (the interesting part of a DASH path is often above 0.7). */
  xMin?: number;
  /** The measure's axis: label and range (default balanced accuracy from 0.5 to 1). */
  yLabel?: string;
  yMin?: number;
  yMax?: number;
  /** Dashed guide lines, e.g. a target of sparsity ≥ 0.94 at balanced accuracy ≥ 0.90. */
  guide?: PlottedPoint;
}

const STRATEGY_COLOURS: Record<string, string> = {
  dash: '#c0392b',
  bioprune: '#27ae60',
  imp: '#2e5cb8',
  none: '#555555',
  pinn: '#8e44ad',
  'pinn-mp': '#d68910',
  l0: '#16a085',
  'path-l1': '#7f8c8d',
  pathreg: '#b9770e',
};
const W = 980;
const H = 600;
const M = { left: 70, right: 260, top: 44, bottom: 56 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number) => x.toFixed(1);

function ticks(lo: number, hi: number): number[] {
  const step = hi - lo > 0.45 ? 0.1 : 0.05;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}

/**
 * A measure against sparsity: one line per run through its pruning levels, its kept model ringed.
 * Several seeds of a strategy share a colour, so their spread shows.
 */
export function pruningPathsSvg(runs: readonly PlottedRun[], options: PathsPlotOptions): string {
  const xMin = options.xMin ?? 0;
  const yMin = options.yMin ?? 0.5;
  const yMax = options.yMax ?? 1;
  const x = (s: number) => M.left + ((s - xMin) / (1 - xMin)) * (W - M.left - M.right);
  const y = (b: number) => H - M.bottom - ((b - yMin) / (yMax - yMin)) * (H - M.top - M.bottom);
  const inside = (p: PlottedPoint) => p.sparsity >= xMin && p.value >= yMin && p.value <= yMax;
  const parts: string[] = [];
  for (const t of ticks(xMin, 1)) {
    parts.push(`<line x1="${num(x(t))}" y1="${M.top}" x2="${num(x(t))}" y2="${H - M.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${num(x(t))}" y="${H - M.bottom + 18}" text-anchor="middle">${t.toFixed(2)}</text>`);
  }
  for (const t of ticks(yMin, yMax)) {
    parts.push(`<line x1="${M.left}" y1="${num(y(t))}" x2="${W - M.right}" y2="${num(y(t))}" stroke="#eee"/>`);
    parts.push(`<text x="${M.left - 8}" y="${num(y(t) + 4)}" text-anchor="end">${t.toFixed(2)}</text>`);
  }
  if (options.guide) {
    const g = options.guide;
    parts.push(`<line x1="${num(x(g.sparsity))}" y1="${M.top}" x2="${num(x(g.sparsity))}" y2="${H - M.bottom}" stroke="#999" stroke-dasharray="5 4"/>`);
    parts.push(`<line x1="${M.left}" y1="${num(y(g.value))}" x2="${W - M.right}" y2="${num(y(g.value))}" stroke="#999" stroke-dasharray="5 4"/>`);
  }
  runs.forEach((run, k) => {
    const colour = STRATEGY_COLOURS[run.strategy] ?? '#333';
    const points = run.path.filter(inside);
    if (points.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="${colour}" stroke-opacity="0.55" stroke-width="1.4" points="${points.map((p) => `${num(x(p.sparsity))},${num(y(p.value))}`).join(' ')}"/>`,
      );
    }
    for (const p of points) parts.push(`<circle cx="${num(x(p.sparsity))}" cy="${num(y(p.value))}" r="2.2" fill="${colour}"/>`);
    if (inside(run.kept))
      parts.push(
        `<circle class="kept" cx="${num(x(run.kept.sparsity))}" cy="${num(y(run.kept.value))}" r="7" fill="none" stroke="${colour}" stroke-width="2.2"/>`,
      );
    const ly = M.top + 6 + k * 19;
    if (ly < H - 10) {
      parts.push(`<circle cx="${W - M.right + 20}" cy="${ly}" r="5" fill="${colour}"/>`);
      parts.push(`<text x="${W - M.right + 32}" y="${ly + 4}">${esc(run.label)} (${run.kept.sparsity.toFixed(3)}, ${run.kept.value.toFixed(3)})</text>`);
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="24" font-size="15" font-weight="bold">${esc(options.title)}</text>`,
    ...parts,
    `<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#888"/>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 14}" text-anchor="middle">sparsity</text>`,
    `<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel ?? 'balanced accuracy')}</text>`,
    '<text x="' + (W - M.right + 14) + '" y="' + (H - 20) + '" fill="#666">ring: kept (best-validation) model</text>',
    '</svg>',
  ].join('\n');
}
