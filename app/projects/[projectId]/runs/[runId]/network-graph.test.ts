import { describe, expect, it } from 'vitest';
import { COLOURS, isLargeNetwork, networkElements, networkLooks, networkStyle, type NetworkEdge } from './network-graph';

function network(edgeCount: number, reviewed: number) {
  const genes = Math.ceil(Math.sqrt(edgeCount)) + 1;
  const edges: NetworkEdge[] = Array.from({ length: edgeCount }, (_, i) => ({
    regulator: `R${i % genes}`,
    target: `T${Math.floor(i / genes)}`,
    effect: i % 3 === 0 ? -1 / (i + 1) : 1 / (i + 1),
    sign: i % 3 === 0 ? -1 : 1,
    rank: i + 1,
    priorSupported: i % 5 === 0,
    gold: null,
    reviewStatus: i < reviewed ? 'ACCEPTED' : 'UNREVIEWED',
  }));
  const ids = [...new Set(edges.flatMap((e) => [e.regulator, e.target]))];
  return { nodes: ids.map((id) => ({ id, isFocus: false, inDegree: 1, outDegree: 1 })), edges, goldEdges: [] };
}

describe('network elements', () => {
  it('a small network: one element per gene and edge, review status as a class (drawn as an underlay)', () => {
    const net = network(50, 3);
    const els = networkElements(net, (e) => e.reviewStatus, false);
    expect(els).toHaveLength(net.nodes.length + 50);
    expect(els.filter((e) => String(e.classes).includes('halo'))).toHaveLength(0);
    const first = els.find((e) => e.data.id === 'e:R0\u2192T0')!;
    expect(first.classes).toContain('repress');
    expect(first.classes).toContain('review-accepted');
    expect(isLargeNetwork(50)).toBe(false);
  });

  it('a large network: a halo edge beneath each reviewed edge, since WebGL draws no underlays', () => {
    const net = network(5000, 7);
    const els = networkElements(net, (e) => e.reviewStatus, false);
    const halos = els.filter((e) => String(e.classes).startsWith('halo'));
    expect(halos).toHaveLength(7);
    expect(halos[0].data).toMatchObject({ source: 'n:R0', target: 'n:T0', regulator: 'R0', gene: 'T0' });
    expect(new Set(els.map((e) => e.data.id)).size).toBe(els.length);
    // A changed status (from the review panel) changes the halo, not the ids of what was there.
    const after = networkElements(net, (e) => (e.rank === 10 ? 'DISPUTED' : e.reviewStatus), false);
    expect(after.filter((e) => String(e.classes).includes('halo review-disputed'))).toHaveLength(1);
  });

  it('the large style tells sign by colour alone (triangle arrowheads for both signs)', () => {
    const rule = (large: boolean, selector: string) =>
      (networkStyle(large).find((b) => 'selector' in b && b.selector === selector) as unknown as { style: Record<string, unknown> }).style;
    expect(rule(false, 'edge.repress')['target-arrow-shape']).toBe('tee');
    expect(rule(true, 'edge.repress')['target-arrow-shape']).toBe('triangle');
    expect(rule(true, 'edge.repress')['line-color']).not.toBe(rule(true, 'edge.activate')['line-color']);
  });

  it("the WebGL renderer's looks: sign by colour and head, halos beneath in the status colour, prior edges wide", () => {
    const els = networkElements(network(3000, 1), (e) => e.reviewStatus, false);
    const edges = els.filter((e) => e.data.source !== undefined);
    const looks = edges.map((e) => ({ id: String(e.data.id), look: networkLooks.edge(e) }));
    const halo = looks.find((l) => l.id.startsWith('h:'))!.look;
    expect(halo).toMatchObject({ under: true, head: 'none', colour: '#2856c8' });
    const repress = looks.find((l) => l.id === 'e:R0\u2192T0')!.look;
    expect(repress).toMatchObject({ colour: COLOURS.repression, head: 'tee', under: false, width: 2.5 });
    const activate = looks.find((l) => l.id === 'e:R1\u2192T0')!.look;
    expect(activate).toMatchObject({ colour: COLOURS.activation, head: 'triangle', width: 1.2 });
    expect(activate.opacity).toBeLessThan(repress.opacity);
    const node = networkLooks.node(els.find((e) => e.data.id === 'n:R0')!);
    expect(node.colour).toBe('#5d6778');
  });
});
