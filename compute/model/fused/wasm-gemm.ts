/**
 * A float32 matrix product in WebAssembly SIMD, assembled here byte by byte (no toolchain, no
 * dependency): C = [C +] A·B for row-major B and C and an A read with any two strides, so Aᵀ·B needs no
 * transpose. The PHOENIX step multiplies 4-row matrices by 350×40 ones; through tfjs each such product
 * costs a kernel dispatch larger than its arithmetic, here it costs a function call.
 *
 * The kernel keeps a 4-row × 8-column block of C in eight v128 accumulators and, per k, loads two
 * vectors of B's row k and broadcasts four entries of A's column k (v128.load32_splat). Columns that
 * do not fill a block go 4 at a time, then one at a time; rows that do not fill a block go one at a time.
 */

// Instruction bytes (WebAssembly core and SIMD proposals).
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
export const EMPTY = 0x40;
export const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  get: 0x20,
  set: 0x21,
  f32Load: 0x2a,
  f32Store: 0x38,
  i32Const: 0x41,
  f32Const: 0x43,
  i32Eqz: 0x45,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  f32Sqrt: 0x91,
  f32Add: 0x92,
  f32Sub: 0x93,
  f32Mul: 0x94,
  f32Div: 0x95,
} as const;
export const simd = {
  load: 0x00,
  load32Splat: 0x09,
  store: 0x0b,
  const: 0x0c,
  f32x4Splat: 0x13,
  extractLane: 0x1f,
  f32x4Sqrt: 0xe3,
  f32x4Add: 0xe4,
  f32x4Sub: 0xe5,
  f32x4Mul: 0xe6,
  f32x4Div: 0xe7,
} as const;

export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** Memory argument: alignment hint 4 bytes (entries are float32), a constant byte offset. */
export const memarg = (offset: number) => [2, ...uleb(offset)];
export const vec = (code: number) => [0xfd, ...uleb(code)];

// Parameters (all i32; pointers and strides in bytes).
const P = { M: 0, N: 1, K: 2, A: 3, sAr: 4, sAc: 5, B: 6, ldb: 7, C: 8, ldc: 9, acc: 10 } as const;
const PARAMS = 11;
// Locals after the parameters.
const L = { i: 11, j: 12, k: 13, pa: 14, pb: 15, pc: 16, rowA: 17, rowC: 18 } as const;
const I32_LOCALS = 8;
const V_ACC = PARAMS + I32_LOCALS; // 8 v128 accumulators, then 4 broadcast A entries, then 2 B vectors
const V_A = V_ACC + 8;
const V_B = V_A + 4;
const V128_LOCALS = 14;
const F_ACC = V_ACC + V128_LOCALS; // 4 f32 accumulators for single columns
const F32_LOCALS = 4;

export const get = (l: number) => [op.get, ...uleb(l)];
export const set = (l: number) => [op.set, ...uleb(l)];
export const i32 = (v: number) => [op.i32Const, ...sleb(v)];

/** Address of A[i + r, ·] at the current k: pa + r·sAr. */
function aAddress(r: number): number[] {
  if (r === 0) return get(L.pa);
  return [...get(L.pa), ...get(P.sAr), ...i32(r), op.i32Mul, op.i32Add];
}

/** Address of C[i + r, j]: pc + r·ldc. */
function cAddress(r: number): number[] {
  if (r === 0) return get(L.pc);
  return [...get(L.pc), ...get(P.ldc), ...i32(r), op.i32Mul, op.i32Add];
}

/**
 * One block: rows i..i+rows, columns j..j+width (width 8 or 4 as vectors, 1 as a scalar), the whole
 * K loop, then C written back. Expects pc = C + i·ldc + 4j set; leaves i and j unchanged.
 */
