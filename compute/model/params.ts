/**
 * PHOENIX parameters in the spec's shapes (row-major), as plain arrays: what initialisation makes,
 * what pruning scores, what the weights file stores. The tf model keeps them in its own layout.
 */
export interface PhoenixParams {
  n: number;
  h: number;
  /** h×n */
  Ws: Float32Array;
  /** h */
  bs: Float32Array;
  /** h×n */
  Wp: Float32Array;
  /** h */
  bp: Float32Array;
  /** n×h */
  As: Float32Array;
  /** n×h */
  Ap: Float32Array;
  /** n: the gene multipliers */
  v: Float32Array;
}

/** Which entries of the four prunable matrices are kept (1) or pruned for good (0), in spec shapes. */
export interface PhoenixMasks {
  Ws: Uint8Array;
  Wp: Uint8Array;
  As: Uint8Array;
  Ap: Uint8Array;
}

export const PRUNABLE = ['Ws', 'Wp', 'As', 'Ap'] as const;
export type PrunableName = (typeof PRUNABLE)[number];

export function fullMasks(n: number, h: number): PhoenixMasks {
  return { Ws: new Uint8Array(h * n).fill(1), Wp: new Uint8Array(h * n).fill(1), As: new Uint8Array(n * h).fill(1), Ap: new Uint8Array(n * h).fill(1) };
}

export function cloneParams(p: PhoenixParams): PhoenixParams {
  return { n: p.n, h: p.h, Ws: p.Ws.slice(), bs: p.bs.slice(), Wp: p.Wp.slice(), bp: p.bp.slice(), As: p.As.slice(), Ap: p.Ap.slice(), v: p.v.slice() };
}

export function cloneMasks(m: PhoenixMasks): PhoenixMasks {
  return { Ws: m.Ws.slice(), Wp: m.Wp.slice(), As: m.As.slice(), Ap: m.Ap.slice() };
}

/** The parameters with pruned entries set to exactly zero. */
export function applyMasks(p: PhoenixParams, masks: PhoenixMasks | null): PhoenixParams {
  const out = cloneParams(p);
  if (!masks) return out;
  for (const name of PRUNABLE) {
    const w = out[name];
    const m = masks[name];
    for (let k = 0; k < w.length; k++) if (m[k] === 0) w[k] = 0;
  }
  return out;
}
