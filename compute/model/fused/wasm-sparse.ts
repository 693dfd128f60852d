/**
 * Sparse products for pruned models, in WebAssembly SIMD assembled as in wasm-gemm.ts, on the fused
 * kernel's memory. Activations are row-interleaved (4 batch rows per gene in one v128), so one
 * multiply-add per nonzero weight serves all 4 rows and a pruned weight is never read.
 *
 * - spmm4: Y[o] = [Y[o] +] Σ_p val[p]·X[idx[p]] for o < nOut, p in ptr[o]..ptr[o+1] (CSR, u16 indices
 *   to cut the index traffic; four accumulators so the adds do not wait on each other).
 * - sddmm: out[p] = ⟨A[o], B[idx[p]]⟩ for each nonzero: the weight gradient at the kept entries only,
 *   over rows of `rowBytes` bytes (a multiple of 32) holding every evaluation's rows side by side.
 * All arguments are i32 byte addresses except nOut; ptr holds nonzero positions (i32).
 */
import { I32, V128, get, i32, memarg, op, set, simd, uleb, vec, vector, wasmModule, whileLoop } from './wasm-gemm';

const i32Load = 0x28;
const i32Load16U = 0x2f;
const i32Shl = 0x74;
const i32GeU = 0x4f;
const i32GtU = 0x4b;
const half = (offset: number) => [1, ...uleb(offset)];
const zero = () => [...vec(simd.const), ...new Array(16).fill(0)];
/** base + (index << shift): the byte address of an element `index` in an array of 2^shift-byte entries at local `base`. */
const scaledAddress = (base: number, index: number[], shift: number) => [...get(base), ...index, ...i32(shift), i32Shl, op.i32Add];
const add = (a: number, v: number) => [...get(a), ...i32(v), op.i32Add, ...set(a)];

// spmm4 parameters and locals
const S = { nOut: 0, ptr: 1, idx: 2, val: 3, X: 4, Y: 5, acc: 6, o: 7, p: 8, e: 9, q: 10, py: 11, a: 12 } as const;

/** acc_u += splat(val at p + 4u) · X[idx at q + 2u] */
function madd(u: number): number[] {
  return [
    ...get(S.a + u),
    ...get(S.p),
    ...vec(simd.load32Splat),
    ...memarg(4 * u),
    ...get(S.X),
    ...get(S.q),
    i32Load16U,
    ...half(2 * u),
    ...i32(4),
    i32Shl,
    op.i32Add,
    ...vec(simd.load),
    ...memarg(0),
    ...vec(simd.f32x4Mul),
    ...vec(simd.f32x4Add),
    ...set(S.a + u),
  ];
}

/** while (p + 4·unroll ≤ e) { unroll multiply-adds } */
function nonzeroLoop(unroll: number): number[] {
  const body: number[] = [];
  for (let u = 0; u < unroll; u++) body.push(...madd(u));
  return whileLoop([...get(S.p), ...i32(4 * unroll), op.i32Add, ...get(S.e), i32GtU], [...body, ...add(S.p, 4 * unroll), ...add(S.q, 2 * unroll)]);
}

function spmmBody(): number[] {
  const rowStart = (offset: number) => [...get(S.ptr), ...get(S.o), ...i32(2), i32Shl, op.i32Add, i32Load, ...memarg(offset)];
  const sumAll = [...get(S.a), ...get(S.a + 1), ...vec(simd.f32x4Add), ...get(S.a + 2), ...get(S.a + 3), ...vec(simd.f32x4Add), ...vec(simd.f32x4Add)];
  return [
    op.block,
    0x40,
    op.loop,
    0x40,
    ...get(S.o),
    ...get(S.nOut),
    op.i32GeS,
    op.brIf,
    1,
    // p, e: val addresses of the row's first and end nonzero; q: idx address; py: Y[o].
    ...scaledAddress(S.val, rowStart(0), 2),
    ...set(S.p),
    ...scaledAddress(S.val, rowStart(4), 2),
    ...set(S.e),
    ...scaledAddress(S.idx, rowStart(0), 1),
    ...set(S.q),
    ...get(S.Y),
    ...get(S.o),
    ...i32(4),
    i32Shl,
    op.i32Add,
    ...set(S.py),
    ...get(S.acc),
    op.if,
    V128,
    ...get(S.py),
    ...vec(simd.load),
    ...memarg(0),
    op.else,
    ...zero(),
    op.end,
    ...set(S.a),
    ...zero(),
    ...set(S.a + 1),
    ...zero(),
    ...set(S.a + 2),
    ...zero(),
    ...set(S.a + 3),
    ...nonzeroLoop(4),
    ...nonzeroLoop(1),
    ...get(S.py),
    ...sumAll,
    ...vec(simd.store),
    ...memarg(0),
    ...add(S.o, 1),
    op.br,
    0,
    op.end,
    op.end,
  ];
}

