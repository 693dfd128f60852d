/**
 * The kept entries of one weight matrix in compressed sparse rows, built once per mask (the pattern;
 * the values are gathered from θ each step). A matrix stored row-major in the flat layout at `base`
 * (R × C) gives two: by its rows (indices are columns) and by its columns (indices are rows), since
 * the forward pass and the adjoint multiply by it in opposite orientations.
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
  /** by columns only: each entry's position in the by-rows CSR (its value is gathered from there, not from θ at random) */
  source: Int32Array | null;
}

/** Both orientations of the R × C matrix at `base`: [by rows, by columns]. */
export function csrPair(mask: ArrayLike<number>, base: number, R: number, C: number): [Csr, Csr] {
  let nnz = 0;
  const rowPtr = new Int32Array(R + 1);
  const colCount = new Int32Array(C + 1);
  for (let r = 0; r < R; r++) {
    const at = base + r * C;
    for (let c = 0; c < C; c++) {
      if (mask[at + c] !== 0) {
        nnz++;
        colCount[c + 1]++;
      }
    }
    rowPtr[r + 1] = nnz;
  }
  const byRow: Csr = { rows: R, nnz, ptr: rowPtr, idx: new Uint16Array(nnz), flat: new Int32Array(nnz), source: null };
  for (let c = 0; c < C; c++) colCount[c + 1] += colCount[c];
  const source = new Int32Array(nnz);
  const byCol: Csr = { rows: C, nnz, ptr: colCount.slice(), idx: new Uint16Array(nnz), flat: new Int32Array(nnz), source };
  const next = colCount;
  let p = 0;
  for (let r = 0; r < R; r++) {
    const at = base + r * C;
    for (let c = 0; c < C; c++) {
      if (mask[at + c] === 0) continue;
      const q = next[c]++;
      byCol.idx[q] = r;
      byCol.flat[q] = at + c;
      source[q] = p;
      byRow.idx[p] = c;
      byRow.flat[p++] = at + c;
    }
  }
  return [byRow, byCol];
}

/** Share of the first `count` entries of the mask that are kept. */
export function maskDensity(mask: ArrayLike<number>, count: number): number {
  let kept = 0;
  for (let q = 0; q < count; q++) if (mask[q] !== 0) kept++;
  return kept / count;
}
