'use client';
import type { ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { CytoscapeGraph, type CytoscapeGraphProps } from './cytoscape-graph';
import { forceLayout, initialPositions } from './force-layout';
import type { EdgeLook, NodeLook } from './gl-network-geometry';
import { GlNetworkView, type ViewContent } from './gl-network-view';
import { LayoutProgress } from './layout-progress';

/** How elements look in WebGL: the counterpart of a cytoscape stylesheet, read from an element's data and classes. */
export interface GlLooks {
  node(el: ElementDefinition): NodeLook;
  edge(el: ElementDefinition): EdgeLook;
}

export interface GlNetworkGraphProps extends Omit<CytoscapeGraphProps, 'layout' | 'webgl'> {
  looks: GlLooks;
  /** Multisampling; by default on, except where WebGL is a software rasteriser. */
  antialias?: boolean;
  /** Resolution while panning and zooming (fraction of full); by default ½ on a software rasteriser, else 1. */
  motionScale?: number;
}

/** What the bench and tests can drive: the container carries it as `grnView`. */
export type GlViewHandle = Pick<GlNetworkView, 'viewport' | 'setViewport' | 'fit' | 'locate'>;

/**
 * Big networks with the app's own WebGL 2 renderer (gl-network-view.ts): the same elements as the cytoscape
 * view, laid out by force-layout.ts in slices (the starting spiral shows at once), geometry uploaded once so
 * panning and zooming redraw without touching the elements. A click on a gene or an edge calls the same
 * handlers with the same data as cytoscape's taps. Where there is no WebGL 2 it is cytoscape on canvas.
 */
export function GlNetworkGraph(props: GlNetworkGraphProps) {
  const { elements, looks, className, label } = props;
  const container = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<GlNetworkView | null>(null);
  const [fallback, setFallback] = useState(false);
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0, layout: 'pending' });
  const [progress, setProgress] = useState<number | null>(null);
  const handlers = useRef(props);
  handlers.current = props;
  const current = useRef<{ nodeKey: string; nodes: ElementDefinition[]; edges: ElementDefinition[]; positions: Float64Array | null }>({
    nodeKey: '',
    nodes: [],
    edges: [],
    positions: null,
  });

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    let created: GlNetworkView;
    try {
      created = new GlNetworkView(
        host,
        {
          onPick: (hit) => {
            const { nodes, edges } = current.current;
            const data = (hit.kind === 'node' ? nodes : edges)[hit.index].data as Record<string, unknown>;
            if (hit.kind === 'node') handlers.current.onTapNode?.(data);
            else handlers.current.onTapEdge?.(data);
          },
          describe: (hit) => {
            const { nodes, edges } = current.current;
            if (hit.kind === 'node') return String(nodes[hit.index].data.label ?? nodes[hit.index].data.id);
            const d = edges[hit.index].data as Record<string, unknown>;
            return `${d.regulator ?? d.source} → ${d.gene ?? d.target}`;
          },
        },
        { antialias: handlers.current.antialias, motionScale: handlers.current.motionScale },
      );
    } catch {
      setFallback(true);
      return;
    }
    (host as HTMLElement & { grnView?: GlViewHandle }).grnView = created;
    setView(created);
    return () => {
      setView(null);
      created.destroy();
    };
  }, []);

  useEffect(() => {
    if (!view) return;
    const nodes = elements.filter((e) => e.data.source === undefined);
    const edges = elements.filter((e) => e.data.source !== undefined);
    const index = new Map(nodes.map((n, i) => [String(n.data.id), i]));
    const pairs = edges.map((e) => [index.get(String(e.data.source))!, index.get(String(e.data.target))!] as const);
    const nodeKey = nodes.map((n) => n.data.id).join('\n');
    const sameNodes = nodeKey === current.current.nodeKey && current.current.positions;
    const show = (positions: Float64Array) => {
      current.current = { nodeKey, nodes, edges, positions };
      view.setContent(content(positions, nodes, edges, pairs, looks));
    };
    setDrawn((d) => ({ ...d, nodes: nodes.length, edges: edges.length }));
    // A changed review status restyles in place; only a new set of genes is laid out again.
    if (sameNodes) return show(current.current.positions!);
    const graph = { nodeCount: nodes.length, edges: pairs };
    show(initialPositions(graph));
    view.fit();
    setDrawn((d) => ({ ...d, layout: 'running' }));
    setProgress(0);
    const controller = new AbortController();
    let finished = false;
    forceLayout(graph, { signal: controller.signal, onProgress: setProgress })
      .then((positions) => {
        finished = true;
        show(positions);
        view.fit();
        setDrawn((d) => ({ ...d, layout: 'done' }));
      })
      .catch(() => undefined) // cancelled: a newer set of elements took over
      .finally(() => setProgress(null));
    return () => {
      controller.abort();
      // An unfinished layout is started again for the next elements; a finished one is kept.
      if (!finished) current.current.nodeKey = '';
    };
  }, [view, elements, looks]);

  if (fallback) return <CytoscapeGraph {...props} layout="force" webgl={false} />;
  return (
    <div className="graph-frame">
      <div
        ref={container}
        className={`${className ?? ''} gl-network`}
        role="img"
        aria-label={label}
        data-nodes={drawn.nodes}
        data-edges={drawn.edges}
        data-renderer="webgl2"
        data-layout={drawn.layout}
      />
      <LayoutProgress progress={progress} genes={drawn.nodes} />
    </div>
  );
}

function content(
  positions: Float64Array,
  nodes: ElementDefinition[],
  edges: ElementDefinition[],
  pairs: ReadonlyArray<readonly [number, number]>,
  looks: GlLooks,
): ViewContent {
  return {
    positions,
    nodes: nodes.map((n) => ({ ...looks.node(n), label: String(n.data.label ?? n.data.id) })),
    edges: edges.map((e, i) => ({ source: pairs[i][0], target: pairs[i][1], look: looks.edge(e) })),
  };
}