function blockBody(rows: number, width: 8 | 4 | 1): number[] {
  const vectors = width === 1 ? 0 : width / 4;
  const code: number[] = [];
  const accIndex = (r: number, v: number) => (vectors === 0 ? F_ACC + r : V_ACC + r * 2 + v);
  // Accumulators start from C (acc ≠ 0) or zero.
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < Math.max(vectors, 1); v++) {
      code.push(...get(P.acc), op.if, vectors ? V128 : F32);
      code.push(...cAddress(r));
      if (vectors) code.push(...vec(simd.load), ...memarg(16 * v));
      else code.push(op.f32Load, ...memarg(0));
      code.push(op.else);
      if (vectors) code.push(...vec(simd.const), ...new Array(16).fill(0));
      else code.push(op.f32Const, 0, 0, 0, 0);
      code.push(op.end, ...set(accIndex(r, v)));
    }
  }
  // pa = rowA (A + i·sAr), pb = B + 4j, k = K
  code.push(...get(L.rowA), ...set(L.pa));
  code.push(...get(P.B), ...get(L.j), ...i32(4), op.i32Mul, op.i32Add, ...set(L.pb));
  code.push(...get(P.K), ...set(L.k));
  code.push(op.block, EMPTY, op.loop, EMPTY);
  code.push(...get(L.k), ...i32(0), op.i32LeS, op.brIf, 1);
  if (vectors) {
    for (let v = 0; v < vectors; v++) code.push(...get(L.pb), ...vec(simd.load), ...memarg(16 * v), ...set(V_B + v));
    for (let r = 0; r < rows; r++) code.push(...aAddress(r), ...vec(simd.load32Splat), ...memarg(0), ...set(V_A + r));
    for (let r = 0; r < rows; r++) {
      for (let v = 0; v < vectors; v++) {
        code.push(...get(accIndex(r, v)), ...get(V_A + r), ...get(V_B + v), ...vec(simd.f32x4Mul), ...vec(simd.f32x4Add), ...set(accIndex(r, v)));
      }
    }
  } else {
    for (let r = 0; r < rows; r++) {
      code.push(
        ...get(accIndex(r, 0)),
        ...aAddress(r),
        op.f32Load,
        ...memarg(0),
        ...get(L.pb),
        op.f32Load,
        ...memarg(0),
        op.f32Mul,
        op.f32Add,
        ...set(accIndex(r, 0)),
      );
    }
  }
  code.push(...get(L.pa), ...get(P.sAc), op.i32Add, ...set(L.pa));
  code.push(...get(L.pb), ...get(P.ldb), op.i32Add, ...set(L.pb));
  code.push(...get(L.k), ...i32(1), op.i32Sub, ...set(L.k));
  code.push(op.br, 0, op.end, op.end);
  // Write back.
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < Math.max(vectors, 1); v++) {
      code.push(...cAddress(r));
      code.push(...get(accIndex(r, v)));
      if (vectors) code.push(...vec(simd.store), ...memarg(16 * v));
      else code.push(op.f32Store, ...memarg(0));
    }
  }
  return code;
}

/** while (j + width ≤ N) { block; j += width } with pc kept at C + i·ldc + 4j. */
function columnLoop(rows: number, width: 8 | 4 | 1): number[] {
  const code: number[] = [op.block, EMPTY, op.loop, EMPTY];
  code.push(...get(L.j), ...i32(width), op.i32Add, ...get(P.N), op.i32GtS, op.brIf, 1);
  code.push(...get(L.rowC), ...get(L.j), ...i32(4), op.i32Mul, op.i32Add, ...set(L.pc));
  code.push(...blockBody(rows, width));
  code.push(...get(L.j), ...i32(width), op.i32Add, ...set(L.j));
  code.push(op.br, 0, op.end, op.end);
  return code;
}

/** while (i + rows ≤ M) { all column blocks of these rows; i += rows }. */
function rowLoop(rows: number): number[] {
  const code: number[] = [op.block, EMPTY, op.loop, EMPTY];
  code.push(...get(L.i), ...i32(rows), op.i32Add, ...get(P.M), op.i32GtS, op.brIf, 1);
  code.push(...get(P.A), ...get(L.i), ...get(P.sAr), op.i32Mul, op.i32Add, ...set(L.rowA));
  code.push(...get(P.C), ...get(L.i), ...get(P.ldc), op.i32Mul, op.i32Add, ...set(L.rowC));
  code.push(...i32(0), ...set(L.j));
  for (const width of [8, 4, 1] as const) code.push(...columnLoop(rows, width));
  code.push(...get(L.i), ...i32(rows), op.i32Add, ...set(L.i));
  code.push(op.br, 0, op.end, op.end);
  return code;
}

// C = [C +] A·Bᵀ: parameters (M, N, K, A, lda, B, ldb, C, ldc, acc); A is M×K and B is N×K, both with
// rows contiguous along k, so the product runs along k in vectors and ends with a horizontal sum.
const Q = { M: 0, N: 1, K: 2, A: 3, lda: 4, B: 5, ldb: 6, C: 7, ldc: 8, acc: 9 } as const;
const NT_PARAMS = 10;
const T = { i: 10, j: 11, k: 12, pa: 13, pb: 14, rowA: 15 } as const;
const NT_I32_LOCALS = 6;
const T_ACC = NT_PARAMS + NT_I32_LOCALS; // 8 v128 accumulators, 4 rows of A, 2 rows of B
const T_A = T_ACC + 8;
const T_B = T_A + 4;
const NT_V128_LOCALS = 14;
const T_SUM = T_ACC + NT_V128_LOCALS; // 8 f32 sums
const NT_F32_LOCALS = 8;

