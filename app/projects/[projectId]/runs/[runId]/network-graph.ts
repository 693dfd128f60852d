import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { GlLooks } from '@/app/components/gl-network-graph';
import { maxOf } from '@/compute';
import { STATUS_COLOURS } from '@/app/projects/[projectId]/reviews/review-status';
import { STATUSES, type EdgeReviewStatus } from '@/app/projects/[projectId]/reviews/types';

/** The run network as the page receives it (the RunNetwork GraphQL type). */
export interface NetworkEdge {
  regulator: string;
  target: string;
  effect: number;
  sign: number;
  rank: number;
  priorSupported: boolean;
  gold: 'tp' | 'fp' | null;
  reviewStatus: EdgeReviewStatus;
}
export interface RunNetwork {
  totalEdges: number;
  matchingEdges: number;
  truncated: boolean;
  maxEdges: number;
  nodes: { id: string; isFocus: boolean; inDegree: number; outDegree: number }[];
  edges: NetworkEdge[];
  goldEdges: { regulator: string; target: string; predicted: boolean; shown: boolean }[];
}

export const COLOURS = { activation: '#1e8e4e', repression: '#c0392b', missed: '#9aa5b5' } as const;

/**
 * Above this many edges the view is "large": cytoscape's WebGL renderer, straight edges, the sliced force
 * layout. The WebGL renderer draws only triangle arrowheads, solid lines and no underlays, so sign is told by
 * colour alone, and review status by a wide translucent edge drawn beneath (a halo element) instead of an underlay.
 */
export const LARGE_NETWORK_EDGES = 2000;

export const isLargeNetwork = (edgeCount: number) => edgeCount > LARGE_NETWORK_EDGES;

export const reviewClass = (status: EdgeReviewStatus) => `review-${status.toLowerCase()}`;

const edgeId = (prefix: string, regulator: string, target: string) => `${prefix}:${regulator}\u2192${target}`;

/** Elements for cytoscape; ids name the genes, so an update moves nothing that stays. */
export function networkElements(
  network: Pick<RunNetwork, 'nodes' | 'edges' | 'goldEdges'>,
  statusOf: (e: NetworkEdge) => EdgeReviewStatus,
  showGold: boolean,
): ElementDefinition[] {
  const large = isLargeNetwork(network.edges.length);
  const maxAbs = Math.max(maxOf(network.edges.map((e) => Math.abs(e.effect))), 1e-12);
  const missed = showGold ? network.goldEdges.filter((g) => !g.predicted) : [];
  const elements: ElementDefinition[] = network.nodes.map((n) => ({
    data: { id: `n:${n.id}`, label: n.id, gene: n.id, size: nodeSize(n.inDegree + n.outDegree, large) },
    classes: [n.isFocus ? 'focus' : '', n.outDegree > 0 ? 'regulator' : ''].join(' '),
  }));
  for (const e of network.edges) {
    const status = statusOf(e);
    const data = { source: `n:${e.regulator}`, target: `n:${e.target}`, regulator: e.regulator, gene: e.target };
    if (large && status !== 'UNREVIEWED') elements.push({ data: { ...data, id: edgeId('h', e.regulator, e.target) }, classes: `halo ${reviewClass(status)}` });
    elements.push({
      data: { ...data, id: edgeId('e', e.regulator, e.target), opacity: 0.35 + 0.65 * Math.sqrt(Math.abs(e.effect) / maxAbs) },
      classes: [e.sign < 0 ? 'repress' : 'activate', e.priorSupported ? 'prior' : 'novel', e.gold ?? '', reviewClass(status)].join(' '),
    });
  }
  for (const g of missed)
    elements.push({ data: { id: edgeId('m', g.regulator, g.target), source: `n:${g.regulator}`, target: `n:${g.target}` }, classes: 'missed' });
  return elements;
}

