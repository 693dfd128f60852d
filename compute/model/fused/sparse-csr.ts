/**
 * The kept entries of one weight matrix in compressed sparse rows, built once per mask (the pattern;
 * the values are gathered from θ each step). One orientation serves both the forward pass and the
 * adjoint: spmm4 gathers along the rows, spmmT4 scatters for the transpose.
 */
export interface Csr {
  rows: number;
  nnz: number;
  /** rows + 1 positions */
  ptr: Int32Array;
  /** the other index of each kept entry (u16: n and 2h stay below 65,536 where this is used) */
  idx: Uint16Array;
  /** each kept entry's index in the flat layout */
  flat: Int32Array;
}

/** The CSR of the R × C matrix stored row-major in the flat layout at `base` (indices are columns). */
export function csrByRows(mask: ArrayLike<number>, base: number, R: number, C: number): Csr {
  let nnz = 0;
  for (let q = base; q < base + R * C; q++) if (mask[q] !== 0) nnz++;
  const csr: Csr = { rows: R, nnz, ptr: new Int32Array(R + 1), idx: new Uint16Array(nnz), flat: new Int32Array(nnz) };
  let p = 0;
  for (let r = 0; r < R; r++) {
    const at = base + r * C;
    for (let c = 0; c < C; c++) {
      if (mask[at + c] === 0) continue;
      csr.idx[p] = c;
      csr.flat[p++] = at + c;
    }
    csr.ptr[r + 1] = p;
  }
  return csr;
}

/** Share of the first `count` entries of the mask that are kept. */
export function maskDensity(mask: ArrayLike<number>, count: number): number {
  let kept = 0;
  for (let q = 0; q < count; q++) if (mask[q] !== 0) kept++;
  return kept / count;
}