function stridedAddress(base: number, stride: number, r: number): number[] {
  if (r === 0) return get(base);
  return [...get(base), ...get(stride), ...i32(r), op.i32Mul, op.i32Add];
}

/** Rows i..i+rows of A against rows j..j+cols of B, the whole K; writes C[i+r, j+c]. */
function ntBlock(rows: number, cols: number): number[] {
  const code: number[] = [];
  const acc = (r: number, c: number) => T_ACC + r * 2 + c;
  const sum = (r: number, c: number) => T_SUM + r * 2 + c;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) code.push(...vec(simd.const), ...new Array(16).fill(0), ...set(acc(r, c)));
  code.push(...get(T.rowA), ...set(T.pa));
  code.push(...get(Q.B), ...get(T.j), ...get(Q.ldb), op.i32Mul, op.i32Add, ...set(T.pb));
  code.push(...get(Q.K), ...set(T.k));
  // Four k at a time.
  code.push(op.block, EMPTY, op.loop, EMPTY);
  code.push(...get(T.k), ...i32(4), op.i32LtS, op.brIf, 1);
  for (let c = 0; c < cols; c++) code.push(...stridedAddress(T.pb, Q.ldb, c), ...vec(simd.load), ...memarg(0), ...set(T_B + c));
  for (let r = 0; r < rows; r++) code.push(...stridedAddress(T.pa, Q.lda, r), ...vec(simd.load), ...memarg(0), ...set(T_A + r));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++)
      code.push(...get(acc(r, c)), ...get(T_A + r), ...get(T_B + c), ...vec(simd.f32x4Mul), ...vec(simd.f32x4Add), ...set(acc(r, c)));
  }
  code.push(...get(T.pa), ...i32(16), op.i32Add, ...set(T.pa));
  code.push(...get(T.pb), ...i32(16), op.i32Add, ...set(T.pb));
  code.push(...get(T.k), ...i32(4), op.i32Sub, ...set(T.k));
  code.push(op.br, 0, op.end, op.end);
  // Horizontal sums: (l0 + l1) + (l2 + l3).
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const lane = (l: number) => [...get(acc(r, c)), ...vec(simd.extractLane), l];
      code.push(...lane(0), ...lane(1), op.f32Add, ...lane(2), ...lane(3), op.f32Add, op.f32Add, ...set(sum(r, c)));
    }
  }
  // The last K mod 4 one at a time.
  code.push(op.block, EMPTY, op.loop, EMPTY);
  code.push(...get(T.k), ...i32(0), op.i32LeS, op.brIf, 1);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      code.push(
        ...get(sum(r, c)),
        ...stridedAddress(T.pa, Q.lda, r),
        op.f32Load,
        ...memarg(0),
        ...stridedAddress(T.pb, Q.ldb, c),
        op.f32Load,
        ...memarg(0),
        op.f32Mul,
        op.f32Add,
        ...set(sum(r, c)),
      );
    }
  }
  code.push(...get(T.pa), ...i32(4), op.i32Add, ...set(T.pa));
  code.push(...get(T.pb), ...i32(4), op.i32Add, ...set(T.pb));
  code.push(...get(T.k), ...i32(1), op.i32Sub, ...set(T.k));
  code.push(op.br, 0, op.end, op.end);
  // C[i + r, j + c] = (acc ? C : 0) + sum
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const address = [
        ...get(Q.C),
        ...get(T.i),
        ...i32(r),
        op.i32Add,
        ...get(Q.ldc),
        op.i32Mul,
        op.i32Add,
        ...get(T.j),
        ...i32(c),
        op.i32Add,
        ...i32(4),
        op.i32Mul,
        op.i32Add,
      ];
      code.push(...address);
      code.push(...get(Q.acc), op.if, F32, ...address, op.f32Load, ...memarg(0), op.else, op.f32Const, 0, 0, 0, 0, op.end);
      code.push(...get(sum(r, c)), op.f32Add, op.f32Store, ...memarg(0));
    }
  }
  return code;
}

