import { Random } from '../random';
import type { ExpressionData } from '../types';
import type { SparseEffects } from './sparse-effects';

/**
 * Candidate edges the prior lacks, found in the data rather than in the model's weights.
 *
 * For every target gene, fit its rate of change over each observed interval, (x(t₂) − x(t₁)) / (t₂ − t₁),
 * linearly on its own level and its prior regulators' levels (interval midpoints); what that fit leaves
 * unexplained is what the prior cannot account for. A candidate regulator's score is its squared partial
 * correlation with that residual: the share of the target's unexplained variation it explains (0 to 1).
 * Candidates are the genes that regulate something in the prior (a missing edge usually comes from a
 * known regulator; it also keeps the screen linear in the number of targets at genome scale).
 *
 * Why not the model: a DASH-pruned model keeps thousands of weak edges outside the prior and, trained
 * towards the prior, ranks the true missing ones low (top-k precision 0.11 over 5 seeds on SIM350);
 * this screen puts 0.44 (5% prior noise) and 0.55 (10%) of its top k on true edges (docs/sim350-results.md).
 * It reads the data and the prior only, never a gold standard.
 *
 * An interval is used when both its ends are fully observed and its time increases.
 */
export interface ScreenedPair {
  /** regulator × n + target, as in SparseEffects. */
  index: number;
  /** Share of the target's rate of change unexplained by the prior that this regulator explains. */
  explained: number;
  /** Sign of the partial correlation: +1 where more regulator goes with a faster rise. */
  sign: 1 | -1;
}

export interface ResidualScreenOptions {
  /** Keep at most this many candidates per target (the strongest), so the list stays bounded at genome scale. */
  perTarget: number;
  /**
   * σ of Gaussian noise added to the data first (one fixed draw), as training adds it to noise-free synthetic
   * data (the run's `noiseStd`). Noise-free data leaves only the fit's deterministic misfit as residual, which
   * other genes explain almost entirely, so every share would read near 1.
   */
  noiseStd: number;
}

export const DEFAULT_RESIDUAL_SCREEN_OPTIONS: ResidualScreenOptions = { perTarget: 20, noiseStd: 0 };

/** Below this residual variance (relative to the rate's) a target is fully explained: nothing to find. */
const EXPLAINED_FULLY = 1e-10;

export function residualScreen(data: ExpressionData, prior: SparseEffects, options: ResidualScreenOptions = DEFAULT_RESIDUAL_SCREEN_OPTIONS): ScreenedPair[] {
  const result: ScreenedPair[] = [];
  for (const pairs of screenTargets(data, prior, options)) result.push(...pairs);
  return result.sort(byExplained);
}

/**
 * The screen one target at a time (each yield: that target's strongest pairs), so a server can hand the
 * event loop back between targets; at genome scale the whole screen takes seconds.
 */
