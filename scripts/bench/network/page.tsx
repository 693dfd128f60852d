/**
 * The browser side of `npm run bench:network`: mounts the app's own CytoscapeGraph with the run network
 * view's picture (network-drawing.tsx: the app's WebGL renderer past 2,000 edges, else cytoscape) for a synthetic
 * network, then lets the driver pan and zoom it. Bundled by esbuild; `?edges=20000&renderer=auto&knobs=pr1,texture`
 * picks the case: `renderer` as NetworkRenderer, `knobs` cytoscape options and element changes to measure.
 */
import type { Core, CytoscapeOptions, ElementDefinition } from 'cytoscape';
import { createRoot } from 'react-dom/client';
import type { GlViewHandle } from '@/app/components/gl-network-graph';
import { NetworkDrawing, type NetworkRenderer } from '@/app/projects/[projectId]/runs/[runId]/network-drawing';
import { networkElements, type NetworkEdge } from '@/app/projects/[projectId]/runs/[runId]/network-graph';

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
const renderer = (params.get('renderer') ?? 'auto') as NetworkRenderer;
const knobs = new Set((params.get('knobs') ?? '').split(',').filter(Boolean));
const network = syntheticNetwork(edgeCount, Number(params.get('genes') ?? 2000));

/** Cytoscape's own speed options, one knob each. */
const cytoscapeOptions: Partial<CytoscapeOptions> = {
  ...(knobs.has('pr1') ? { pixelRatio: 1 } : {}),
  ...(knobs.has('texture') ? { textureOnViewport: true } : {}),
  ...(knobs.has('hidelabels') ? { hideLabelsOnViewport: true } : {}),
  ...(knobs.has('batch') ? ({ webglTexSize: 4096, webglBatchSize: 4096, webglTexRows: 48 } as object) : {}),
};

/** The WebGL renderer's resolution while moving, e.g. 'motion0.33' (default: ½ on software GL). */
const motionKnob = [...knobs].find((k) => k.startsWith('motion'));

/** Element knobs: no halo edges; names only on the 25 biggest hubs. */
function elements(): ElementDefinition[] {
  let els = networkElements(network, (e) => e.reviewStatus, false);
  if (knobs.has('nohalos')) els = els.filter((e) => !String(e.classes ?? '').includes('halo'));
  if (knobs.has('hublabels')) {
    const hubs = new Set(
      [...network.nodes]
        .sort((a, b) => b.outDegree + b.inDegree - a.outDegree - a.inDegree)
        .slice(0, 25)
        .map((n) => `n:${n.id}`),
    );
    els = els.map((e) => (e.data.source === undefined && !hubs.has(String(e.data.id)) ? { ...e, data: { ...e.data, label: '' } } : e));
  }
  return els;
}

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
createRoot(document.getElementById('root')!).render(
  <NetworkDrawing
    elements={elements()}
    edgeCount={network.edges.length}
    nodeCount={network.nodes.length}
    label={`${network.nodes.length} genes, ${network.edges.length} edges`}
    renderer={renderer}
    cytoscapeOptions={cytoscapeOptions}
    antialias={knobs.has('aa') ? true : knobs.has('noaa') ? false : undefined}
    motionScale={motionKnob ? Number(motionKnob.slice('motion'.length)) : undefined}
  />,
);

/** The drawn view, whichever renderer drew it. */
function viewHandle(): Omit<GlViewHandle, 'locate'> & { renderer: string } {
  const container = document.querySelector('[data-layout]') as HTMLElement & { _cyreg?: { cy: Core }; grnView?: GlViewHandle };
  const renderer = container.dataset.renderer ?? '?';
  const gl = container.grnView;
  if (gl) return { renderer, viewport: () => gl.viewport(), setViewport: (v) => gl.setViewport(v), fit: () => gl.fit() };
  const cy = container._cyreg!.cy;
  return {
    renderer,
    viewport: () => ({ zoom: cy.zoom(), pan: cy.pan() }),
    setViewport: (v) => cy.viewport(v),
    fit: () => cy.fit(undefined, 20),
  };
}

/** Pans and zooms every frame for `seconds`; frames/s counted with requestAnimationFrame. */
async function panZoom(seconds: number) {
  const view = viewHandle();
  const { zoom: zoom0, pan: pan0 } = view.viewport();
  const frames: number[] = [];
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const step = (t: number) => {
      frames.push(t);
      const s = (t - t0) / 1000;
      // Zoom between 1× and 3× the fitted view while circling: every frame a new viewport to draw.
      view.setViewport({ zoom: zoom0 * (2 + Math.sin(s * 1.3)), pan: { x: pan0.x + 200 * Math.cos(s), y: pan0.y + 150 * Math.sin(s) } });
      if (s < seconds) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  view.setViewport({ zoom: zoom0, pan: pan0 });
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  return {
    fps: (frames.length - 1) / ((frames.at(-1)! - frames[0]) / 1000),
    p95FrameMs: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? Number.NaN,
    renderer: view.renderer,
  };
}

Object.assign(window, {
  bench: {
    network: { nodes: network.nodes.length, edges: network.edges.length },
    started,
    frameGaps,
    panZoom,
    fit: () => viewHandle().fit(),
    /** Zooms k× about the middle of the view. */
    zoomIn(k: number) {
      const view = viewHandle();
      const { zoom, pan } = view.viewport();
      const el = document.querySelector('[data-layout]') as HTMLElement;
      const [cx, cy] = [el.clientWidth / 2, el.clientHeight / 2];
      view.setViewport({ zoom: zoom * k, pan: { x: cx - (cx - pan.x) * k, y: cy - (cy - pan.y) * k } });
    },
  },
});