function ntRowLoop(rows: number): number[] {
  const code: number[] = [op.block, EMPTY, op.loop, EMPTY];
  code.push(...get(T.i), ...i32(rows), op.i32Add, ...get(Q.M), op.i32GtS, op.brIf, 1);
  code.push(...get(Q.A), ...get(T.i), ...get(Q.lda), op.i32Mul, op.i32Add, ...set(T.rowA));
  code.push(...i32(0), ...set(T.j));
  for (const cols of [2, 1]) {
    code.push(op.block, EMPTY, op.loop, EMPTY);
    code.push(...get(T.j), ...i32(cols), op.i32Add, ...get(Q.N), op.i32GtS, op.brIf, 1);
    code.push(...ntBlock(rows, cols));
    code.push(...get(T.j), ...i32(cols), op.i32Add, ...set(T.j));
    code.push(op.br, 0, op.end, op.end);
  }
  code.push(...get(T.i), ...i32(rows), op.i32Add, ...set(T.i));
  code.push(op.br, 0, op.end, op.end);
  return code;
}

// Adam, as FlatAdam.apply computes it in float32 (each operation rounded to float32: IEEE in both):
// adam(theta, grad, m, s, lr, count, β1, 1−β1, β2, 1−β2, 1/√bias2, ε, 1/bias1), pointers in bytes.
const AD = { theta: 0, grad: 1, m: 2, s: 3, lr: 4, count: 5, b1: 6, c1: 7, b2: 8, c2: 9, unbias2: 10, eps: 11, unbias1: 12 } as const;
const ADAM_PARAMS = 13;
const AL = { q: 13, end: 14 } as const;
const A_CONST = 15; // 7 v128 splats of the f32 parameters, in parameter order from b1
const A_TMP = A_CONST + 7; // g, m, s
const ADAM_V128_LOCALS = 10;

/** One entry (scalar) or four (vector) of the update at byte offset q. */
function adamLanes(vector: boolean): number[] {
  const load = (ptr: number) => [...get(ptr), ...get(AL.q), op.i32Add, ...(vector ? [...vec(simd.load), ...memarg(0)] : [op.f32Load, ...memarg(0)])];
  const store = (ptr: number, value: number[]) => [
    ...get(ptr),
    ...get(AL.q),
    op.i32Add,
    ...value,
    ...(vector ? [...vec(simd.store), ...memarg(0)] : [op.f32Store, ...memarg(0)]),
  ];
  const k = (param: number) => (vector ? get(A_CONST + param - AD.b1) : get(param));
  const mul = vector ? vec(simd.f32x4Mul) : [op.f32Mul];
  const add = vector ? vec(simd.f32x4Add) : [op.f32Add];
  const sub = vector ? vec(simd.f32x4Sub) : [op.f32Sub];
  const div = vector ? vec(simd.f32x4Div) : [op.f32Div];
  const sqrt = vector ? vec(simd.f32x4Sqrt) : [op.f32Sqrt];
  const [g, m, sq] = vector ? [A_TMP, A_TMP + 1, A_TMP + 2] : [A_TMP + 3, A_TMP + 4, A_TMP + 5];
  return [
    ...load(AD.grad),
    ...set(g),
    // m = m·β1 + g·(1−β1)
    ...load(AD.m),
    ...k(AD.b1),
    ...mul,
    ...get(g),
    ...k(AD.c1),
    ...mul,
    ...add,
    ...set(m),
    ...store(AD.m, get(m)),
    // s = s·β2 + g²·(1−β2)
    ...load(AD.s),
    ...k(AD.b2),
    ...mul,
    ...get(g),
    ...get(g),
    ...mul,
    ...k(AD.c2),
    ...mul,
    ...add,
    ...set(sq),
    ...store(AD.s, get(sq)),
    // theta = theta − (lr · (m / (√s · 1/√bias2 + ε))) · 1/bias1
    ...store(AD.theta, [
      ...load(AD.theta),
      ...load(AD.lr),
      ...get(m),
      ...get(sq),
      ...sqrt,
      ...k(AD.unbias2),
      ...mul,
      ...k(AD.eps),
      ...add,
      ...div,
      ...mul,
      ...k(AD.unbias1),
      ...mul,
      ...sub,
    ]),
  ];
}

function adamBody(): number[] {
  const code: number[] = [];
  for (let c = 0; c < 7; c++) code.push(...get(AD.b1 + c), ...vec(simd.f32x4Splat), ...set(A_CONST + c));
  // Four entries at a time up to the last multiple of four, then one at a time.
  code.push(...get(AD.count), ...i32(4), op.i32Mul, ...i32(-16), op.i32And, ...set(AL.end));
  code.push(...i32(0), ...set(AL.q));
  for (const vector of [true, false]) {
    const width = vector ? 16 : 4;
    code.push(op.block, EMPTY, op.loop, EMPTY);
    code.push(...get(AL.q), ...get(AL.end), op.i32GeS, op.brIf, 1);
    code.push(...adamLanes(vector));
    code.push(...get(AL.q), ...i32(width), op.i32Add, ...set(AL.q));
    code.push(op.br, 0, op.end, op.end);
    if (vector) code.push(...get(AD.count), ...i32(4), op.i32Mul, ...set(AL.end));
  }
  code.push(op.end);
  return code;
}

