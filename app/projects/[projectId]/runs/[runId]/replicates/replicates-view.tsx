'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { gql } from '@/app/lib/graphql-client';
import { graphql } from '@/app/lib/graphql';
import { errorMessage } from '@/app/lib/form-errors';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { useProject } from '@/app/projects/[projectId]/project-context';
import { GOLD_STANDARDS, type GoldStandardOption } from '@/app/projects/[projectId]/runs/types';
import { consensusTsv, fixed, type Analysis } from './replicates-format';

const PAGE = 25;
const ANALYSIS = graphql(`
  query ReplicateAnalysis($projectId: ID!, $runId: ID!, $gold: ID, $u: Int!, $c: Int!, $k: Int!, $limit: Int!) {
    replicateAnalysis(projectId: $projectId, runId: $runId, goldStandardId: $gold) {
      runId flagAt acceptAt priorEdgeCount flaggedCount acceptedCount
      replicates { id name seed }
      unsupported(offset: $u, limit: $limit) { total offset items { regulator target priorSign confidence signDisagreement meanRank flagged reviewStatus } }
      candidates(offset: $c, limit: $limit) { total offset items { regulator target confidence sign survival meanRank accepted reviewStatus } }
      consensus(offset: $k, limit: $limit) { total offset items { regulator target sign fromPrior } }
      scores {
        priorEdges wrongPriorEdges missingEdges
        prior { edges precision recall f1 } consensus { edges precision recall f1 }
        flagged { count precision recall topPrecision chancePrecision }
        candidates { k topPrecision topTrue accepted acceptedPrecision chancePrecision }
      }
    }
  }
`);
const CONSENSUS_PAGE = graphql(`
  query ReplicateConsensus($projectId: ID!, $runId: ID!, $offset: Int!) {
    replicateAnalysis(projectId: $projectId, runId: $runId) {
      consensus(offset: $offset, limit: 500) { total items { regulator target sign fromPrior } }
    }
  }
`);
const REPLICATE = graphql(`mutation ReplicateRun($runId: ID!, $seeds: Int) { replicateRun(runId: $runId, seeds: $seeds) { id runs { id } } }`);

