'use client';
import { useMemo } from 'react';
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { CytoscapeGraph } from '@/app/components/cytoscape-graph';

export interface NetworkEdge {
  regulator: string;
  target: string;
  sign: number;
  status: 'added' | 'removed' | 'sign' | 'same';
}

const COLOURS = { added: '#1e8e4e', removed: '#c0392b', sign: '#e67e22', same: '#b8c0cc' } as const;

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 9,
      width: 14,
      height: 14,
      'background-color': '#9aa5b5',
      color: '#1c2330',
      'text-valign': 'top',
      'text-margin-y': -3,
    },
  },
  { selector: 'node.touched', style: { 'background-color': '#2856c8', 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'line-color': COLOURS.same,
      'target-arrow-color': COLOURS.same,
    },
  },
  { selector: 'edge.repress', style: { 'target-arrow-shape': 'tee' } },
  { selector: 'edge.added', style: { width: 3, 'line-color': COLOURS.added, 'target-arrow-color': COLOURS.added } },
  { selector: 'edge.removed', style: { width: 3, 'line-style': 'dashed', 'line-color': COLOURS.removed, 'target-arrow-color': COLOURS.removed } },
  { selector: 'edge.sign', style: { width: 3, 'line-color': COLOURS.sign, 'target-arrow-color': COLOURS.sign } },
];

/** The union of two versions' edges, the differences highlighted: added green, removed red dashed, sign changed orange. */
export function DiffNetwork({ edges }: { edges: NetworkEdge[] }) {
  const { elements, genes } = useMemo(() => {
    const genes = new Set(edges.flatMap((e) => [e.regulator, e.target]));
    const touched = new Set(edges.filter((e) => e.status !== 'same').flatMap((e) => [e.regulator, e.target]));
    const elements: ElementDefinition[] = [
      ...[...genes].map((g) => ({ data: { id: `n:${g}`, label: g }, classes: touched.has(g) ? 'touched' : '' })),
      ...edges.map((e, i) => ({
        data: { id: `e${i}`, source: `n:${e.regulator}`, target: `n:${e.target}` },
        classes: `${e.status} ${e.sign < 0 ? 'repress' : 'activate'}`,
      })),
    ];
    return { elements, genes: genes.size };
  }, [edges]);

  return (
    <figure className="network-figure">
      <CytoscapeGraph
        elements={elements}
        style={STYLE}
        layout={genes > 300 ? 'force' : 'cose'}
        className="network"
        label={`Network of ${edges.length} edges with the differences highlighted; the table above lists the same changes.`}
      />
      <figcaption className="legend small">
        <span>
          <span className="swatch-line" style={{ borderColor: COLOURS.added }} /> added
        </span>
        <span>
          <span className="swatch-line dashed" style={{ borderColor: COLOURS.removed }} /> removed
        </span>
        <span>
          <span className="swatch-line" style={{ borderColor: COLOURS.sign }} /> sign changed
        </span>
        <span>
          <span className="swatch-line" style={{ borderColor: COLOURS.same }} /> unchanged
        </span>
        <span>→ activates, ⊣ represses</span>
      </figcaption>
    </figure>
  );
}
