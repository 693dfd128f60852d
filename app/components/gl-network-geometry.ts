/**
 * Vertex data for gl-network-renderer.ts, built once per set of elements and positions: the GPU then only
 * needs the viewport (one uniform) to draw a frame. Pure: no DOM, no WebGL, so it is unit-tested.
 *
 * Every edge is 12 vertices (two triangles for the line, two for the head; a triangle head repeats a corner).
 * A vertex carries both endpoints in model coordinates and its offset in screen pixels from one end
 * (`t` 0: the source, 1: the target pulled back to the rim of the target's disc), so line widths and arrowheads
 * keep their size in pixels at any zoom while the buffer never changes.
 */

export type HeadShape = 'triangle' | 'tee' | 'none';

export interface EdgeLook {
  /** '#rrggbb'. */
  colour: string;
  /** 0..1. */
  opacity: number;
  /** Line width in screen pixels. */
  width: number;
  head: HeadShape;
  dashed: boolean;
  /** Drawn beneath the others (review halos). */
  under: boolean;
}

export interface NodeLook {
  colour: string;
  /** Diameter in model units, as cytoscape's `width`. */
  size: number;
}

export interface GeometryEdge {
  source: number;
  target: number;
  look: EdgeLook;
}

export interface GeometryInput {
  /** [x0, y0, x1, y1, …] in model coordinates. */
  positions: ArrayLike<number>;
  nodes: ReadonlyArray<NodeLook>;
  edges: ReadonlyArray<GeometryEdge>;
}

/** Floats per edge vertex: a.xy, b.xy, t, back, side, dash, trim, colour (4 bytes read as RGBA). */
export const EDGE_VERTEX_FLOATS = 10;
export const VERTICES_PER_EDGE = 12;
/** Floats per node: x, y, radius, colour. */
export const NODE_FLOATS = 4;

const HEAD_LENGTH = 7;
const HEAD_WIDTH = 6;
const TEE_THICKNESS = 2;
const TEE_WIDTH = 8;

export interface Geometry {
  /** Interleaved edge vertices; the colour slot holds RGBA bytes (read through a Uint8 view). */
  edgeVertices: ArrayBuffer;
  edgeVertexCount: number;
  nodeData: ArrayBuffer;
  nodeCount: number;
}

/** '#rrggbb' and an opacity as the four bytes R, G, B, A in memory order. */
export function packColour(hex: string, opacity: number): [number, number, number, number] {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  const a = Math.round(255 * Math.min(1, Math.max(0, opacity)));
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255, a];
}

export function buildGeometry({ positions, nodes, edges }: GeometryInput): Geometry {
  // Halos first: one draw call paints them beneath the rest.
  const order = edges.map((_, i) => i).sort((i, j) => Number(edges[j].look.under) - Number(edges[i].look.under));
  const edgeVertices = new ArrayBuffer(edges.length * VERTICES_PER_EDGE * EDGE_VERTEX_FLOATS * 4);
  const f = new Float32Array(edgeVertices);
  const bytes = new Uint8Array(edgeVertices);
  let v = 0;
  const put = (e: GeometryEdge, rgba: number[], t: number, back: number, side: number, dash: number) => {
    const o = v * EDGE_VERTEX_FLOATS;
    f[o] = positions[2 * e.source];
    f[o + 1] = positions[2 * e.source + 1];
    f[o + 2] = positions[2 * e.target];
    f[o + 3] = positions[2 * e.target + 1];
    f[o + 4] = t;
    f[o + 5] = back;
    f[o + 6] = side;
    f[o + 7] = dash;
    f[o + 8] = nodes[e.target].size / 2;
    bytes.set(rgba, (o + 9) * 4);
    v++;
  };
  for (const i of order) {
    const e = edges[i];
    const rgba = packColour(e.look.colour, e.look.opacity);
    const scale = Math.max(1, e.look.width / 1.5);
    const head = e.look.head === 'triangle' ? HEAD_LENGTH * scale : e.look.head === 'tee' ? TEE_THICKNESS * scale + 1 : 0;
    const w = e.look.width / 2;
    const dash = e.look.dashed ? 1 : 0;
    // The line: source end to the base of the head.
    for (const [t, back, side] of [
      [0, 0, -w],
      [0, 0, w],
      [1, head, w],
      [0, 0, -w],
      [1, head, w],
      [1, head, -w],
    ] as const)
      put(e, rgba, t, back, side, dash);
    for (const [back, side] of headCorners(e.look.head, scale)) put(e, rgba, 1, back, side, 0);
  }
  const nodeData = new ArrayBuffer(nodes.length * NODE_FLOATS * 4);
  const nf = new Float32Array(nodeData);
  const nb = new Uint8Array(nodeData);
  nodes.forEach((n, i) => {
    nf[i * 4] = positions[2 * i];
    nf[i * 4 + 1] = positions[2 * i + 1];
    nf[i * 4 + 2] = n.size / 2;
    nb.set(packColour(n.colour, 1), (i * 4 + 3) * 4);
  });
  return { edgeVertices, edgeVertexCount: v, nodeData, nodeCount: nodes.length };
}

/** Six (back, side) corners, two triangles, measured back from the target's rim. */
function headCorners(head: HeadShape, scale: number): [number, number][] {
  if (head === 'triangle') {
    const l = HEAD_LENGTH * scale;
    const h = (HEAD_WIDTH * scale) / 2;
    return [
      [0, 0],
      [l, -h],
      [l, h],
      [0, 0],
      [0, 0],
      [0, 0],
    ];
  }
  if (head === 'tee') {
    const l = TEE_THICKNESS * scale + 1;
    const h = (TEE_WIDTH * scale) / 2;
    return [
      [1, -h],
      [1, h],
      [l, h],
      [1, -h],
      [l, h],
      [l, -h],
    ];
  }
  return Array.from({ length: 6 }, () => [0, 0]);
}
