/** A number to `digits` places, or 'n/a' when there is none (missing, NaN, ±∞). */
export const fixed = (x: unknown, digits = 4): string => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** A number in scientific notation with `digits` decimals (errors such as MSE), or 'n/a'. */
export const sci = (x: unknown, digits = 3): string => (typeof x === 'number' && Number.isFinite(x) ? x.toExponential(digits) : 'n/a');
