/**
 * The simulator's activation function (sim350 README): f(x) = B xⁿ / ((B − 1) + xⁿ) with
 * B = (EC50ⁿ − 1) / (2 EC50ⁿ − 1), so f(0) = 0, f(EC50) = ½, f(1) = 1. Repression is 1 − f.
 */
export function hillActivation(ec50: number, n: number): (x: number) => number {
  const e = ec50 ** n;
  const denominator = 2 * e - 1;
  // EC50ⁿ = ½ makes B infinite; the limit of f is then xⁿ.
  if (Math.abs(denominator) < 1e-12) return (x) => (x > 0 ? x ** n : 0);
  const B = (e - 1) / denominator;
  const K = B - 1;
  // Negative levels (noisy starts) would make xⁿ NaN; the simulated system itself stays in [0, 1].
  return (x) => {
    if (x <= 0) return 0;
    const p = x ** n;
    return (B * p) / (K + p);
  };
}
