'use client';
import { maxOf } from '@/compute/extent';
import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '../../../../components/alerts';
import { useGql } from '../../data-ui/use-gql';

interface NetworkEdge {
  regulator: string;
  target: string;
  effect: number;
  sign: number;
  rank: number;
  priorSupported: boolean;
  gold: 'tp' | 'fp' | null;
}
interface RunNetwork {
  totalEdges: number;
  matchingEdges: number;
  truncated: boolean;
  nodes: { id: string; isFocus: boolean; inDegree: number; outDegree: number }[];
  edges: NetworkEdge[];
  goldEdges: { regulator: string; target: string; predicted: boolean; shown: boolean }[];
}

const NETWORK = /* GraphQL */ `
  query RunNetwork($id: ID!, $input: RunNetworkInput) {
    run(id: $id) {
      network(input: $input) {
        totalEdges matchingEdges truncated
        nodes { id isFocus inDegree outDegree }
        edges { regulator target effect sign rank priorSupported gold }
        goldEdges { regulator target predicted shown }
      }
    }
  }
`;

const COLOURS = { activation: '#1e8e4e', repression: '#c0392b', missed: '#9aa5b5' } as const;

interface Filters {
  topK: number;
  regulator: string;
  gene: string;
  hops: number;
}

/**
 * The inferred GRN, filtered on the server (top-k by |effect|, one regulator, the neighbourhood of a gene)
 * so that even a dense network stays drawable. Colour: sign. Width: in the prior or novel. Line style:
 * true or false positive against the chosen gold standard; grey dotted: gold-standard edges the run missed.
 */
