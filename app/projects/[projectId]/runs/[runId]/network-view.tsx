'use client';
import { maxOf } from '@/compute/extent';
import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_NETWORK_FILTERS, filtersFromSearch, replaceFiltersInUrl } from './network-url';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { EdgeReviewPanel } from '@/app/projects/[projectId]/reviews/edge-panel';
import { ReviewStatusBadge, STATUS_COLOURS } from '@/app/projects/[projectId]/reviews/review-status';
import { edgeKey, STATUS_LABELS, STATUSES, type EdgeRef, type EdgeReviewStatus } from '@/app/projects/[projectId]/reviews/types';

interface NetworkEdge {
  regulator: string;
  target: string;
  effect: number;
  sign: number;
  rank: number;
  priorSupported: boolean;
  gold: 'tp' | 'fp' | null;
  reviewStatus: EdgeReviewStatus;
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
        edges { regulator target effect sign rank priorSupported gold reviewStatus }
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
  const [filters, setFiltersState] = useState<Filters>(DEFAULT_NETWORK_FILTERS);
  const [draft, setDraft] = useState(filters);
  // The filters live in the address so a view can be shared: read once on arrival, written on each change.
  useEffect(() => {
    const { gold: _gold, ...fromUrl } = filtersFromSearch(window.location.search);
    setFiltersState(fromUrl);
    setDraft(fromUrl);
  }, []);
  const setFilters = (next: Filters) => {
    setFiltersState(next);
    replaceFiltersInUrl(next);
  };
  const input = {
    topK: filters.topK,
    regulator: filters.regulator || null,
    gene: filters.gene || null,
    hops: filters.hops,
    goldStandardId: goldStandardId || null,
  };
  const { data, error } = useGql<{ run: { network: RunNetwork } }>(NETWORK, { id: runId, input });
  const network = data?.run.network;
  const [reviewing, setReviewing] = useState<EdgeRef | null>(null);
  // Statuses changed in the panel since the network loaded: recoloured in place, without a new layout.
  const [statusNow, setStatusNow] = useState<ReadonlyMap<string, EdgeReviewStatus>>(new Map());
  const statusOf = (e: NetworkEdge) => statusNow.get(edgeKey(e)) ?? e.reviewStatus;
  const onStatus = (edge: EdgeRef, status: EdgeReviewStatus) =>
    setStatusNow((m) => (m.get(edgeKey(edge)) === status ? m : new Map(m).set(edgeKey(edge), status)));

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
            see its neighbourhood, an edge to review it.
          </p>
          {network.edges.length > 0 ? (
            <NetworkCanvas
              network={network}
              statusOf={statusOf}
              onGene={focusGene}
              onEdge={setReviewing}
              showGold={Boolean(goldStandardId)}
              hasPrior={hasPrior}
            />
          ) : (
            <p className="muted">No edges match these filters.</p>
          )}
          {reviewing ? (
            <EdgeReviewPanel
              key={edgeKey(reviewing)}
              edge={reviewing}
              runId={runId}
              onStatus={(status) => onStatus(reviewing, status)}
              onClose={() => setReviewing(null)}
            />
          ) : null}
          <EdgeTable edges={network.edges} statusOf={statusOf} showGold={Boolean(goldStandardId)} onReview={setReviewing} />
          <p className="small">
            Download all {network.totalEdges} inferred edges with effect, rank, review status and evidence:{' '}
            {(['csv', 'sif', 'graphml'] as const).map((format, i) => (
              <span key={format}>
                {i > 0 ? ' · ' : ''}
                <a href={`/api/runs/${runId}/network?format=${format}`} download>
                  {format === 'graphml' ? 'GraphML' : format.toUpperCase()}
                </a>
              </span>
            ))}
          </p>
        </>
      ) : null}
    </div>
  );
}

interface CanvasProps {
  network: RunNetwork;
  statusOf(e: NetworkEdge): EdgeReviewStatus;
  onGene(gene: string): void;
  onEdge(edge: EdgeRef): void;
  showGold: boolean;
  hasPrior: boolean;
}

