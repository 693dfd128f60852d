import { describe, expect, it } from 'vitest';
import { buildGeometry, EDGE_VERTEX_FLOATS, type EdgeLook, NODE_FLOATS, packColour, VERTICES_PER_EDGE } from './gl-network-geometry';

const look = (over: Partial<EdgeLook> = {}): EdgeLook => ({
  colour: '#1e8e4e',
  opacity: 1,
  width: 2,
  head: 'triangle',
  dashed: false,
  under: false,
  ...over,
});

const input = {
  positions: [0, 0, 10, 20, -5, 7],
  nodes: [
    { colour: '#5d6778', size: 8 },
    { colour: '#9aa5b5', size: 12 },
    { colour: '#2856c8', size: 4 },
  ],
  edges: [
    { source: 0, target: 1, look: look() },
    { source: 1, target: 2, look: look({ colour: '#2856c8', opacity: 0.45, width: 7, head: 'none', under: true }) },
    { source: 2, target: 0, look: look({ colour: '#c0392b', head: 'tee', dashed: true }) },
  ],
};

/** The vertices of the k-th edge as drawn (halos first), each as named fields. */
function vertices(k: number) {
  const g = buildGeometry(input);
  const f = new Float32Array(g.edgeVertices);
  const b = new Uint8Array(g.edgeVertices);
  return Array.from({ length: VERTICES_PER_EDGE }, (_, j) => {
    const o = (k * VERTICES_PER_EDGE + j) * EDGE_VERTEX_FLOATS;
    return {
      a: [f[o], f[o + 1]],
      b: [f[o + 2], f[o + 3]],
      t: f[o + 4],
      back: f[o + 5],
      side: f[o + 6],
      dash: f[o + 7],
      trim: f[o + 8],
      rgba: [...b.slice((o + 9) * 4, (o + 10) * 4)],
    };
  });
}

describe('packColour', () => {
  it('gives RGBA bytes', () => {
    expect(packColour('#1e8e4e', 1)).toEqual([0x1e, 0x8e, 0x4e, 255]);
    expect(packColour('#000000', 0.5)).toEqual([0, 0, 0, 128]);
    expect(packColour('#ffffff', 2)[3]).toBe(255);
  });
});

describe('buildGeometry', () => {
  it('makes 12 vertices an edge and one record a node', () => {
    const g = buildGeometry(input);
    expect(g.edgeVertexCount).toBe(3 * VERTICES_PER_EDGE);
    expect(g.edgeVertices.byteLength).toBe(3 * VERTICES_PER_EDGE * EDGE_VERTEX_FLOATS * 4);
    expect(g.nodeCount).toBe(3);
    const nf = new Float32Array(g.nodeData);
    expect([...nf.slice(NODE_FLOATS, NODE_FLOATS + 3)]).toEqual([10, 20, 6]);
    expect([...new Uint8Array(g.nodeData).slice((NODE_FLOATS + 3) * 4, (NODE_FLOATS + 4) * 4)]).toEqual([0x9a, 0xa5, 0xb5, 255]);
  });

  it('puts halos first, so one draw paints them beneath the edges', () => {
    const halo = vertices(0);
    expect(halo[0].a).toEqual([10, 20]);
    expect(halo[0].b).toEqual([-5, 7]);
    expect(halo[0].rgba).toEqual([0x28, 0x56, 0xc8, 115]);
    // No head: its six vertices collapse onto the target's rim.
    for (const v of halo.slice(6)) expect([v.back, v.side]).toEqual([0, 0]);
  });

  it('draws the line as a quad of the width in pixels, ending at the base of a triangle head', () => {
    const edge = vertices(1);
    expect(edge.every((v) => v.a[0] === 0 && v.b[0] === 10 && v.trim === 6)).toBe(true);
    const line = edge.slice(0, 6);
    expect(new Set(line.map((v) => Math.abs(v.side)))).toEqual(new Set([1]));
    const headLength = Math.max(...edge.slice(6).map((v) => v.back));
    for (const v of line) expect(v.back).toBe(v.t === 1 ? headLength : 0);
    // The tip sits on the rim (back 0, side 0); the base corners are symmetric.
    expect(edge.slice(6).some((v) => v.back === 0 && v.side === 0)).toBe(true);
    const sides = edge.slice(6).map((v) => v.side);
    expect(Math.max(...sides)).toBe(-Math.min(...sides));
  });

  it('gives repressions a tee head and marks dashed lines', () => {
    const edge = vertices(2);
    expect(edge.slice(0, 6).every((v) => v.dash === 1)).toBe(true);
    expect(edge.slice(6).every((v) => v.dash === 0)).toBe(true);
    // A bar: wider than the line, as deep as it is thick.
    const head = edge.slice(6);
    expect(Math.max(...head.map((v) => v.side))).toBeGreaterThan(2);
    expect(new Set(head.map((v) => v.back)).size).toBe(2);
    expect(edge[0].rgba).toEqual([0xc0, 0x39, 0x2b, 255]);
  });
});
