/**
 * Smallest and largest of a list, in a loop: `Math.max(...values)` passes every element as an
 * argument and throws a RangeError (masked as an internal error) once a list reaches ~100,000 items.
 * An empty list gives [Infinity, -Infinity], as Math.min()/Math.max() do.
 */
export function extent(values: Iterable<number>): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

export const maxOf = (values: Iterable<number>): number => extent(values)[1];
export const minOf = (values: Iterable<number>): number => extent(values)[0];
