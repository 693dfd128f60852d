/**
 * The fused step's dense against its sparse weight products on the same random mask, in one process
 * (what set SPARSE_DENSITY and SPARSE_MIN_WEIGHTS): `npx tsx compute/bench/fused-sparse.ts 2000x300 1,0.45,0.3,0.05 [reps]`.
 * Times lossAndGradient alone (4 rows, 4 RK4 steps), after 3 warm-up calls that also build the sparse patterns.
 */
import { FusedPhoenix } from '../model/fused/phoenix-fused';
import { flatLayout } from '../model/layout';
import { Random } from '../random';

function main(size: string, shares: string, reps: number): void {
  const [n, h] = size.split('x').map(Number);
  const L = flatLayout(n, h);
  const random = new Random(1);
  const theta = Float32Array.from({ length: L.length }, () => 0.1 * (random.next() - 0.5));
  const batch = {
    rows: 4,
    start: Float32Array.from({ length: 4 * n }, () => random.next()),
    target: Float32Array.from({ length: 4 * n }, () => random.next()),
    observed: null,
    dt: Float32Array.from([2, 1, 4, 2]),
    count: 4 * n,
  };
  const grad = new Float32Array(L.length);
  for (const kept of shares.split(',').map(Number)) {
    const mask = Float32Array.from({ length: L.length }, (_, q) => (q >= L.bs || random.next() < kept ? 1 : 0));
    const cells = [0, undefined].map((sparseBelow) => {
      const kernel = new FusedPhoenix(n, h, { sparseBelow });
      for (let w = 0; w < 3; w++) kernel.lossAndGradient(theta, mask, batch, 4, grad);
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) kernel.lossAndGradient(theta, mask, batch, 4, grad);
      return `${kernel.usesSparse ? 'sparse' : 'dense'} ${((performance.now() - t0) / reps).toFixed(2)} ms`;
    });
    console.log(`${n} x ${h}, ${Math.round(100 * kept)}% kept: forced dense ${cells[0]}; default (${cells[1]})`);
  }
}

main(process.argv[2] ?? '2000x300', process.argv[3] ?? '1,0.45,0.3,0.05', Number(process.argv[4] ?? 10));