export function ReplicatesView({ runId }: { runId: string }) {
  const { projectId, canWrite, error: projectError } = useProject();
  const [gold, setGold] = useState('');
  const [pages, setPages] = useState({ u: 0, c: 0, k: 0 });
  const golds = useGql(GOLD_STANDARDS, { projectId });
  const { data, error, reload } = useGql(ANALYSIS, {
    projectId,
    runId,
    gold: gold || null,
    u: pages.u * PAGE,
    c: pages.c * PAGE,
    k: pages.k * PAGE,
    limit: PAGE,
  });
  const [actionError, setActionError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const base = `/projects/${projectId}`;
  if (projectError) return null;

  async function addSeeds() {
    setActionError(undefined);
    try {
      const r = await gql(REPLICATE, { runId, seeds: 4 });
      setNotice(`${r.replicateRun.runs.length} more seeds queued; this page compares them once they finish.`);
      await reload();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  async function download() {
    setActionError(undefined);
    try {
      const rows: Analysis['consensus']['items'] = [];
      for (let offset = 0; ; offset += 500) {
        const r = await gql(CONSENSUS_PAGE, { projectId, runId, offset });
        rows.push(...r.replicateAnalysis.consensus.items);
        if (rows.length >= r.replicateAnalysis.consensus.total || r.replicateAnalysis.consensus.items.length === 0) break;
      }
      const url = URL.createObjectURL(new Blob([consensusTsv(rows)], { type: 'text/tab-separated-values' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'consensus-network.tsv';
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  const a = data?.replicateAnalysis;
  // Each list opens as a review queue of its own (its confidence shown there too); verdicts belong to the edge.
  const queueLink = (list: 'UNSUPPORTED' | 'CANDIDATES') => `${base}/reviews?run=${runId}&list=${list}`;
  const edgeLink = (e: { regulator: string; target: string }, list: 'UNSUPPORTED' | 'CANDIDATES') =>
    `${queueLink(list)}&edge=${encodeURIComponent(`${e.regulator}>${e.target}`)}`;
  const pager = (key: 'u' | 'c' | 'k', total: number) => (
    <div className="row small">
      <button type="button" className="btn" disabled={pages[key] === 0} onClick={() => setPages({ ...pages, [key]: pages[key] - 1 })}>
        Previous
      </button>
      <span className="muted">
        {total ? `${pages[key] * PAGE + 1}–${Math.min(total, (pages[key] + 1) * PAGE)} of ${total.toLocaleString('en-US')}` : 'none'}
      </span>
      <button type="button" className="btn" disabled={(pages[key] + 1) * PAGE >= total} onClick={() => setPages({ ...pages, [key]: pages[key] + 1 })}>
        Next
      </button>
    </div>
  );

  return (
    <div className="stack">
      <div className="breadcrumb small">
        <Link href={`${base}/runs`}>Runs</Link> / <Link href={`${base}/runs/${runId}`}>the run</Link> / replicates
      </div>
      <h2 className="section-title">What the replicates add to the prior</h2>
      <p className="muted small">
        The run’s replicates are the finished runs of its exact configuration with other seeds. A prior edge is flagged as not supported by the data when a
        majority of the replicates (at least 60%) pruned it; its confidence is the share that did. Candidates the prior lacks come from the data: for each
        target, its rate of change is fitted on its prior regulators, and a known regulator that explains much of what that fit leaves unexplained is a
        candidate; its confidence is that share (“explains”), and how many replicates keep the edge stands beside it. The consensus network is the prior without
        its flagged edges, plus the candidates that explain at least half. No rule here uses a gold standard; choose one to see how the lists score against it.
      </p>
      {canWrite ? (
        <div className="row">
          <button type="button" className="btn" onClick={() => void addSeeds()}>
            Train 4 more seeds
          </button>
        </div>
      ) : null}
      <ErrorAlert>{actionError}</ErrorAlert>
      {notice ? <div className="alert alert-info">{notice}</div> : null}
      <label className="field">
        <span>Score against</span>
        <select value={gold} onChange={(e) => setGold(e.target.value)}>
          <option value="">no gold standard</option>
          {(golds.data?.goldStandards ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <ErrorAlert>{error}</ErrorAlert>
      ) : !a ? (
        <Loading what="the replicate analysis" />
      ) : (
        <>
          <section className="card" aria-labelledby="rep-heading">
            <h3 id="rep-heading" className="card-heading">
              {a.replicates.length} replicates
            </h3>
            <p className="small">
              {a.replicates.map((r, i) => (
                <span key={r.id}>
                  {i ? ', ' : ''}
                  <Link href={`${base}/runs/${r.id}`}>seed {r.seed}</Link>
                </span>
              ))}
              . Prior edges: {a.priorEdgeCount}; flagged: {a.flaggedCount}; candidates in the consensus: {a.acceptedCount}.
            </p>
          </section>
          {a.scores ? (
            <section className="card" aria-labelledby="scores-heading">
              <h3 id="scores-heading" className="card-heading">
                Against the gold standard: the prior alone and what the model adds
              </h3>
              <table className="table" data-testid="replicate-scores">
                <thead>
                  <tr>
                    <th>network</th>
                    <th>edges</th>
                    <th>precision</th>
                    <th>recall</th>
                    <th>F1</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td>prior alone</td>
                    <td>{a.scores.prior.edges}</td>
                    <td>{fixed(a.scores.prior.precision)}</td>
                    <td>{fixed(a.scores.prior.recall)}</td>
                    <td>{fixed(a.scores.prior.f1)}</td>
                  </tr>
                  <tr>
                    <td>consensus</td>
                    <td>{a.scores.consensus.edges}</td>
                    <td>{fixed(a.scores.consensus.precision)}</td>
                    <td>{fixed(a.scores.consensus.recall)}</td>
                    <td>{fixed(a.scores.consensus.f1)}</td>
                  </tr>
                </tbody>
              </table>
              <p className="small">
                The prior has {a.scores.wrongPriorEdges} edges the gold standard lacks. Flagged prior edges catch them with precision{' '}
                {fixed(a.scores.flagged.precision)} and recall {fixed(a.scores.flagged.recall)} ({a.scores.flagged.count} flagged; the{' '}
                {a.scores.wrongPriorEdges} least supported: precision {fixed(a.scores.flagged.topPrecision)}; flagging at random:{' '}
                {fixed(a.scores.flagged.chancePrecision)}). The top {a.scores.candidates.k} candidates hold {a.scores.candidates.topTrue} of the{' '}
                {a.scores.missingEdges} gold edges outside the prior (precision {fixed(a.scores.candidates.topPrecision)}; a random pair:{' '}
                {a.scores.candidates.chancePrecision.toExponential(1)}).
              </p>
            </section>
          ) : null}
          <section className="card" aria-labelledby="unsupported-heading">
            <h3 id="unsupported-heading" className="card-heading">
              Prior edges the data does not support
            </h3>
            <p className="small">
              <Link href={queueLink('UNSUPPORTED')} className="btn btn-small">
                Review the {a.flaggedCount} flagged edges
              </Link>{' '}
              in the review queue, least supported first.
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th>edge</th>
                  <th>prior sign</th>
                  <th>confidence</th>
                  <th>opposite sign</th>
                  <th>mean rank</th>
                  <th>review</th>
                </tr>
              </thead>
              <tbody>
                {a.unsupported.items.map((e) => (
                  <tr key={`${e.regulator}>${e.target}`} className={e.flagged ? 'flagged' : undefined}>
                    <td>
                      <Link href={edgeLink(e, 'UNSUPPORTED')}>
                        {e.regulator} → {e.target}
                      </Link>
                      {e.flagged ? <span className="badge"> flagged</span> : null}
                    </td>
                    <td>{e.priorSign > 0 ? '+' : e.priorSign < 0 ? '−' : '?'}</td>
                    <td>{fixed(e.confidence, 2)}</td>
                    <td>{fixed(e.signDisagreement, 2)}</td>
                    <td>{Math.round(e.meanRank).toLocaleString('en-US')}</td>
                    <td>{e.reviewStatus.toLowerCase().replace('_', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pager('u', a.unsupported.total)}
          </section>
          <section className="card" aria-labelledby="candidates-heading">
            <h3 id="candidates-heading" className="card-heading">
              Candidate edges the prior lacks
            </h3>
            <p className="small">
              <Link href={queueLink('CANDIDATES')} className="btn btn-small">
                Review the candidates
              </Link>{' '}
              in the review queue, strongest first.
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th>edge</th>
                  <th>explains</th>
                  <th>sign</th>
                  <th>kept by replicates</th>
                  <th>mean rank</th>
                  <th>review</th>
                </tr>
              </thead>
              <tbody>
                {a.candidates.items.map((e) => (
                  <tr key={`${e.regulator}>${e.target}`}>
                    <td>
                      <Link href={edgeLink(e, 'CANDIDATES')}>
                        {e.regulator} → {e.target}
                      </Link>
                      {e.accepted ? <span className="badge"> in consensus</span> : null}
                    </td>
                    <td>{fixed(e.confidence, 2)}</td>
                    <td>{e.sign < 0 ? 'represses' : 'activates'}</td>
                    <td>{`${Math.round(e.survival * a.replicates.length)} of ${a.replicates.length}`}</td>
                    <td>{Math.round(e.meanRank).toLocaleString('en-US')}</td>
                    <td>{e.reviewStatus.toLowerCase().replace('_', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pager('c', a.candidates.total)}
          </section>
          <section className="card" aria-labelledby="consensus-heading">
            <h3 id="consensus-heading" className="card-heading">
              Consensus network ({a.consensus.total.toLocaleString('en-US')} edges)
            </h3>
            <button type="button" className="btn" onClick={() => void download()}>
              Download consensus (TSV)
            </button>
            <table className="table">
              <thead>
                <tr>
                  <th>edge</th>
                  <th>sign</th>
                  <th>from</th>
                </tr>
              </thead>
              <tbody>
                {a.consensus.items.map((e) => (
                  <tr key={`${e.regulator}>${e.target}`}>
                    <td>
                      {e.regulator} → {e.target}
                    </td>
                    <td>{e.sign > 0 ? '+' : e.sign < 0 ? '−' : '?'}</td>
                    <td>{e.fromPrior ? 'prior' : 'candidate'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pager('k', a.consensus.total)}
          </section>
        </>
      )}
    </div>
  );
}