/** Colour: sign. Width: in the prior or novel. Dashes: false positives. Halo: review status. */
/** Disc size by degree; thousands of genes get small discs, or they hide the edges they sit on. */
function nodeSize(degree: number, large: boolean): number {
  return large ? 4 + Math.min(10, 1.5 * Math.sqrt(degree)) : 12 + Math.min(24, 3 * Math.sqrt(degree));
}

export function networkStyle(large: boolean): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 9,
        width: 'data(size)',
        height: 'data(size)',
        'background-color': '#9aa5b5',
        color: '#1c2330',
        'text-valign': 'top',
        'text-margin-y': -3,
        // Thousands of labels at a glance are noise and cost frames: they appear when zoomed in.
        ...(large ? { 'min-zoomed-font-size': 16 } : {}),
      },
    },
    { selector: 'node.regulator', style: { 'background-color': '#5d6778' } },
    { selector: 'node.focus', style: { 'background-color': '#2856c8', 'font-weight': 'bold', 'border-width': 3, 'border-color': '#9bb5f5' } },
    {
      selector: 'edge',
      style: {
        width: large ? 1 : 1.6,
        opacity: 'data(opacity)' as never,
        'curve-style': large ? 'straight' : 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': large ? 0.6 : 0.8,
        'z-index': 2,
      },
    },
    { selector: 'edge.activate', style: { 'line-color': COLOURS.activation, 'target-arrow-color': COLOURS.activation } },
    {
      selector: 'edge.repress',
      style: { 'line-color': COLOURS.repression, 'target-arrow-color': COLOURS.repression, 'target-arrow-shape': large ? 'triangle' : 'tee' },
    },
    { selector: 'edge.prior', style: { width: large ? 2.5 : 3.5 } },
    { selector: 'edge.fp', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge.missed',
      style: { width: 1.2, opacity: 0.8, 'line-style': 'dotted', 'line-color': COLOURS.missed, 'target-arrow-color': COLOURS.missed },
    },
    // Review status: a halo under the edge, so sign (colour) and prior/gold (width, dash) stay readable.
    ...STATUSES.filter((st) => st !== 'UNREVIEWED').flatMap((st) => [
      { selector: `edge.${reviewClass(st)}`, style: { 'underlay-color': STATUS_COLOURS[st], 'underlay-opacity': 0.45, 'underlay-padding': 4 } as never },
      { selector: `edge.halo.${reviewClass(st)}`, style: { 'line-color': STATUS_COLOURS[st] } },
    ]),
    { selector: 'edge.halo', style: { width: 8, opacity: 0.45, 'target-arrow-shape': 'none', 'z-index': 1, 'underlay-opacity': 0 } as never },
  ];
}

const classesOf = (el: ElementDefinition) => new Set((typeof el.classes === 'string' ? el.classes : (el.classes ?? []).join(' ')).split(' '));

/**
 * networkStyle's counterpart for the WebGL renderer of large networks (gl-network-graph.tsx): the same
 * colours, with widths in screen pixels. It draws tee heads and dashes, so sign is told by colour and head.
 */
export const networkLooks: GlLooks = {
  node(el) {
    const c = classesOf(el);
    return { colour: c.has('focus') ? '#2856c8' : c.has('regulator') ? '#5d6778' : '#9aa5b5', size: Number(el.data.size) || 6 };
  },
  edge(el) {
    const c = classesOf(el);
    if (c.has('halo')) {
      const status = STATUSES.find((st) => c.has(reviewClass(st))) ?? 'UNREVIEWED';
      return { colour: STATUS_COLOURS[status], opacity: 0.45, width: 7, head: 'none', dashed: false, under: true };
    }
    if (c.has('missed')) return { colour: COLOURS.missed, opacity: 0.8, width: 1.2, head: 'triangle', dashed: true, under: false };
    return {
      colour: c.has('repress') ? COLOURS.repression : COLOURS.activation,
      opacity: Number(el.data.opacity ?? 1),
      width: c.has('prior') ? 2.5 : 1.2,
      head: c.has('repress') ? 'tee' : 'triangle',
      dashed: c.has('fp'),
      under: false,
    };
  },
};
