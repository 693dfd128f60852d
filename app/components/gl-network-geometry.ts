/**
 * Vertex data for gl-network-renderer.ts, built once per set of elements and positions: the GPU then only
 * needs the viewport (a few uniforms) to draw a frame. Pure: no DOM, no WebGL, so it is unit-tested.
 *
 * A software rasteriser pays per vertex and per primitive more than per pixel, so an edge costs as few as it can:
 * a thin edge is one line (2 vertices), its head one point sprite that the fragment shader cuts into a triangle
 * or a bar; only wide edges (halos, edges in the prior) are quads (6 vertices). A vertex carries both endpoints in
 * model coordinates and its offset in CSS pixels from one end (`t` 0: the source, 1: the target pulled back to
 * the rim of the target's disc), so widths and heads keep their size on screen at any zoom.
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

/**
 * Floats per edge vertex: a.xy, b.xy, t, back, side, kind, trim, colour (4 bytes read as RGBA). `kind`: a line's
 * dash flag (0, 1); a head's shape (1 triangle, 2 bar), whose `side` is then the head's scale and `back` the
 * distance of its centre from the rim.
 */
export const EDGE_VERTEX_FLOATS = 10;
/** Floats per node: x, y, radius, colour. */
export const NODE_FLOATS = 4;

/** Head sizes in CSS pixels at scale 1; the head shader (gl-network-renderer.ts) uses the same. */
export const HEAD_LENGTH = 7;
export const HEAD_WIDTH = 6;
export const TEE_THICKNESS = 2;
export const TEE_WIDTH = 8;
/** Edges at most this wide are drawn as lines (one device pixel); wider ones as quads. */
export const LINE_MAX_WIDTH = 1.5;

export interface Geometry {
  /** Interleaved edge vertices, in three runs: quads (triangles), lines, heads (points). The colour slot holds RGBA bytes. */
  edgeVertices: ArrayBuffer;
  quadVertices: number;
  lineVertices: number;
  headVertices: number;
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
  // Quads first, halos first among them: drawn beneath the lines and the heads.
  const wide = edges.filter((e) => e.look.width > LINE_MAX_WIDTH).sort((a, b) => Number(b.look.under) - Number(a.look.under));
  const thin = edges.filter((e) => e.look.width <= LINE_MAX_WIDTH);
  const headed = edges.filter((e) => e.look.head !== 'none');
  const count = 6 * wide.length + 2 * thin.length + headed.length;
  const edgeVertices = new ArrayBuffer(count * EDGE_VERTEX_FLOATS * 4);
  const f = new Float32Array(edgeVertices);
  const bytes = new Uint8Array(edgeVertices);
  let v = 0;
  const put = (e: GeometryEdge, t: number, back: number, side: number, kind: number) => {
    const o = v * EDGE_VERTEX_FLOATS;
    f[o] = positions[2 * e.source];
    f[o + 1] = positions[2 * e.source + 1];
    f[o + 2] = positions[2 * e.target];
    f[o + 3] = positions[2 * e.target + 1];
    f[o + 4] = t;
    f[o + 5] = back;
    f[o + 6] = side;
    f[o + 7] = kind;
    f[o + 8] = nodes[e.target].size / 2;
    bytes.set(packColour(e.look.colour, e.look.opacity), (o + 9) * 4);
    v++;
  };
  for (const e of wide) {
    const [w, back, dash] = [e.look.width / 2, headDepth(e.look), e.look.dashed ? 1 : 0];
    for (const [t, side] of [
      [0, -w],
      [0, w],
      [1, w],
      [0, -w],
      [1, w],
      [1, -w],
    ] as const)
      put(e, t, t === 1 ? back : 0, side, dash);
  }
  for (const e of thin) {
    put(e, 0, 0, 0, e.look.dashed ? 1 : 0);
    put(e, 1, headDepth(e.look), 0, e.look.dashed ? 1 : 0);
  }
  for (const e of headed) put(e, 1, headDepth(e.look) / 2, headScale(e.look), e.look.head === 'triangle' ? 1 : 2);
  const nodeData = new ArrayBuffer(nodes.length * NODE_FLOATS * 4);
  const nf = new Float32Array(nodeData);
  const nb = new Uint8Array(nodeData);
  nodes.forEach((n, i) => {
    nf[i * 4] = positions[2 * i];
    nf[i * 4 + 1] = positions[2 * i + 1];
    nf[i * 4 + 2] = n.size / 2;
    nb.set(packColour(n.colour, 1), (i * 4 + 3) * 4);
  });
  return {
    edgeVertices,
    quadVertices: 6 * wide.length,
    lineVertices: 2 * thin.length,
    headVertices: headed.length,
    nodeData,
    nodeCount: nodes.length,
  };
}

/** Heads grow with the line: a 2.5 px edge has a head 1.7× the size of a 1 px one. */
export const headScale = (look: EdgeLook) => Math.max(1, look.width / 1.5);

/** How far back from the rim the line stops: the length of the head. */
export function headDepth(look: EdgeLook): number {
  if (look.head === 'triangle') return HEAD_LENGTH * headScale(look);
  if (look.head === 'tee') return TEE_THICKNESS * headScale(look) + 1;
  return 0;
}
