import { describe, expect, it } from 'vitest';
import { buildPickIndex, pick, segmentDistance } from './gl-network-picking';

/** Nodes 0..3 on a square of side 100, node 4 far away; edges 0→1 (top side), 1→2, 0→4 (long, diagonal). */
const positions = [0, 0, 100, 0, 100, 100, 0, 100, 1000, 1000];
const radii = [5, 5, 5, 5, 5];
const edges = [
  [0, 1],
  [1, 2],
  [0, 4],
] as const;

describe('segmentDistance', () => {
  it('measures to the nearest point of the segment, ends included', () => {
    expect(segmentDistance(50, 3, 0, 0, 100, 0)).toBeCloseTo(3);
    expect(segmentDistance(-3, -4, 0, 0, 100, 0)).toBeCloseTo(5);
    expect(segmentDistance(1, 1, 0, 0, 0, 0)).toBeCloseTo(Math.SQRT2);
  });
});

describe('pick', () => {
  const index = buildPickIndex(positions, radii, edges);

  it('finds the node under the point, within its radius', () => {
    expect(pick(index, 98, 2, 1)).toEqual({ kind: 'node', index: 1 });
    expect(pick(index, 1003, 996, 1)).toEqual({ kind: 'node', index: 4 });
    expect(pick(index, 0, 100, 1)).toEqual({ kind: 'node', index: 3 });
  });

  it('scales node radii with radiusScale', () => {
    expect(pick(index, 0, 88, 1)).toBeNull();
    expect(pick(index, 0, 88, 1, 3)).toEqual({ kind: 'node', index: 3 });
  });

  it('finds the nearest edge within the tolerance when no node is hit', () => {
    expect(pick(index, 50, 2, 3)).toEqual({ kind: 'edge', index: 0 });
    expect(pick(index, 102, 50, 3)).toEqual({ kind: 'edge', index: 1 });
    // Far along the long diagonal edge, in cells that hold no node.
    expect(pick(index, 501, 499, 3)).toEqual({ kind: 'edge', index: 2 });
    expect(pick(index, 50, 10, 3)).toBeNull();
    expect(pick(index, 500, 520, 3)).toBeNull();
  });

  it('prefers a node over the edges that end on it', () => {
    expect(pick(index, 100, 3, 4)).toEqual({ kind: 'node', index: 1 });
  });

  it('agrees with a brute-force search on a random graph', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const n = 300;
    const pos = Array.from({ length: 2 * n }, () => random() * 1000);
    const es = Array.from({ length: 1500 }, () => [Math.floor(random() * n), Math.floor(random() * n)] as const);
    const ix = buildPickIndex(pos, new Array(n).fill(0), es);
    for (let q = 0; q < 300; q++) {
      const [x, y] = [random() * 1000, random() * 1000];
      const distance = (e: number) => segmentDistance(x, y, pos[2 * es[e][0]], pos[2 * es[e][0] + 1], pos[2 * es[e][1]], pos[2 * es[e][1] + 1]);
      const nearest = Math.min(...es.map((_, e) => distance(e)));
      const hit = pick(ix, x, y, 2);
      if (hit?.kind === 'node') continue;
      // Edges sharing an end tie near it: compare distances, not indices.
      if (nearest > 2) expect(hit).toBeNull();
      else {
        expect(hit?.kind).toBe('edge');
        expect(distance(hit!.index)).toBeCloseTo(nearest, 9);
      }
    }
  });
});
