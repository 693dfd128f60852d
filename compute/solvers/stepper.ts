import type { Tableau } from './tableaux';
import type { VectorOps } from './vector-ops';

/** dy/dt = f(t, y). */
export type OdeFunction<T> = (t: number, y: T) => T;

export interface StepResult<T> {
  /** The propagated solution at t + h. */
  y: T;
  /** Difference between the propagated and the embedded solution (only for tableaux with bHat). */
  error?: T;
  /** f at t + h when the tableau is FSAL (reusable as the next step's first stage). */
  lastStage?: T;
}

/**
 * One explicit Runge–Kutta step of size h with any tableau. `firstStage`, when given, is f(t, y)
 * already evaluated (FSAL reuse).
 */
export function rkStep<T>(tableau: Tableau, f: OdeFunction<T>, t: number, y: T, h: number, ops: VectorOps<T>, firstStage?: T): StepResult<T> {
  const stages = tableau.c.length;
  const k: T[] = [];
  for (let i = 0; i < stages; i++) {
    if (i === 0) {
      k.push(firstStage ?? f(t, y));
      continue;
    }
    const row = tableau.a[i];
    const yi = ops.combine(
      y,
      row.map((a) => h * a),
      k.slice(0, row.length),
    );
    k.push(f(t + tableau.c[i] * h, yi));
  }
  const yNext = ops.combine(
    y,
    tableau.b.map((b) => h * b),
    k,
  );
  const result: StepResult<T> = { y: yNext };
  if (tableau.bHat) {
    const bHat = tableau.bHat;
    result.error = ops.combine(
      null,
      tableau.b.map((b, i) => h * (b - bHat[i])),
      k,
    );
  }
  if (tableau.fsal) result.lastStage = k[stages - 1];
  return result;
}
