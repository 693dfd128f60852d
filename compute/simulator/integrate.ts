// The solver files themselves, not '../solvers' (its index loads TensorFlow.js): the simulator sits behind the light door.
import { integrateAdaptive } from '../solvers/integrate';
import { dopri5 } from '../solvers/tableaux';
import { float64Ops } from '../solvers/vector-ops';

export interface Tolerances {
  rtol: number;
  atol: number;
}

/**
 * The state at each of `times` (ascending; times[0] is the start) by the shared Dormand–Prince 5(4)
 * integrator, whose steps land exactly on every output time.
 */
export function integrateAt(
  derivative: (t: number, y: Float64Array) => Float64Array,
  initial: Float64Array,
  times: readonly number[],
  tolerances: Tolerances,
): Float64Array[] {
  const states: Float64Array[] = [Float64Array.from(initial)];
  if (times.length < 2 || times[times.length - 1] === times[0]) {
    for (let k = 1; k < times.length; k++) states.push(Float64Array.from(initial));
    return states;
  }
  const result = integrateAdaptive(
    dopri5,
    derivative,
    initial,
    times[0],
    times[times.length - 1],
    {
      rtol: tolerances.rtol,
      atol: tolerances.atol,
      outputTimes: times.slice(1),
    },
    float64Ops,
  );
  return states.concat(result.values);
}
