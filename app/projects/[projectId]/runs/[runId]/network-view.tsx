'use client';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { graphql } from '@/app/lib/graphql';
import { DEFAULT_NETWORK_FILTERS, filtersFromSearch, replaceFiltersInUrl } from './network-url';
import { COLOURS, isLargeNetwork, LARGE_NETWORK_EDGES, networkElements, type NetworkEdge, type RunNetwork } from './network-graph';
import { NetworkDrawing } from './network-drawing';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { EdgeReviewPanel } from '@/app/projects/[projectId]/reviews/edge-panel';
import { ReviewStatusBadge, STATUS_COLOURS } from '@/app/projects/[projectId]/reviews/review-status';
import { edgeKey, STATUS_LABELS, STATUSES, type EdgeRef, type EdgeReviewStatus } from '@/app/projects/[projectId]/reviews/types';

const NETWORK = graphql(`
  query RunNetwork($id: ID!, $input: RunNetworkInput) {
    run(id: $id) {
      network(input: $input) {
        totalEdges matchingEdges truncated maxEdges
        nodes { id isFocus inDegree outDegree }
        edges { regulator target effect sign rank priorSupported gold reviewStatus }
        goldEdges { regulator target predicted shown }
      }
    }
  }
`);

/** The edge-count presets offered, up to the server's cap. */
const EDGE_COUNT_PRESETS = [200, 2000, 20_000];
const DEFAULT_MAX_EDGES = 20_000;

interface Filters {
  topK: number;
  regulator: string;
  gene: string;
  hops: number;
}

/**
 * The inferred GRN, filtered on the server (top-k by |effect| up to NETWORK_MAX_EDGES, one regulator, the
 * neighbourhood of a gene). Past 2,000 edges it is drawn by the app's WebGL 2 renderer and laid out in slices (network-drawing.tsx). Colour: sign. Width: in the prior or novel. Line style:
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
  const { data, error } = useGql(NETWORK, { id: runId, input });
  const network = data?.run.network;
  const [reviewing, setReviewing] = useState<EdgeRef | null>(null);
  // Statuses changed in the panel since the network loaded: recoloured in place, without a new layout.
  const [statusNow, setStatusNow] = useState<ReadonlyMap<string, EdgeReviewStatus>>(new Map());
  const statusOf = (e: NetworkEdge) => statusNow.get(edgeKey(e)) ?? e.reviewStatus;
  const maxEdges = network?.maxEdges ?? DEFAULT_MAX_EDGES;
  const onStatus = (edge: EdgeRef, status: EdgeReviewStatus) =>
    setStatusNow((m) => (m.get(edgeKey(edge)) === status ? m : new Map(m).set(edgeKey(edge), status)));

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters({ ...draft, topK: Math.min(maxEdges, Math.max(1, Math.round(draft.topK) || 100)) });
  }
  const showTop = (topK: number) => {
    const next = { ...draft, topK };
    setDraft(next);
    setFilters(next);
  };
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
          <input id="net-topk" type="number" min={1} max={maxEdges} value={draft.topK} onChange={(e) => setDraft({ ...draft, topK: Number(e.target.value) })} />
        </div>
        <div className="field">
          <span className="label" id="net-presets">
            Edges shown
          </span>
          <span className="edge-count-presets" role="group" aria-labelledby="net-presets">
            {EDGE_COUNT_PRESETS.filter((k) => k <= maxEdges).map((k) => (
              <button key={k} type="button" className="btn btn-small" aria-pressed={filters.topK === k} onClick={() => showTop(k)}>
                Top {k.toLocaleString('en')}
              </button>
            ))}
          </span>
        </div>
        <div className="field">
          <label htmlFor="net-regulator">From regulator</label>
          <input
            id="net-regulator"
            type="text"
            value={draft.regulator}
            placeholder="any"
            onChange={(e) => setDraft({ ...draft, regulator: e.target.value.trim() })}
          />
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
            {network.truncated ? (filters.gene ? `, the strongest that stay connected to ${filters.gene}` : ', the strongest by |effect|') : ''}. Click a gene
            to see its neighbourhood, an edge to review it.
          </p>
          {network.edges.length > 0 ? (
            <NetworkCanvas
              network={network}
              statusNow={statusNow}
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
  statusNow: ReadonlyMap<string, EdgeReviewStatus>;
  statusOf(e: NetworkEdge): EdgeReviewStatus;
  onGene(gene: string): void;
  onEdge(edge: EdgeRef): void;
  showGold: boolean;
  hasPrior: boolean;
}

function NetworkCanvas({ network, statusNow, statusOf, onGene, onEdge, showGold, hasPrior }: CanvasProps) {
  const large = isLargeNetwork(network.edges.length);
  // A verdict given in the panel changes statusNow: the elements update in place, without a new layout.
  const elements = useMemo(() => networkElements(network, (e) => statusNow.get(edgeKey(e)) ?? e.reviewStatus, showGold), [network, statusNow, showGold]);
  return (
    <figure className="network-figure">
      <NetworkDrawing
        elements={elements}
        edgeCount={network.edges.length}
        nodeCount={network.nodes.length}
        label={`Inferred network: ${network.nodes.length} genes and ${network.edges.length} edges; the table below lists the same edges.`}
        onTapNode={(data) => onGene(data.gene as string)}
        onTapEdge={(data) => {
          if (typeof data.regulator === 'string') onEdge({ regulator: data.regulator, target: data.gene as string });
        }}
      />
      <figcaption className="legend small">
        <span>
          <span className="swatch-line" style={{ borderColor: COLOURS.activation }} /> activates (→)
        </span>
        <span>
          <span className="swatch-line" style={{ borderColor: COLOURS.repression }} /> represses (⊣)
        </span>
        {hasPrior ? (
          <span>
            <span className="swatch-line thick" style={{ borderColor: '#5d6778' }} /> thick: in the prior · thin: novel
          </span>
        ) : null}
        {showGold ? (
          <>
            <span>
              <span className="swatch-line" style={{ borderColor: '#5d6778' }} /> solid: true positive
            </span>
            <span>
              <span className="swatch-line dashed" style={{ borderColor: '#5d6778' }} /> dashed: false positive
            </span>
            <span>
              <span className="swatch-line dotted" style={{ borderColor: COLOURS.missed }} /> missed gold-standard edge
            </span>
          </>
        ) : null}
        <span>fainter: weaker |effect|</span>
        {large ? (
          <span>over {LARGE_NETWORK_EDGES.toLocaleString('en')} edges: drawn with WebGL; drag to pan, scroll to zoom, names appear as you zoom in</span>
        ) : null}
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

/** Rows the table renders at most: 20,000 rows would cost the page more than the network itself. */
const MAX_TABLE_ROWS = 1000;

function EdgeTable({ edges, statusOf, showGold, onReview }: TableProps) {
  // Rows are built only while the table is open.
  const [open, setOpen] = useState(false);
  const rows = edges.slice(0, MAX_TABLE_ROWS);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Edge table ({edges.length})</summary>
      {open && edges.length > rows.length ? (
        <p className="muted small">The strongest {rows.length.toLocaleString('en')} of these edges; the downloads below hold them all.</p>
      ) : null}
      {open ? (
        <div className="table-wrap edge-table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col">Regulator</th>
                <th scope="col">Target</th>
                <th scope="col" className="num">
                  Effect
                </th>
                <th scope="col">Prior</th>
                {showGold ? <th scope="col">Gold standard</th> : null}
                <th scope="col">Review</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
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
      ) : null}
    </details>
  );
}
