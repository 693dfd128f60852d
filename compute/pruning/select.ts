/**
 * Prunes, for good, `fraction` of the still-kept entries (mask 1) with the lowest scores:
 * round(fraction · kept) of them, ties broken by position. Returns the new mask and how many were pruned.
 */
export function pruneLowest(mask: Uint8Array, scores: ArrayLike<number>, fraction: number): { mask: Uint8Array; pruned: number } {
  if (mask.length !== scores.length) throw new RangeError(`mask has ${mask.length} entries, scores ${scores.length}`);
  const kept: number[] = [];
  for (let k = 0; k < mask.length; k++) if (mask[k] === 1) kept.push(k);
  const count = Math.min(kept.length, Math.round(fraction * kept.length));
  const out = mask.slice();
  if (count <= 0) return { mask: out, pruned: 0 };
  const key = (k: number) => {
    const s = scores[k];
    return Number.isNaN(s) ? -Infinity : s;
  };
  kept.sort((a, b) => key(a) - key(b) || a - b);
  for (let c = 0; c < count; c++) out[kept[c]] = 0;
  return { mask: out, pruned: count };
}