const reviewClass = (status: EdgeReviewStatus) => `review-${status.toLowerCase()}`;

function NetworkCanvas({ network, statusOf, onGene, onEdge, showGold, hasPrior }: CanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [failed, setFailed] = useState<string>();
  const onGeneRef = useRef(onGene);
  onGeneRef.current = onGene;
  const onEdgeRef = useRef(onEdge);
  onEdgeRef.current = onEdge;
  const statusOfRef = useRef(statusOf);
  statusOfRef.current = statusOf;

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
            data: {
              id: `e${i}`,
              source: `n:${e.regulator}`,
              target: `n:${e.target}`,
              regulator: e.regulator,
              gene: e.target,
              opacity: 0.35 + 0.65 * Math.sqrt(Math.abs(e.effect) / maxAbs),
            },
            classes: [e.sign < 0 ? 'repress' : 'activate', e.priorSupported ? 'prior' : 'novel', e.gold ?? '', reviewClass(statusOfRef.current(e))].join(' '),
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
            // Review status: a halo under the edge, so sign (colour) and prior/gold (width, dash) stay readable.
            ...STATUSES.filter((st) => st !== 'UNREVIEWED').map((st) => ({
              selector: `edge.${reviewClass(st)}`,
              style: { 'underlay-color': STATUS_COLOURS[st], 'underlay-opacity': 0.45, 'underlay-padding': 4 } as never,
            })),
          ],
          layout: { name: network.nodes.length > 250 ? 'concentric' : 'cose', animate: false, randomize: false, nodeRepulsion: () => 6000 } as never,
        });
        cy.on('tap', 'node', (evt) => onGeneRef.current(evt.target.data('gene') as string));
        cy.on('tap', 'edge', (evt) => {
          const regulator = evt.target.data('regulator') as string | undefined;
          if (regulator) onEdgeRef.current({ regulator, target: evt.target.data('gene') as string });
        });
        cyRef.current = cy;
      })
      .catch((e) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      cyRef.current = null;
      cy?.destroy();
    };
  }, [network, showGold]);

  // A verdict given in the panel recolours its edge where it is.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    network.edges.forEach((e, i) => {
      const el = cy.getElementById(`e${i}`);
      for (const st of STATUSES) el.removeClass(reviewClass(st));
      el.addClass(reviewClass(statusOf(e)));
    });
  }, [network, statusOf]);

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
        <ReviewLegend edges={network.edges} statusOf={statusOf} />
      </figcaption>
    </figure>
  );
}

/** Review statuses with their halo colour and how many shown edges have each. */
function ReviewLegend({ edges, statusOf }: { edges: NetworkEdge[]; statusOf(e: NetworkEdge): EdgeReviewStatus }) {
  const counts = new Map<EdgeReviewStatus, number>();
  for (const e of edges) counts.set(statusOf(e), (counts.get(statusOf(e)) ?? 0) + 1);
  return (
    <span role="group" aria-label="Review status">
      halo: review status —{' '}
      {STATUSES.map((st) => (
        <span key={st} className="nowrap">
          {st === 'UNREVIEWED' ? null : <span className="swatch-halo" style={{ background: STATUS_COLOURS[st] }} />} {STATUS_LABELS[st]} ({counts.get(st) ?? 0}){' '}
        </span>
      ))}
    </span>
  );
}

interface TableProps {
  edges: NetworkEdge[];
  statusOf(e: NetworkEdge): EdgeReviewStatus;
  showGold: boolean;
  onReview(edge: EdgeRef): void;
}

function EdgeTable({ edges, statusOf, showGold, onReview }: TableProps) {
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
              <th scope="col">Review</th>
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
                <td>
                  <button type="button" className="linklike" aria-label={`Review ${e.regulator} → ${e.target}`} onClick={() => onReview(e)}>
                    <ReviewStatusBadge status={statusOf(e)} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
