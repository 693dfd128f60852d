import { describe, expect, it } from 'vitest';
import { buildGeometry, EDGE_VERTEX_FLOATS, type EdgeLook, HEAD_LENGTH, headDepth, NODE_FLOATS, packColour } from './gl-network-geometry';

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
    { source: 2, target: 0, look: look({ colour: '#c0392b', head: 'tee', dashed: true, width: 1 }) },
  ],
};

/** Vertex k of the buffer as named fields. */
function vertex(k: number) {
  const g = buildGeometry(input);
  const f = new Float32Array(g.edgeVertices);
  const b = new Uint8Array(g.edgeVertices);
  const o = k * EDGE_VERTEX_FLOATS;
  return {
    a: [f[o], f[o + 1]],
    b: [f[o + 2], f[o + 3]],
    t: f[o + 4],
    back: f[o + 5],
    side: f[o + 6],
    kind: f[o + 7],
    trim: f[o + 8],
    rgba: [...b.slice((o + 9) * 4, (o + 10) * 4)],
  };
}

describe('packColour', () => {
  it('gives RGBA bytes', () => {
    expect(packColour('#1e8e4e', 1)).toEqual([0x1e, 0x8e, 0x4e, 255]);
    expect(packColour('#000000', 0.5)).toEqual([0, 0, 0, 128]);
    expect(packColour('#ffffff', 2)[3]).toBe(255);
  });
});

describe('buildGeometry', () => {
  const g = buildGeometry(input);

  it('makes a quad of a wide edge, a line of a thin one, a point of each head, a record of each node', () => {
    // Wide: the halo (7 px) and the 2 px activation; thin: none here but the repression below LINE_MAX_WIDTH.
    expect([g.quadVertices, g.lineVertices, g.headVertices]).toEqual([12, 2, 2]);
    expect(g.edgeVertices.byteLength).toBe(16 * EDGE_VERTEX_FLOATS * 4);
    expect(g.nodeCount).toBe(3);
    const nf = new Float32Array(g.nodeData);
    expect([...nf.slice(NODE_FLOATS, NODE_FLOATS + 3)]).toEqual([10, 20, 6]);
    expect([...new Uint8Array(g.nodeData).slice((NODE_FLOATS + 3) * 4, (NODE_FLOATS + 4) * 4)]).toEqual([0x9a, 0xa5, 0xb5, 255]);
  });

  it('puts halos first, so they are drawn beneath the edges', () => {
    const halo = vertex(0);
    expect(halo.a).toEqual([10, 20]);
    expect(halo.b).toEqual([-5, 7]);
    expect(halo.trim).toBe(2);
    expect(halo.rgba).toEqual([0x28, 0x56, 0xc8, 115]);
    // No head: the quad reaches the rim.
    for (let k = 0; k < 6; k++) expect(vertex(k).back).toBe(0);
  });

  it('draws a wide edge as a quad of its width in pixels, ending where its head begins', () => {
    const quad = Array.from({ length: 6 }, (_, k) => vertex(6 + k));
    expect(quad.every((v) => v.a[0] === 0 && v.b[0] === 10 && v.trim === 6)).toBe(true);
    expect(new Set(quad.map((v) => Math.abs(v.side)))).toEqual(new Set([1]));
    for (const v of quad) expect(v.back).toBeCloseTo(v.t === 1 ? headDepth(look()) : 0, 5);
    expect(headDepth(look())).toBeGreaterThan(HEAD_LENGTH);
  });

  it('draws a thin edge as a line to its head, dashed when asked', () => {
    const [from, to] = [vertex(12), vertex(13)];
    expect([from.t, to.t, from.side, to.side]).toEqual([0, 1, 0, 0]);
    expect(to.back).toBe(headDepth(look({ head: 'tee', width: 1 })));
    expect([from.kind, to.kind]).toEqual([1, 1]);
    expect(from.rgba).toEqual([0xc0, 0x39, 0x2b, 255]);
  });

  it('gives each head one point: its shape, scale, and centre half its depth back from the rim', () => {
    const [triangle, tee] = [vertex(14), vertex(15)];
    expect([triangle.kind, tee.kind]).toEqual([1, 2]);
    expect(triangle.side).toBeCloseTo(2 / 1.5);
    expect(tee.side).toBe(1);
    expect(triangle.back).toBeCloseTo(headDepth(look()) / 2);
    expect(tee.b).toEqual([0, 0]);
  });
});
