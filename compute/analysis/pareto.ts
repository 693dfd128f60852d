/** A point of a trade-off plot where more is better on both axes (sparsity and balanced accuracy). */
export interface TradeOffPoint {
  x: number;
  y: number;
}

/**
 * The indices of the points on the Pareto frontier when both x and y are maximised, ordered by x
 * (ascending) then index. A point is on it when no other point is at least as good on both axes and
 * better on one; identical points do not dominate each other, so all copies stay on. Points with a
 * non-finite coordinate are left out. O(n log n): sweep from the largest x down, keeping the best y seen.
 */
export function paretoFrontier(points: readonly TradeOffPoint[]): number[] {
  const order = [...points.keys()]
    .filter((i) => Number.isFinite(points[i].x) && Number.isFinite(points[i].y))
    .sort((a, b) => points[b].x - points[a].x || points[b].y - points[a].y || a - b);
  const onFrontier: number[] = [];
  let bestRight = Number.NEGATIVE_INFINITY; // the best y among points with a strictly larger x
  for (let start = 0; start < order.length; ) {
    const x = points[order[start]].x;
    let end = start;
    while (end < order.length && points[order[end]].x === x) end++;
    const groupBest = points[order[start]].y; // sorted by y descending within equal x
    if (groupBest > bestRight) {
      for (let k = start; k < end && points[order[k]].y === groupBest; k++) onFrontier.push(order[k]);
    }
    bestRight = Math.max(bestRight, groupBest);
    start = end;
  }
  return onFrontier.sort((a, b) => points[a].x - points[b].x || a - b);
}

/**
 * The corners of the frontier's step line, left to right: from each frontier point the line drops to
 * the next point's y, then runs across to it — the edge of the region the frontier dominates.
 */
export function frontierSteps(frontier: readonly TradeOffPoint[]): TradeOffPoint[] {
  const steps: TradeOffPoint[] = [];
  frontier.forEach((p, i) => {
    if (i > 0) steps.push({ x: frontier[i - 1].x, y: p.y });
    steps.push({ x: p.x, y: p.y });
  });
  return steps;
}
