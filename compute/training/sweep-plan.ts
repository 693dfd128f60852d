import { STRATEGIES, type StrategyId } from '../strategies';

/** One training of a sweep: a strategy, DASH's (λ₁, λ₂) where it chooses one, and a seed. */
export interface PlannedTraining {
  strategy: StrategyId;
  lambda: [number, number] | null;
  seed: number;
}

/**
 * The one sweep planner (the CLI's `sweep` and the server's launchSweep): every strategy in the order
 * given, a strategy that takes a chosen λ (DASH) once per pair of `lambdas`, the others once; each of
 * these once per seed.
 */
export function planSweep(input: {
  strategies: readonly StrategyId[];
  lambdas: readonly (readonly [number, number])[];
  seeds: readonly number[];
}): PlannedTraining[] {
  const plan: PlannedTraining[] = [];
  for (const strategy of input.strategies) {
    const pairs: ([number, number] | null)[] = STRATEGIES[strategy].lambda === 'chosen' ? input.lambdas.map((l) => [l[0], l[1]]) : [null];
    for (const lambda of pairs) for (const seed of input.seeds) plan.push({ strategy, lambda, seed });
  }
  return plan;
}

/** Every (λ₁, λ₂) of a grid given per axis: λ₁ values × λ₂ values. */
export function lambdaGrid(lambda1Values: readonly number[], lambda2Values: readonly number[]): [number, number][] {
  return lambda1Values.flatMap((a) => lambda2Values.map((b): [number, number] => [a, b]));
}