export function NetworkView({ runId, goldStandardId, hasPrior }: { runId: string; goldStandardId: string | null; hasPrior: boolean }) {
  const [filters, setFilters] = useState<Filters>({ topK: 100, regulator: '', gene: '', hops: 1 });
  const [draft, setDraft] = useState(filters);
  const input = {
    topK: filters.topK,
    regulator: filters.regulator || null,
    gene: filters.gene || null,
    hops: filters.hops,
    goldStandardId: goldStandardId || null,
  };
  const { data, error } = useGql<{ run: { network: RunNetwork } }>(NETWORK, { id: runId, input });
  const network = data?.run.network;

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters({ ...draft, topK: Math.min(2000, Math.max(1, Math.round(draft.topK) || 100)) });
  }
  const focusGene = (gene: string) => {
    const next = { ...filters, gene, regulator: '' };
    setDraft(next);
    setFilters(next);
  };

  return (
    <div className="stack">
      <form className="form-row network-filters" onSubmit={apply} aria-label="Network filters">
        <div className="field">
          <label htmlFor="net-topk">Strongest edges</label>
          <input id="net-topk" type="number" min={1} max={2000} value={draft.topK} onChange={(e) => setDraft({ ...draft, topK: Number(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor="net-regulator">From regulator</label>
          <input id="net-regulator" type="text" value={draft.regulator} placeholder="any" onChange={(e) => setDraft({ ...draft, regulator: e.target.value.trim() })} />
        </div>
        <div className="field">
          <label htmlFor="net-gene">Around gene</label>
          <input id="net-gene" type="text" value={draft.gene} placeholder="any" onChange={(e) => setDraft({ ...draft, gene: e.target.value.trim() })} />
        </div>
        <div className="field narrow-field">
          <label htmlFor="net-hops">Hops</label>
          <select id="net-hops" value={draft.hops} onChange={(e) => setDraft({ ...draft, hops: Number(e.target.value) })}>
            {[1, 2, 3].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row-action row-tight">
          <button type="submit" className="btn">
            Show
          </button>
          {filters.gene || filters.regulator ? (
            <button type="button" className="btn" onClick={() => focusGene('')}>
              Clear
            </button>
          ) : null}
        </div>
      </form>
      <ErrorAlert>{error}</ErrorAlert>
      {!network && !error ? <Loading what="the network" /> : null}
      {network && !error ? (
        <>
          <p className="muted small" role="status">
            Showing {network.edges.length} of {network.matchingEdges} matching edges ({network.totalEdges} in the run)
            {network.truncated ? (filters.gene ? `, the strongest that stay connected to ${filters.gene}` : ', the strongest by |effect|') : ''}. Click a gene to
            see its neighbourhood.
          </p>
          {network.edges.length > 0 ? (
            <NetworkCanvas network={network} onGene={focusGene} showGold={Boolean(goldStandardId)} hasPrior={hasPrior} />
          ) : (
            <p className="muted">No edges match these filters.</p>
          )}
          <EdgeTable edges={network.edges} showGold={Boolean(goldStandardId)} />
        </>
      ) : null}
    </div>
  );
}

function NetworkCanvas({ network, onGene, showGold, hasPrior }: { network: RunNetwork; onGene(gene: string): void; showGold: boolean; hasPrior: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string>();
  const onGeneRef = useRef(onGene);
  onGeneRef.current = onGene;

  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        const maxAbs = Math.max(maxOf(network.edges.map((e) => Math.abs(e.effect))), 1e-12);
        const missed = showGold ? network.goldEdges.filter((g) => !g.predicted) : [];
        const elements: ElementDefinition[] = [
          ...network.nodes.map((n) => ({
            data: { id: `n:${n.id}`, label: n.id, gene: n.id, size: 12 + Math.min(24, 3 * Math.sqrt(n.inDegree + n.outDegree)) },
            classes: [n.isFocus ? 'focus' : '', n.outDegree > 0 ? 'regulator' : ''].join(' '),
          })),
          ...network.edges.map((e, i) => ({
            data: { id: `e${i}`, source: `n:${e.regulator}`, target: `n:${e.target}`, opacity: 0.35 + 0.65 * Math.sqrt(Math.abs(e.effect) / maxAbs) },
            classes: [e.sign < 0 ? 'repress' : 'activate', e.priorSupported ? 'prior' : 'novel', e.gold ?? ''].join(' '),
          })),
          ...missed.map((g, i) => ({ data: { id: `m${i}`, source: `n:${g.regulator}`, target: `n:${g.target}` }, classes: 'missed' })),
        ];
        cy = cytoscape({
          container: container.current,
          elements,
          wheelSensitivity: 0.3,
          style: [
            {
              selector: 'node',
              style: {
                label: 'data(label)', 'font-size': 9, width: 'data(size)', height: 'data(size)', 'background-color': '#9aa5b5',
                color: '#1c2330', 'text-valign': 'top', 'text-margin-y': -3,
              },
            },
            { selector: 'node.regulator', style: { 'background-color': '#5d6778' } },
            { selector: 'node.focus', style: { 'background-color': '#2856c8', 'font-weight': 'bold', 'border-width': 3, 'border-color': '#9bb5f5' } },
            {
              selector: 'edge',
              style: { width: 1.6, opacity: 'data(opacity)' as never, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8 },
            },
            { selector: 'edge.activate', style: { 'line-color': COLOURS.activation, 'target-arrow-color': COLOURS.activation } },
            { selector: 'edge.repress', style: { 'line-color': COLOURS.repression, 'target-arrow-color': COLOURS.repression, 'target-arrow-shape': 'tee' } },
            { selector: 'edge.prior', style: { width: 3.5 } },
            { selector: 'edge.fp', style: { 'line-style': 'dashed' } },
            { selector: 'edge.missed', style: { width: 1.2, opacity: 0.8, 'line-style': 'dotted', 'line-color': COLOURS.missed, 'target-arrow-color': COLOURS.missed } },
          ],
          layout: { name: network.nodes.length > 250 ? 'concentric' : 'cose', animate: false, randomize: false, nodeRepulsion: () => 6000 } as never,
        });
        cy.on('tap', 'node', (evt) => onGeneRef.current(evt.target.data('gene') as string));
      })
      .catch((e) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [network, showGold]);

  if (failed) return <p className="muted">The network view could not load: {failed}</p>;
  return (
    <figure className="network-figure">
      <div
        ref={container}
        className="network network-large"
        role="img"
        aria-label={`Inferred network: ${network.nodes.length} genes and ${network.edges.length} edges; the table below lists the same edges.`}
      />
      <figcaption className="legend small">
        <span><span className="swatch-line" style={{ borderColor: COLOURS.activation }} /> activates (→)</span>
        <span><span className="swatch-line" style={{ borderColor: COLOURS.repression }} /> represses (⊣)</span>
        {hasPrior ? <span><span className="swatch-line thick" style={{ borderColor: '#5d6778' }} /> thick: in the prior · thin: novel</span> : null}
        {showGold ? (
          <>
            <span><span className="swatch-line" style={{ borderColor: '#5d6778' }} /> solid: true positive</span>
            <span><span className="swatch-line dashed" style={{ borderColor: '#5d6778' }} /> dashed: false positive</span>
            <span><span className="swatch-line dotted" style={{ borderColor: COLOURS.missed }} /> missed gold-standard edge</span>
          </>
        ) : null}
        <span>fainter: weaker |effect|</span>
      </figcaption>
    </figure>
  );
}

function EdgeTable({ edges, showGold }: { edges: NetworkEdge[]; showGold: boolean }) {
  return (
    <details>
      <summary>Edge table ({edges.length})</summary>
      <div className="table-wrap edge-table">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">Rank</th>
              <th scope="col">Regulator</th>
              <th scope="col">Target</th>
              <th scope="col" className="num">Effect</th>
              <th scope="col">Prior</th>
              {showGold ? <th scope="col">Gold standard</th> : null}
            </tr>
          </thead>
          <tbody>
            {edges.map((e) => (
              <tr key={`${e.regulator}>${e.target}`}>
                <td className="num">{e.rank}</td>
                <td className="mono">{e.regulator}</td>
                <td className="mono">{e.target}</td>
                <td className="num">
                  <span className={e.sign < 0 ? 'badge badge-danger' : 'badge badge-ok'}>{e.sign < 0 ? 'represses' : 'activates'}</span>{' '}
                  {e.effect.toExponential(2)}
                </td>
                <td className="small">{e.priorSupported ? 'in prior' : 'novel'}</td>
                {showGold ? <td className="small">{e.gold === 'tp' ? 'true positive' : 'false positive'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
