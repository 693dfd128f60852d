/**
 * A force-directed layout for big graphs that never blocks the page: Fruchterman–Reingold steps with
 * repulsion only between nodes in neighbouring grid cells (O(nodes + edges) a step, not O(nodes²)), run in
 * slices of a few milliseconds between which the browser paints, handles input and reports progress.
 * Deterministic: the same graph gives the same positions.
 */
export interface ForceLayoutOptions {
  /** Steps to run; more gives a calmer picture. */
  iterations?: number;
  /** Milliseconds of work before yielding to the page. */
  sliceMs?: number;
  /** Ideal edge length in pixels. */
  edgeLength?: number;
  /** Called after each slice with the fraction done (0..1). */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
  /** How to wait between slices (tests pass an immediate one). */
  yieldToPage?(): Promise<void>;
}

export interface LayoutGraph {
  nodeCount: number;
  /** Pairs of node indices. */
  edges: ReadonlyArray<readonly [number, number]>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Positions as [x0, y0, x1, y1, …], centred on the origin. */
export async function forceLayout(graph: LayoutGraph, options: ForceLayoutOptions = {}): Promise<Float64Array> {
  const { iterations = 250, sliceMs = 12, edgeLength = 40, onProgress, signal, yieldToPage = defaultYield } = options;
  const n = graph.nodeCount;
  const pos = initialPositions(graph, edgeLength);
  if (n < 2) return pos;
  const disp = new Float64Array(2 * n);
  const k = edgeLength;
  let temperature = k * Math.sqrt(n) * 0.5;
  const cooling = temperature / iterations;
  for (let step = 0; step < iterations; ) {
    const sliceEnd = now() + sliceMs;
    do {
      forceStep(graph, pos, disp, k, Math.max(temperature, k * 0.05));
      temperature -= cooling;
      step++;
    } while (step < iterations && now() < sliceEnd);
    onProgress?.(step / iterations);
    if (step < iterations) {
      await yieldToPage();
      if (signal?.aborted) throw new DOMException('The layout was cancelled.', 'AbortError');
    }
  }
  centre(pos);
  return pos;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** A spiral ordered by degree, hubs in the middle: a sensible picture even before the first step. */
export function initialPositions(graph: LayoutGraph, k = 40): Float64Array {
  const n = graph.nodeCount;
  const degree = new Float64Array(n);
  for (const [a, b] of graph.edges) {
    degree[a]++;
    degree[b]++;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree[b] - degree[a] || a - b);
  const pos = new Float64Array(2 * n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  order.forEach((node, i) => {
    const r = k * Math.sqrt(i + 0.5);
    pos[2 * node] = r * Math.cos(i * golden);
    pos[2 * node + 1] = r * Math.sin(i * golden);
  });
  return pos;
}

function forceStep(graph: LayoutGraph, pos: Float64Array, disp: Float64Array, k: number, temperature: number): void {
  const n = graph.nodeCount;
  disp.fill(0);
  // Repulsion k²/d between nodes closer than 2k, found through a grid of 2k cells.
  const cell = 2 * k;
  const grid = new Map<number, number[]>();
  const cellKey = (cx: number, cy: number) => cx * 1_000_003 + cy;
  for (let i = 0; i < n; i++) {
    const key = cellKey(Math.floor(pos[2 * i] / cell), Math.floor(pos[2 * i + 1] / cell));
    const bucket = grid.get(key);
    if (bucket) bucket.push(i);
    else grid.set(key, [i]);
  }
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(pos[2 * i] / cell);
    const cy = Math.floor(pos[2 * i + 1] / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(cellKey(cx + dx, cy + dy)) ?? []) {
          if (j <= i) continue;
          let ddx = pos[2 * i] - pos[2 * j];
          let ddy = pos[2 * i + 1] - pos[2 * j + 1];
          let d2 = ddx * ddx + ddy * ddy;
          if (d2 === 0) {
            // Coincident nodes: a fixed nudge by index, so the result stays deterministic.
            ddx = ((i % 7) - 3) * 0.01 + 0.01;
            ddy = ((j % 5) - 2) * 0.01 + 0.01;
            d2 = ddx * ddx + ddy * ddy;
          }
          if (d2 > cell * cell) continue;
          const f = (k * k) / d2; // (k²/d) along the unit vector (ddx, ddy)/d
          disp[2 * i] += ddx * f;
          disp[2 * i + 1] += ddy * f;
          disp[2 * j] -= ddx * f;
          disp[2 * j + 1] -= ddy * f;
        }
      }
    }
  }
  // Attraction d²/k along each edge.
  for (const [a, b] of graph.edges) {
    if (a === b) continue;
    const ddx = pos[2 * a] - pos[2 * b];
    const ddy = pos[2 * a + 1] - pos[2 * b + 1];
    const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
    const f = d / k; // (d²/k) along the unit vector
    disp[2 * a] -= ddx * f;
    disp[2 * a + 1] -= ddy * f;
    disp[2 * b] += ddx * f;
    disp[2 * b + 1] += ddy * f;
  }
  // A weak pull to the centre keeps separate components in view.
  for (let i = 0; i < n; i++) {
    disp[2 * i] -= pos[2 * i] * 0.01;
    disp[2 * i + 1] -= pos[2 * i + 1] * 0.01;
    const len = Math.sqrt(disp[2 * i] ** 2 + disp[2 * i + 1] ** 2);
    if (len > 0) {
      const move = Math.min(len, temperature) / len;
      pos[2 * i] += disp[2 * i] * move;
      pos[2 * i + 1] += disp[2 * i + 1] * move;
    }
  }
}

function centre(pos: Float64Array): void {
  const n = pos.length / 2;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += pos[2 * i];
    sy += pos[2 * i + 1];
  }
  for (let i = 0; i < n; i++) {
    pos[2 * i] -= sx / n;
    pos[2 * i + 1] -= sy / n;
  }
}
