import { describe, expect, it } from 'vitest';
import { frontierSteps, paretoFrontier } from './pareto';

describe('paretoFrontier (maximise x and y)', () => {
  it('keeps the non-dominated points, ordered by x', () => {
    const points = [
      { x: 0.9, y: 0.6 }, // 0: frontier (sparsest)
      { x: 0.5, y: 0.8 }, // 1: frontier
      { x: 0.4, y: 0.7 }, // 2: dominated by 1
      { x: 0.7, y: 0.75 }, // 3: frontier
      { x: 0.6, y: 0.6 }, // 4: dominated by 3
      { x: 0.1, y: 0.85 }, // 5: frontier (most accurate)
    ];
    expect(paretoFrontier(points)).toEqual([5, 1, 3, 0]);
  });

  it('a single point is its own frontier; no points, no frontier', () => {
    expect(paretoFrontier([{ x: 0.3, y: 0.2 }])).toEqual([0]);
    expect(paretoFrontier([])).toEqual([]);
  });

  it('ties: identical points all stay; an equal x or equal y with a worse other coordinate is dominated', () => {
    const points = [
      { x: 0.5, y: 0.8 }, // 0
      { x: 0.5, y: 0.8 }, // 1: identical to 0: both stay
      { x: 0.5, y: 0.7 }, // 2: same x, lower y: dominated
      { x: 0.3, y: 0.8 }, // 3: same y, lower x: dominated
      { x: 0.9, y: 0.8 }, // 4: same y, higher x: dominates 0, 1 and 3
    ];
    expect(paretoFrontier(points)).toEqual([4]);
    expect(paretoFrontier(points.slice(0, 4))).toEqual([0, 1]);
  });

  it('leaves out points with a non-finite coordinate', () => {
    expect(
      paretoFrontier([
        { x: Number.NaN, y: 1 },
        { x: 0.2, y: 0.5 },
        { x: 0.4, y: Number.POSITIVE_INFINITY },
      ]),
    ).toEqual([1]);
  });

  it('frontierSteps drops to the next point, then runs across to it', () => {
    expect(
      frontierSteps([
        { x: 0.1, y: 0.9 },
        { x: 0.5, y: 0.8 },
        { x: 0.9, y: 0.6 },
      ]),
    ).toEqual([
      { x: 0.1, y: 0.9 },
      { x: 0.1, y: 0.8 },
      { x: 0.5, y: 0.8 },
      { x: 0.5, y: 0.6 },
      { x: 0.9, y: 0.6 },
    ]);
    expect(frontierSteps([{ x: 0.4, y: 0.4 }])).toEqual([{ x: 0.4, y: 0.4 }]);
  });
});
