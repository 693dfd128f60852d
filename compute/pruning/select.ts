/**
 * Prunes, for good, `fraction` of the still-kept entries (mask 1) with the lowest scores:
 * round(fraction · kept) of them, ties broken by position (NaN scores count as lowest).
 * Returns the new mask and how many were pruned.
 */
export function pruneLowest(mask: Uint8Array, scores: ArrayLike<number>, fraction: number): { mask: Uint8Array; pruned: number } {
  if (mask.length !== scores.length) throw new RangeError(`mask has ${mask.length} entries, scores ${scores.length}`);
  const key = (k: number) => {
    const s = scores[k];
    return Number.isNaN(s) ? -Infinity : s;
  };
  let kept = 0;
  for (let k = 0; k < mask.length; k++) if (mask[k] === 1) kept++;
  const count = Math.min(kept, Math.round(fraction * kept));
  const out = mask.slice();
  if (count <= 0) return { mask: out, pruned: 0 };
  // The count-th lowest score (a native numeric sort), then everything below it and, in position
  // order, as many entries equal to it as are still needed: the same set as a stable sort by score.
  const values = new Float64Array(kept);
  for (let k = 0, i = 0; k < mask.length; k++) if (mask[k] === 1) values[i++] = key(k);
  values.sort();
  const threshold = values[count - 1];
  let below = 0;
  for (let i = 0; i < count; i++) if (values[i] < threshold) below++;
  let ties = count - below;
  for (let k = 0; k < mask.length; k++) {
    if (mask[k] !== 1) continue;
    const s = key(k);
    if (s < threshold) out[k] = 0;
    else if (s === threshold && ties > 0) {
      out[k] = 0;
      ties--;
    }
  }
  return { mask: out, pruned: count };
}
