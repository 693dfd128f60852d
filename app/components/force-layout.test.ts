import { describe, expect, it } from 'vitest';
import { forceLayout, type LayoutGraph } from './force-layout';

const immediately = () => Promise.resolve();

/** Two dense clusters of 30 nodes joined by one edge. */
function twoClusters(): LayoutGraph {
  const edges: [number, number][] = [];
  for (const base of [0, 30]) {
    for (let i = 0; i < 30; i++) for (let j = i + 1; j < 30; j += 3) edges.push([base + i, base + j]);
  }
  edges.push([0, 30]);
  return { nodeCount: 60, edges };
}

const distance = (p: Float64Array, a: number, b: number) => Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]);

describe('forceLayout', () => {
  it('places connected nodes closer than unconnected ones and keeps clusters apart', async () => {
    const pos = await forceLayout(twoClusters(), { yieldToPage: immediately });
    let within = 0;
    let across = 0;
    for (let i = 1; i < 30; i++) {
      within += distance(pos, 1, i === 1 ? 2 : i) + distance(pos, 31, 30 + i);
      across += distance(pos, i, 30 + i) * 2;
    }
    expect(within).toBeLessThan(across / 2);
    for (const v of pos) expect(Number.isFinite(v)).toBe(true);
  });

  it('gives the same positions for the same graph', async () => {
    const a = await forceLayout(twoClusters(), { yieldToPage: immediately, iterations: 40 });
    const b = await forceLayout(twoClusters(), { yieldToPage: immediately, iterations: 40 });
    expect([...a]).toEqual([...b]);
  });

  it('yields to the page between slices, reporting progress up to 1, and stops when cancelled', async () => {
    const progress: number[] = [];
    let yields = 0;
    await forceLayout(twoClusters(), {
      iterations: 30,
      sliceMs: 0, // one step a slice
      onProgress: (f) => progress.push(f),
      yieldToPage: async () => {
        yields++;
      },
    });
    expect(yields).toBe(29);
    expect(progress).toHaveLength(30);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));

    const controller = new AbortController();
    const cancelled = forceLayout(twoClusters(), {
      iterations: 30,
      sliceMs: 0,
      signal: controller.signal,
      yieldToPage: async () => controller.abort(),
    });
    await expect(cancelled).rejects.toThrow('cancelled');
  });

  it('handles graphs of one node, no edges, self-loops and coincident starts', async () => {
    expect([...(await forceLayout({ nodeCount: 1, edges: [] }))]).toEqual([expect.any(Number), expect.any(Number)]);
    const pos = await forceLayout(
      {
        nodeCount: 3,
        edges: [
          [0, 0],
          [1, 2],
          [1, 2],
        ],
      },
      { yieldToPage: immediately, iterations: 20 },
    );
    for (const v of pos) expect(Number.isFinite(v)).toBe(true);
    expect(distance(pos, 0, 1)).toBeGreaterThan(1);
  });
});
