import { describe, expect, it } from 'vitest';
import { Random } from '@/compute/random';
import { gemmInstance, gemmModuleBytes } from './wasm-gemm';

/** Fills A, B and C with random numbers and returns their float offsets. */
function setUp(f: Float32Array, sizes: number[], random: Random): number[] {
  const offsets: number[] = [];
  let p = 0;
  for (const size of sizes) {
    offsets.push(p);
    for (let q = 0; q < size; q++) f[p + q] = random.next() - 0.5;
    p += size;
  }
  return offsets;
}

// Shapes that exercise the 4-row and single-row paths, 8-, 4- and 1-column blocks, and K = 0.
const SHAPES: [number, number, number][] = [
  [4, 40, 350],
  [4, 350, 80],
  [350, 40, 64],
  [5, 13, 7],
  [1, 1, 1],
  [7, 9, 0],
  [6, 5, 9],
];

describe('the WebAssembly SIMD matrix products', () => {
  it('is a valid module', () => {
    expect(WebAssembly.validate(gemmModuleBytes())).toBe(true);
  });

  it.each(SHAPES)('gemm %i×%i (K %i): C = [C +] A·B, A read directly or transposed', (M, N, K) => {
    const { memory, gemm } = gemmInstance(1 << 20);
    const f = new Float32Array(memory.buffer);
    const random = new Random(M * 1000 + N * 10 + K);
    for (const transposed of [false, true]) {
      for (const acc of [0, 1]) {
        const [A, B, C] = setUp(f, [M * K, K * N, M * N], random);
        const before = f.slice(C, C + M * N);
        const [sAr, sAc] = transposed ? [1, M] : [K, 1];
        gemm(M, N, K, 4 * A, 4 * sAr, 4 * sAc, 4 * B, 4 * N, 4 * C, 4 * N, acc);
        for (let i = 0; i < M; i++) {
          for (let j = 0; j < N; j++) {
            let s = acc ? before[i * N + j] : 0;
            for (let k = 0; k < K; k++) s += f[A + i * sAr + k * sAc] * f[B + k * N + j];
            expect(Math.abs(f[C + i * N + j] - s)).toBeLessThan(1e-5 * (1 + K));
          }
        }
      }
    }
  });

  it.each(SHAPES)('gemmNT %i×%i (K %i): C = [C +] A·Bᵀ', (M, N, K) => {
    const { memory, gemmNT } = gemmInstance(1 << 20);
    const f = new Float32Array(memory.buffer);
    const random = new Random(M + N + K);
    for (const acc of [0, 1]) {
      const [A, B, C] = setUp(f, [M * K, N * K, M * N], random);
      const before = f.slice(C, C + M * N);
      gemmNT(M, N, K, 4 * A, 4 * K, 4 * B, 4 * K, 4 * C, 4 * N, acc);
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = acc ? before[i * N + j] : 0;
          for (let k = 0; k < K; k++) s += f[A + i * K + k] * f[B + j * K + k];
          expect(Math.abs(f[C + i * N + j] - s)).toBeLessThan(1e-5 * (1 + K));
        }
      }
    }
  });

  it('leaves memory outside C untouched', () => {
    const { memory, gemm, gemmNT } = gemmInstance(1 << 16);
    const f = new Float32Array(memory.buffer);
    f.fill(7);
    // A (2×3) at 0, B (3×5) at 8, C (2×5) at 32 with guard cells around it.
    gemm(2, 5, 3, 0, 12, 4, 32, 20, 4 * 32, 20, 0);
    gemmNT(2, 3, 3, 0, 12, 32, 12, 4 * 48, 12, 0);
    expect(f[31]).toBe(7);
    expect(f[42]).toBe(7);
    expect(f[47]).toBe(7);
    expect(f[54]).toBe(7);
  });
});
