import type { NamedEdge } from '../types';

function nodeList(edges: readonly NamedEdge[], genes?: readonly string[]): string[] {
  const nodes = new Set(genes ?? []);
  for (const e of edges) {
    nodes.add(e.regulator);
    nodes.add(e.target);
  }
  return [...nodes];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Directed GraphML with edge attributes sign (int), weight (double) and evidence (string). */
export function writeGraphML(edges: readonly NamedEdge[], genes?: readonly string[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="sign" for="edge" attr.name="sign" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
    '  <graph id="grn" edgedefault="directed">',
  ];
  for (const g of nodeList(edges, genes)) {
    lines.push(`    <node id="${escapeXml(g)}"><data key="name">${escapeXml(g)}</data></node>`);
  }
  edges.forEach((e, k) => {
    const data = [`<data key="sign">${Math.sign(e.sign)}</data>`];
    if (e.weight !== undefined) data.push(`<data key="weight">${e.weight}</data>`);
    if (e.evidence !== undefined) data.push(`<data key="evidence">${escapeXml(e.evidence)}</data>`);
    lines.push(`    <edge id="e${k}" source="${escapeXml(e.regulator)}" target="${escapeXml(e.target)}">${data.join('')}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

/** Cytoscape.js / Cytoscape desktop JSON: `{ elements: { nodes, edges } }`, edge data carrying sign, weight, evidence. */
export function writeCytoscapeJson(edges: readonly NamedEdge[], genes?: readonly string[]): string {
  const nodes = nodeList(edges, genes).map((g) => ({ data: { id: g, name: g } }));
  const edgeElements = edges.map((e, k) => ({
    data: {
      id: `e${k}`,
      source: e.regulator,
      target: e.target,
      interaction: e.sign > 0 ? 'activates' : e.sign < 0 ? 'inhibits' : 'regulates',
      sign: Math.sign(e.sign),
      ...(e.weight !== undefined ? { weight: e.weight } : {}),
      ...(e.evidence !== undefined ? { evidence: e.evidence } : {}),
    },
  }));
  return JSON.stringify({ elements: { nodes, edges: edgeElements } }, null, 2) + '\n';
}
