/**
 * The browser side of `npm run bench:network`: mounts the app's own CytoscapeGraph with the run network
 * view's elements and style (network-graph.ts) for a synthetic network, then lets the driver pan and zoom it.
 * Bundled by esbuild; `?edges=20000&webgl=1` picks the case.
 */
import type { Core } from 'cytoscape';
import { createRoot } from 'react-dom/client';
import { CytoscapeGraph } from '@/app/components/cytoscape-graph';
import { networkElements, networkStyle, isLargeNetwork, type NetworkEdge } from '@/app/projects/[projectId]/runs/[runId]/network-graph';

/** A GRN-like network: few hub regulators with many targets (power-law out-degree), deterministic. */
function syntheticNetwork(edgeCount: number, genes: number) {
  // mulberry32: 32-bit integer arithmetic (a float LCG loses bits past 2^53 and cycles early).
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const seen = new Set<string>();
  const edges: NetworkEdge[] = [];
  while (edges.length < edgeCount) {
    const regulator = `G${Math.floor(genes * random() ** 3)}`; // skewed: hubs
    const target = `G${Math.floor(genes * random())}`;
    const key = `${regulator}>${target}`;
    if (regulator === target || seen.has(key)) continue;
    seen.add(key);
    const effect = (random() < 0.35 ? -1 : 1) * random() ** 2;
    const reviewed = edges.length % 97 === 0;
    edges.push({
      regulator,
      target,
      effect,
      sign: Math.sign(effect),
      rank: 0,
      priorSupported: random() < 0.05,
      gold: null,
      reviewStatus: reviewed ? 'ACCEPTED' : 'UNREVIEWED',
    });
  }
  edges.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)).forEach((e, i) => (e.rank = i + 1));
  const degree = new Map<string, { inDegree: number; outDegree: number }>();
  for (const e of edges) {
    for (const g of [e.regulator, e.target]) if (!degree.has(g)) degree.set(g, { inDegree: 0, outDegree: 0 });
    degree.get(e.regulator)!.outDegree++;
    degree.get(e.target)!.inDegree++;
  }
  return { nodes: [...degree].map(([id, d]) => ({ id, isFocus: false, ...d })), edges, goldEdges: [] };
}

const params = new URLSearchParams(location.search);
const edgeCount = Number(params.get('edges') ?? 20_000);
const webgl = params.get('webgl') === '1';
const network = syntheticNetwork(edgeCount, Number(params.get('genes') ?? 2000));
const large = isLargeNetwork(network.edges.length);

// The longest the main thread went without a frame while the graph loaded and was laid out.
const frameGaps = { longest: 0, last: performance.now(), stop: false };
const watch = () => {
  const t = performance.now();
  frameGaps.longest = Math.max(frameGaps.longest, t - frameGaps.last);
  frameGaps.last = t;
  if (!frameGaps.stop) requestAnimationFrame(watch);
};
requestAnimationFrame(watch);

const started = performance.now();
const root = document.getElementById('root')!;
createRoot(root).render(
  <CytoscapeGraph
    elements={networkElements(network, (e) => e.reviewStatus, false)}
    style={networkStyle(large)}
    layout={large || network.nodes.length > 250 ? 'force' : 'cose'}
    webgl={webgl}
    className="network"
    label={`${network.nodes.length} genes, ${network.edges.length} edges`}
  />,
);

/** Pans and zooms every frame for `seconds`; frames/s counted with requestAnimationFrame. */
async function panZoom(seconds: number) {
  const container = document.querySelector('[data-layout]') as HTMLElement & { _cyreg?: { cy: Core } };
  const cy = container._cyreg!.cy;
  const zoom0 = cy.zoom();
  const pan0 = cy.pan();
  const frames: number[] = [];
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const step = (t: number) => {
      frames.push(t);
      const s = (t - t0) / 1000;
      // Zoom between 1× and 3× the fitted view while circling: every frame a new viewport to draw.
      cy.viewport({ zoom: zoom0 * (2 + Math.sin(s * 1.3)), pan: { x: pan0.x + 200 * Math.cos(s), y: pan0.y + 150 * Math.sin(s) } });
      if (s < seconds) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  return {
    fps: (frames.length - 1) / ((frames.at(-1)! - frames[0]) / 1000),
    p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
    renderer: container.dataset.renderer,
  };
}

Object.assign(window, {
  bench: {
    network: { nodes: network.nodes.length, edges: network.edges.length },
    started,
    frameGaps,
    panZoom,
  },
});
