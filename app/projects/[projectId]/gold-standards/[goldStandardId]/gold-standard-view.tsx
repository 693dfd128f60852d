'use client';
import Link from 'next/link';
import { graphql } from '@/app/lib/graphql';
import { useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { formatRelative } from '@/app/lib/format';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { useProject } from '@/app/projects/[projectId]/project-context';

const PAGE = 100;

const GOLD_STANDARD = graphql(`
  query GoldStandardPage($id: ID!, $offset: Int!, $limit: Int!, $gene: String) {
    goldStandard(id: $id) {
      name source edgeCount regulatorCount targetCount createdAt createdByName
      datasetCoverage { datasetId datasetName coveredEdges outsideEdges }
      edges(offset: $offset, limit: $limit, gene: $gene) { total offset edges { regulator target sign score } }
    }
  }
`);

const signText = (s: number) => (s > 0 ? 'activation' : s < 0 ? 'repression' : 'unsigned');

/** One gold standard: where it comes from, which datasets can be scored on it, and its edges page by page. */
export function GoldStandardView({ goldStandardId }: { goldStandardId: string }) {
  const { projectId } = useProject();
  const [offset, setOffset] = useState(0);
  const [gene, setGene] = useState('');
  const { data, error } = useGql(GOLD_STANDARD, { id: goldStandardId, offset, limit: PAGE, gene: gene || null });
  const base = `/projects/${projectId}`;
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!data) return <Loading what="the gold standard" />;
  const g = data.goldStandard;
  const page = g.edges;
  return (
    <div className="stack">
      <div className="row page-header">
        <h2>{g.name}</h2>
        <span className="spacer" />
        <Link href={`${base}/gold-standards`} className="small">
          All gold standards
        </Link>
      </div>
      <section className="card" aria-labelledby="gs-record-heading">
        <h3 id="gs-record-heading" className="card-heading">
          Record
        </h3>
        <dl className="details">
          <dt>Source</dt>
          <dd className="break">{g.source || 'No source noted'}</dd>
          <dt>Edges</dt>
          <dd>
            {g.edgeCount} ({g.regulatorCount} regulators, {g.targetCount} targets)
          </dd>
          <dt>Imported</dt>
          <dd>
            {formatRelative(g.createdAt)} by {g.createdByName ?? 'a former member'}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="gs-coverage-heading">
        <h3 id="gs-coverage-heading" className="card-heading">
          Coverage of each dataset
        </h3>
        <p className="muted small">A run can only recover reference edges whose two genes its dataset measures; the rest fall outside.</p>
        {g.datasetCoverage.length === 0 ? (
          <p className="muted">The project has no datasets yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Dataset</th>
                  <th scope="col" className="num">
                    Covered edges
                  </th>
                  <th scope="col" className="num">
                    Outside the dataset
                  </th>
                </tr>
              </thead>
              <tbody>
                {g.datasetCoverage.map((c) => (
                  <tr key={c.datasetId}>
                    <td>
                      <Link href={`${base}/datasets/${c.datasetId}`}>{c.datasetName}</Link>
                    </td>
                    <td className="num">
                      {c.coveredEdges} of {g.edgeCount}
                    </td>
                    <td className="num">{c.outsideEdges}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card stack" aria-labelledby="gs-edges-heading">
        <h3 id="gs-edges-heading" className="card-heading">
          Edges
        </h3>
        <input
          type="search"
          aria-label="Filter edges by gene"
          placeholder="Filter by gene"
          value={gene}
          onChange={(e) => {
            setGene(e.target.value.trim());
            setOffset(0);
          }}
        />
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Regulator</th>
                <th scope="col">Target</th>
                <th scope="col">Sign</th>
                <th scope="col" className="num">
                  Score
                </th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map((e) => (
                <tr key={`${e.regulator}>${e.target}`}>
                  <td className="mono">{e.regulator}</td>
                  <td className="mono">{e.target}</td>
                  <td className="small">{signText(e.sign)}</td>
                  <td className="num">{e.score ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="row">
          <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span className="muted small">{page.total === 0 ? 'No edges' : `${page.offset + 1}–${page.offset + page.edges.length} of ${page.total}`}</span>
          <button type="button" className="btn btn-small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      </section>
    </div>
  );
}
