'use client';
import type { Core, CytoscapeOptions, ElementDefinition, EventObject, LayoutOptions, StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { forceLayout, initialPositions } from './force-layout';
import { LayoutProgress } from './layout-progress';

/**
 * 'cose': cytoscape's own force layout, synchronous: for small graphs only. 'force': force-layout.ts in
 * slices that let the page paint and answer input, with progress: for big graphs. Anything else: a
 * cytoscape layout (e.g. concentric) run as given.
 */
export type GraphLayout = 'cose' | 'force' | LayoutOptions;

export interface CytoscapeGraphProps {
  elements: ElementDefinition[];
  style: StylesheetJson;
  layout: GraphLayout;
  /** Draw with cytoscape's WebGL renderer (where the browser has WebGL 2): for thousands of edges. */
  webgl?: boolean;
  /** More cytoscape options, read when the graph is created (the bench's knobs: pixelRatio, textureOnViewport, …). */
  options?: Partial<CytoscapeOptions>;
  className?: string;
  /** What the picture shows, for screen readers. */
  label: string;
  onTapNode?(data: Record<string, unknown>): void;
  onTapEdge?(data: Record<string, unknown>): void;
}

/** Whether this browser can give cytoscape's WebGL renderer a WebGL 2 context (it has no fallback of its own). */
export function webglAvailable(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}

/**
 * The one Cytoscape view of the app. It owns the lifecycle: creates the graph once (again only when the
 * renderer changes), applies new elements by difference (elements whose id stays keep their position;
 * a new layout runs only when the set of nodes changes), restyles in place, and destroys it on unmount.
 * `data-*` attributes on the container say what is drawn, for tests and benchmarks.
 */
export function CytoscapeGraph({ elements, style, layout, webgl = false, options, className, label, onTapNode, onTapEdge }: CytoscapeGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const [failed, setFailed] = useState<string>();
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0, renderer: '', layout: 'pending' });
  const [progress, setProgress] = useState<number | null>(null);
  const handlers = useRef({ onTapNode, onTapEdge });
  handlers.current = { onTapNode, onTapEdge };
  const nodeIds = useRef('');
  const styleRef = useRef(style);
  styleRef.current = style;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // Create and destroy.
  useEffect(() => {
    let created: Core | undefined;
    let cancelled = false;
    const useWebgl = webgl && webglAvailable();
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        created = cytoscape({
          ...optionsRef.current,
          container: container.current,
          style: styleRef.current,
          wheelSensitivity: 0.3,
          webgl: useWebgl,
        });
        const tap = (kind: 'onTapNode' | 'onTapEdge') => (evt: EventObject) => handlers.current[kind]?.(evt.target.data() as Record<string, unknown>);
        created.on('tap', 'node', tap('onTapNode'));
        created.on('tap', 'edge', tap('onTapEdge'));
        nodeIds.current = '';
        setDrawn((d) => ({ ...d, renderer: useWebgl ? 'webgl' : 'canvas' }));
        setCy(created);
      })
      .catch((e) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      setCy(null);
      created?.destroy();
    };
  }, [webgl]);

  // A renderer change destroys the graph in the same commit that still hands these effects the old one.
  useEffect(() => {
    if (cy && !cy.destroyed()) cy.style(style);
  }, [cy, style]);

  // Update elements: by difference, a layout when the nodes change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout is read when the nodes change; a new layout value alone moves nothing
  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    const wanted = new Map(elements.map((e) => [String(e.data.id), e]));
    cy.batch(() => {
      cy.elements()
        .filter((el) => !wanted.has(el.id()))
        .remove();
      const added: ElementDefinition[] = [];
      for (const [id, def] of wanted) {
        const el = cy.getElementById(id);
        if (el.empty()) added.push(def);
        else {
          el.data(def.data);
          el.classes(typeof def.classes === 'string' ? def.classes : (def.classes ?? []).join(' '));
        }
      }
      cy.add(added);
    });
    const ids = cy
      .nodes()
      .map((n) => n.id())
      .sort()
      .join('\n');
    const counts = { nodes: cy.nodes().length, edges: cy.edges().length };
    if (ids === nodeIds.current) {
      setDrawn((d) => ({ ...d, ...counts }));
      return;
    }
    nodeIds.current = ids;
    setDrawn((d) => ({ ...d, ...counts, layout: 'running' }));
    const controller = new AbortController();
    runLayout(cy, layout, controller.signal, setProgress)
      .then(() => setDrawn((d) => ({ ...d, layout: 'done' })))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setFailed(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setProgress(null));
    return () => {
      controller.abort();
      nodeIds.current = '';
    };
    // The layout is read when the nodes change; a new layout value alone does not move anything.
  }, [cy, elements]);

  if (failed) return <p className="muted">The network view could not load: {failed}</p>;
  return (
    <div className="graph-frame">
      <div
        ref={container}
        className={className}
        role="img"
        aria-label={label}
        data-nodes={drawn.nodes}
        data-edges={drawn.edges}
        data-renderer={drawn.renderer}
        data-layout={drawn.layout}
      />
      <LayoutProgress progress={progress} genes={drawn.nodes} />
    </div>
  );
}

async function runLayout(cy: Core, layout: GraphLayout, signal: AbortSignal, onProgress: (f: number | null) => void): Promise<void> {
  if (layout === 'cose') {
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 6000 } as LayoutOptions).run();
    return;
  }
  if (layout !== 'force') {
    cy.layout(layout).run();
    return;
  }
  const nodes = cy.nodes();
  const index = new Map(nodes.map((n, i) => [n.id(), i]));
  const edges = cy.edges().map((e) => [index.get(e.source().id())!, index.get(e.target().id())!] as const);
  // The starting spiral (hubs in the middle) is drawn at once; the layout then refines it.
  const graph = { nodeCount: nodes.length, edges };
  const start = initialPositions(graph);
  nodes.positions((_n, i) => ({ x: start[2 * i], y: start[2 * i + 1] }));
  cy.fit(undefined, 20);
  onProgress(0);
  const pos = await forceLayout(graph, { signal, onProgress });
  if (signal.aborted) return;
  nodes.positions((_n, i) => ({ x: pos[2 * i], y: pos[2 * i + 1] }));
  cy.fit(undefined, 20);
}
