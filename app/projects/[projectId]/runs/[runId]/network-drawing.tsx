'use client';
import type { CytoscapeOptions, ElementDefinition } from 'cytoscape';
import { useMemo } from 'react';
import { CytoscapeGraph } from '@/app/components/cytoscape-graph';
import { GlNetworkGraph } from '@/app/components/gl-network-graph';
import { isLargeNetwork, networkLooks, networkStyle } from './network-graph';

/** 'auto': what the view uses. The others let `npm run bench:network` measure cytoscape at any size. */
export type NetworkRenderer = 'auto' | 'cytoscape-canvas' | 'cytoscape-webgl';

export interface NetworkDrawingProps {
  elements: ElementDefinition[];
  edgeCount: number;
  nodeCount: number;
  label: string;
  onTapNode?(data: Record<string, unknown>): void;
  onTapEdge?(data: Record<string, unknown>): void;
  renderer?: NetworkRenderer;
  /** Extra cytoscape options (the bench's knobs). */
  cytoscapeOptions?: Partial<CytoscapeOptions>;
  /** The WebGL renderer's multisampling (default: on, except on software GL). */
  antialias?: boolean;
  /** The WebGL renderer's resolution while moving (default: ½ on software GL, else full). */
  motionScale?: number;
}

/**
 * The run network's picture: cytoscape up to 2,000 edges (curved edges, tee heads, underlays, its own layouts),
 * past that the app's WebGL 2 renderer (gl-network-graph.tsx), which keeps panning and zooming 20,000 edges
 * fluid where cytoscape redraws every element each frame.
 */
export function NetworkDrawing({
  elements,
  edgeCount,
  nodeCount,
  label,
  onTapNode,
  onTapEdge,
  renderer = 'auto',
  cytoscapeOptions,
  antialias,
  motionScale,
}: NetworkDrawingProps) {
  const large = isLargeNetwork(edgeCount);
  const style = useMemo(() => networkStyle(large), [large]);
  const common = { elements, style, label, onTapNode, onTapEdge, className: 'network network-large' };
  if (renderer === 'auto' && large) return <GlNetworkGraph {...common} looks={networkLooks} antialias={antialias} motionScale={motionScale} />;
  return <CytoscapeGraph {...common} layout={large || nodeCount > 250 ? 'force' : 'cose'} webgl={renderer === 'cytoscape-webgl'} options={cytoscapeOptions} />;
}
