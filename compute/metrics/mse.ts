/** Mean squared error over the entries where the observation is present (null = missing). */
export function mse(predicted: ArrayLike<number>, observed: ArrayLike<number | null>): number {
  if (predicted.length !== observed.length) {
    throw new RangeError(`mse: ${predicted.length} predictions for ${observed.length} observations`);
  }
  let sum = 0;
  let count = 0;
  for (let k = 0; k < predicted.length; k++) {
    const y = observed[k];
    if (y === null) continue;
    const d = predicted[k] - y;
    sum += d * d;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Fraction of exact zeros over several arrays taken together (e.g. the model's weight matrices). */
export function fractionZero(arrays: readonly ArrayLike<number>[]): number {
  let zeros = 0;
  let total = 0;
  for (const a of arrays) {
    for (let k = 0; k < a.length; k++) if (a[k] === 0) zeros++;
    total += a.length;
  }
  return total === 0 ? Number.NaN : zeros / total;
}