/** spmmT4: Y[idx[p]] += val[p]·X[o] for every kept entry of row o: the product by the CSR's transpose (Y zeroed by the caller). */
function spmmTBody(): number[] {
  const rowStart = (offset: number) => [...get(S.ptr), ...get(S.o), ...i32(2), i32Shl, op.i32Add, i32Load, ...memarg(offset)];
  const scatter = whileLoop(
    [...get(S.p), ...get(S.e), i32GeU],
    [
      ...get(S.Y),
      ...get(S.q),
      i32Load16U,
      ...half(0),
      ...i32(4),
      i32Shl,
      op.i32Add,
      ...set(S.py),
      ...get(S.py),
      ...get(S.py),
      ...vec(simd.load),
      ...memarg(0),
      ...get(S.p),
      ...vec(simd.load32Splat),
      ...memarg(0),
      ...get(S.a),
      ...vec(simd.f32x4Mul),
      ...vec(simd.f32x4Add),
      ...vec(simd.store),
      ...memarg(0),
      ...add(S.p, 4),
      ...add(S.q, 2),
    ],
  );
  return whileLoop(
    [...get(S.o), ...get(S.nOut), op.i32GeS],
    [
      ...scaledAddress(S.val, rowStart(0), 2),
      ...set(S.p),
      ...scaledAddress(S.val, rowStart(4), 2),
      ...set(S.e),
      ...scaledAddress(S.idx, rowStart(0), 1),
      ...set(S.q),
      ...get(S.X),
      ...get(S.o),
      ...i32(4),
      i32Shl,
      op.i32Add,
      ...vec(simd.load),
      ...memarg(0),
      ...set(S.a),
      ...scatter,
      ...add(S.o, 1),
    ],
  );
}

// sddmm parameters and locals
const D = { nOut: 0, ptr: 1, idx: 2, A: 3, B: 4, rowBytes: 5, out: 6, o: 7, q: 8, qe: 9, pa: 10, pb: 11, c: 12, po: 13, a0: 14, a1: 15 } as const;

/** a_u += A[pa + c + 16u] · B[pb + c + 16u] */
function dotStep(u: number): number[] {
  const load = (base: number) => [...get(base), ...get(D.c), op.i32Add, ...vec(simd.load), ...memarg(16 * u)];
  return [...get(D.a0 + u), ...load(D.pa), ...load(D.pb), ...vec(simd.f32x4Mul), ...vec(simd.f32x4Add), ...set(D.a0 + u)];
}

function sddmmBody(): number[] {
  const rowStart = (offset: number) => [...get(D.ptr), ...get(D.o), ...i32(2), i32Shl, op.i32Add, i32Load, ...memarg(offset)];
  const lane = (l: number) => [...get(D.a0), ...vec(simd.extractLane), l];
  const dot = whileLoop([...get(D.c), ...get(D.rowBytes), i32GeU], [...dotStep(0), ...dotStep(1), ...add(D.c, 32)]);
  const nonzeros = whileLoop(
    [...get(D.q), ...get(D.qe), i32GeU],
    [
      ...get(D.B),
      ...get(D.q),
      i32Load16U,
      ...half(0),
      ...get(D.rowBytes),
      op.i32Mul,
      op.i32Add,
      ...set(D.pb),
      ...zero(),
      ...set(D.a0),
      ...zero(),
      ...set(D.a1),
      ...i32(0),
      ...set(D.c),
      ...dot,
      ...get(D.a0),
      ...get(D.a1),
      ...vec(simd.f32x4Add),
      ...set(D.a0),
      ...get(D.po),
      ...lane(0),
      ...lane(1),
      op.f32Add,
      ...lane(2),
      ...lane(3),
      op.f32Add,
      op.f32Add,
      op.f32Store,
      ...memarg(0),
      ...add(D.q, 2),
      ...add(D.po, 4),
    ],
  );
  return whileLoop(
    [...get(D.o), ...get(D.nOut), op.i32GeS],
    [
      ...scaledAddress(D.idx, rowStart(0), 1),
      ...set(D.q),
      ...scaledAddress(D.idx, rowStart(4), 1),
      ...set(D.qe),
      ...scaledAddress(D.out, rowStart(0), 2),
      ...set(D.po),
      ...get(D.A),
      ...get(D.o),
      ...get(D.rowBytes),
      op.i32Mul,
      op.i32Add,
      ...set(D.pa),
      ...nonzeros,
      ...add(D.o, 1),
    ],
  );
}

export function sparseModuleBytes(): Uint8Array<ArrayBuffer> {
  const type = [0x60, ...uleb(7), ...new Array(7).fill(I32), 0];
  const spmm = [
    ...vector([
      [...uleb(5), I32],
      [...uleb(4), V128],
    ]),
    ...spmmBody(),
    op.end,
  ];
  const sddmm = [
    ...vector([
      [...uleb(7), I32],
      [...uleb(2), V128],
    ]),
    ...sddmmBody(),
    op.end,
  ];
  const spmmT = [
    ...vector([
      [...uleb(5), I32],
      [...uleb(4), V128],
    ]),
    ...spmmTBody(),
    op.end,
  ];
  return wasmModule(
    [type],
    [
      ['spmm4', 0, spmm],
      ['sddmm', 0, sddmm],
      ['spmmT4', 0, spmmT],
    ],
  );
}

/** spmm4(nOut, ptr, idx, val, X, Y, acc) and sddmm(nOut, ptr, idx, A, B, rowBytes, out); addresses in bytes. */
export type SparseFn = (a: number, b: number, c: number, d: number, e: number, f: number, g: number) => void;

let compiled: WebAssembly.Module | null = null;

export function sparseInstance(memory: WebAssembly.Memory): { spmm4: SparseFn; sddmm: SparseFn; spmmT4: SparseFn } {
  compiled ??= new WebAssembly.Module(sparseModuleBytes());
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  return { spmm4: instance.exports.spmm4 as SparseFn, sddmm: instance.exports.sddmm as SparseFn, spmmT4: instance.exports.spmmT4 as SparseFn };
}