export function* screenTargets(
  data: ExpressionData,
  prior: SparseEffects,
  options: ResidualScreenOptions = DEFAULT_RESIDUAL_SCREEN_OPTIONS,
): Generator<ScreenedPair[]> {
  const n = data.genes.length;
  if (prior.n !== n) throw new RangeError(`residualScreen: the prior is ${prior.n}×${prior.n} but the data has ${n} genes`);
  const { rate, level, samples } = intervalSamples(data, options.noiseStd);
  const regulatorsOf: number[][] = Array.from({ length: n }, () => []);
  const isRegulator = new Uint8Array(n);
  for (const e of prior.index) {
    const r = Math.floor(e / n);
    const t = e % n;
    if (r !== t) regulatorsOf[t].push(r);
    isRegulator[r] = 1;
  }
  const candidates = [...isRegulator.keys()].filter((g) => isRegulator[g]);
  if (samples < 3 || candidates.length === 0) return;
  const squares = candidates.map((c) => dot(level[c], level[c]));
  for (let target = 0; target < n; target++) {
    const basis = orthonormalBasis([ones(samples), level[target], ...regulatorsOf[target].map((r) => level[r])]);
    const residual = residualOf(rate[target], basis);
    const residualSquare = dot(residual, residual);
    if (residualSquare <= EXPLAINED_FULLY * Math.max(dot(rate[target], rate[target]), Number.MIN_VALUE)) continue;
    const excluded = new Set([target, ...regulatorsOf[target]]);
    const scored: ScreenedPair[] = [];
    candidates.forEach((c, k) => {
      if (excluded.has(c)) return;
      // ‖c − QQᵀc‖² = ‖c‖² − ‖Qᵀc‖², and (c − QQᵀc)·r = c·r because r ⟂ Q.
      let projected = 0;
      for (const q of basis) projected += dot(q, level[c]) ** 2;
      const spread = squares[k] - projected;
      if (!(spread > 1e-12 * squares[k])) return;
      const covariance = dot(level[c], residual);
      const explained = (covariance * covariance) / (spread * residualSquare);
      scored.push({ index: c * n + target, explained: Math.min(1, explained), sign: covariance < 0 ? -1 : 1 });
    });
    yield scored.sort(byExplained).slice(0, options.perTarget);
  }
}

export const byExplained = (a: ScreenedPair, b: ScreenedPair) => b.explained - a.explained || a.index - b.index;

/** Per gene, the rate of change and the midpoint level over every usable interval of every trajectory. */
function intervalSamples(data: ExpressionData, noiseStd: number): { rate: Float64Array[]; level: Float64Array[]; samples: number } {
  const n = data.genes.length;
  const usable: { from: number[]; to: number[]; gap: number }[] = [];
  const random = new Random(0);
  for (const t of data.trajectories) {
    const values = noiseStd > 0 ? t.values.map((row) => row.map((x) => (x === null ? null : x + random.normal(0, noiseStd)))) : t.values;
    for (let k = 0; k + 1 < t.times.length; k++) {
      const gap = t.times[k + 1] - t.times[k];
      const from = values[k];
      const to = values[k + 1];
      if (!(gap > 0) || from.length !== n || to.length !== n) continue;
      if (from.some((x) => x === null || !Number.isFinite(x)) || to.some((x) => x === null || !Number.isFinite(x))) continue;
      usable.push({ from: from as number[], to: to as number[], gap });
    }
  }
  const samples = usable.length;
  const rate = Array.from({ length: n }, () => new Float64Array(samples));
  const level = Array.from({ length: n }, () => new Float64Array(samples));
  usable.forEach(({ from, to, gap }, s) => {
    for (let g = 0; g < n; g++) {
      rate[g][s] = (to[g] - from[g]) / gap;
      level[g][s] = (to[g] + from[g]) / 2;
    }
  });
  return { rate, level, samples };
}

/** Modified Gram–Schmidt; columns that add nothing (constant, repeated or collinear) are dropped. */
function orthonormalBasis(columns: Float64Array[]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const column of columns) {
    const v = Float64Array.from(column);
    const before = Math.sqrt(dot(v, v));
    for (const q of basis) subtractScaled(v, q, dot(q, v));
    const norm = Math.sqrt(dot(v, v));
    if (norm <= 1e-9 * Math.max(before, 1e-300)) continue;
    for (let s = 0; s < v.length; s++) v[s] /= norm;
    basis.push(v);
  }
  return basis;
}

function residualOf(y: Float64Array, basis: Float64Array[]): Float64Array {
  const r = Float64Array.from(y);
  for (const q of basis) subtractScaled(r, q, dot(q, r));
  return r;
}

function subtractScaled(v: Float64Array, q: Float64Array, scale: number): void {
  for (let s = 0; s < v.length; s++) v[s] -= scale * q[s];
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let s = 0; s < a.length; s++) sum += a[s] * b[s];
  return sum;
}

const ones = (length: number) => new Float64Array(length).fill(1);