export function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

export function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** `while (!exit) body`: a block around a loop that leaves when `exit` leaves a nonzero i32. */
export function whileLoop(exit: number[], body: number[]): number[] {
  return [op.block, EMPTY, op.loop, EMPTY, ...exit, op.brIf, 1, ...body, op.br, 0, op.end, op.end];
}

const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/**
 * A module that imports its memory as `env.memory` and exports each function under its name; a function is
 * its type's index among `types` and its code (locals, body, end).
 */
export function wasmModule(types: number[][], functions: [string, number, number[]][]): Uint8Array<ArrayBuffer> {
  const importMemory = [...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([importMemory])),
    ...section(3, vector(functions.map(([, typeIndex]) => uleb(typeIndex)))),
    ...section(7, vector(functions.map(([fn], index) => [...name(fn), 0x00, ...uleb(index)]))),
    ...section(10, vector(functions.map(([, , code]) => [...uleb(code.length), ...code]))),
  ]);
}

/** The module: imports memory `env.memory`, exports `gemm` (C = [C +] A·B) and `gemmNT` (C = [C +] A·Bᵀ). */
export function gemmModuleBytes(): Uint8Array<ArrayBuffer> {
  const type = (params: number) => [0x60, ...uleb(params), ...new Array(params).fill(I32), 0];
  const adamType = [0x60, ...uleb(ADAM_PARAMS), ...new Array(6).fill(I32), ...new Array(7).fill(F32), 0];
  const gemm = [
    ...vector([
      [...uleb(I32_LOCALS), I32],
      [...uleb(V128_LOCALS), V128],
      [...uleb(F32_LOCALS), F32],
    ]),
    ...i32(0),
    ...set(L.i),
    ...rowLoop(4),
    ...rowLoop(1),
    op.end,
  ];
  const gemmNT = [
    ...vector([
      [...uleb(NT_I32_LOCALS), I32],
      [...uleb(NT_V128_LOCALS), V128],
      [...uleb(NT_F32_LOCALS), F32],
    ]),
    ...i32(0),
    ...set(T.i),
    ...ntRowLoop(4),
    ...ntRowLoop(1),
    op.end,
  ];
  const adam = [
    ...vector([
      [...uleb(2), I32],
      [...uleb(ADAM_V128_LOCALS), V128],
      [...uleb(3), F32],
    ]),
    ...adamBody(),
  ];
  return wasmModule(
    [type(PARAMS), type(NT_PARAMS), adamType],
    [
      ['gemm', 0, gemm],
      ['gemmNT', 1, gemmNT],
      ['adam', 2, adam],
    ],
  );
}

let compiled: WebAssembly.Module | null = null;

/** Whether this JavaScript engine runs WebAssembly SIMD (Node ≥ 16, current browsers). */
export function wasmSimdAvailable(): boolean {
  try {
    compiled ??= new WebAssembly.Module(gemmModuleBytes());
    return true;
  } catch {
    return false;
  }
}

export type GemmFn = (
  M: number,
  N: number,
  K: number,
  A: number,
  sAr: number,
  sAc: number,
  B: number,
  ldb: number,
  C: number,
  ldc: number,
  acc: number,
) => void;
export type AdamFn = (
  theta: number,
  grad: number,
  m: number,
  s: number,
  lr: number,
  count: number,
  b1: number,
  c1: number,
  b2: number,
  c2: number,
  unbias2: number,
  eps: number,
  unbias1: number,
) => void;
export type GemmNTFn = (M: number, N: number, K: number, A: number, lda: number, B: number, ldb: number, C: number, ldc: number, acc: number) => void;

/** An instance of the kernel on its own memory of `bytes` bytes (float32 arrays are views into it). */
export function gemmInstance(bytes: number): { memory: WebAssembly.Memory; gemm: GemmFn; gemmNT: GemmNTFn; adam: AdamFn } {
  compiled ??= new WebAssembly.Module(gemmModuleBytes());
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  if (pages > 65536) throw new Error(`the fused kernel needs ${bytes} bytes, more than WebAssembly's 4 GiB`);
  const memory = new WebAssembly.Memory({ initial: pages });
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  return { memory, gemm: instance.exports.gemm as GemmFn, gemmNT: instance.exports.gemmNT as GemmNTFn, adam: instance.exports.adam as AdamFn };
}
