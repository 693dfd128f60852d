'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { gql } from '@/app/lib/graphql-client';
import { graphql } from '@/app/lib/graphql';
import { errorMessage } from '@/app/lib/form-errors';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { levelLabel, levelTsv, type LevelEdge, type RunLevel } from './level-format';

const LEVELS = graphql(
  `query RunLevels($id: ID!) { run(id: $id) { id levels { level firstEpoch lastEpoch bestEpoch sparsity valMse valSe testMse edgeCount kept } } }`,
);
const LEVEL = graphql(`
  query RunLevelNetwork($id: ID!, $level: Int!, $gold: ID, $offset: Int, $limit: Int) {
    runLevelNetwork(runId: $id, level: $level, goldStandardId: $gold, offset: $offset, limit: $limit) {
      total edges { regulator target effect rank }
      scores { precision recall f1 balancedAccuracy auroc aupr }
    }
  }
`);
const PAGE = 25;

/**
 * The network of any pruning level's best model (issue 16 item 4): choose a level along the validation
 * path (the kept model's by default) to see its metrics, its strongest edges, review them, or export it.
 */
export function LevelNetwork({ runId, projectId, goldStandardId }: { runId: string; projectId: string; goldStandardId: string | null }) {
  const levels = useGql(LEVELS, { id: runId });
  const [level, setLevel] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [exportError, setExportError] = useState<string>();
  const list = levels.data?.run.levels ?? [];
  useEffect(() => {
    if (level === null && list.length) setLevel((list.find((l) => l.kept) ?? list[list.length - 1]).level);
  }, [list, level]);
  const view = useGql(LEVEL, level === null ? null : { id: runId, level, gold: goldStandardId, offset: page * PAGE, limit: PAGE });
  if (levels.error) return <ErrorAlert>{levels.error}</ErrorAlert>;
  if (!levels.data) return <Loading what="the pruning levels" />;
  if (!list.length) return <p className="muted small">This run has no stored level networks (runs trained before issue 16 keep only their kept model).</p>;
  const chosen = list.find((l) => l.level === level);

  async function download() {
    if (level === null) return;
    setExportError(undefined);
    try {
      const rows: LevelEdge[] = [];
      for (let offset = 0; ; offset += 5000) {
        const r = await gql(LEVEL, { id: runId, level, offset, limit: 5000 });
        rows.push(...r.runLevelNetwork.edges);
        if (rows.length >= r.runLevelNetwork.total || !r.runLevelNetwork.edges.length) break;
      }
      const url = URL.createObjectURL(new Blob([levelTsv(rows)], { type: 'text/tab-separated-values' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `network-level-${level}.tsv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setExportError(errorMessage(e));
    }
  }

  const s = view.data?.runLevelNetwork.scores;
  const total = view.data?.runLevelNetwork.total ?? 0;
  return (
    <div className="stack">
      <label className="field">
        <span>Pruning level</span>
        <select
          value={level ?? ''}
          onChange={(e) => {
            setLevel(Number(e.target.value));
            setPage(0);
          }}
        >
          {list.map((l) => (
            <option key={l.level} value={l.level}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </label>
      {chosen ? (
        <p className="small">
          Best model of epochs {chosen.firstEpoch}–{chosen.lastEpoch} (epoch {chosen.bestEpoch}): sparsity {(chosen.sparsity * 100).toFixed(1)}%, validation MSE{' '}
          {chosen.valMse.toExponential(2)}
          {chosen.valSe != null ? ` ± ${chosen.valSe.toExponential(1)}` : ''}
          {chosen.testMse != null ? `, test MSE ${chosen.testMse.toExponential(2)}` : ''}; {chosen.edgeCount.toLocaleString('en-US')} edges.
        </p>
      ) : null}
      {s ? (
        <p className="small" data-testid="level-scores">
          Against the chosen gold standard: precision {s.precision.toFixed(3)}, recall {s.recall.toFixed(3)}, F1 {s.f1.toFixed(3)}, balanced accuracy{' '}
          {s.balancedAccuracy.toFixed(3)}, AUROC {s.auroc.toFixed(3)}, AUPR {s.aupr.toFixed(3)}.
        </p>
      ) : (
        <p className="muted small">Choose a gold standard in the metrics card to score this level.</p>
      )}
      <ErrorAlert>{view.error ?? exportError}</ErrorAlert>
      <div className="row">
        <button type="button" className="btn" onClick={() => void download()}>
          Download this level (TSV)
        </button>
        {level !== null ? (
          <Link className="btn" href={`/projects/${projectId}/reviews?run=${runId}&level=${level}`}>
            Review this level’s edges
          </Link>
        ) : null}
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>rank</th>
            <th>edge</th>
            <th>effect</th>
          </tr>
        </thead>
        <tbody>
          {(view.data?.runLevelNetwork.edges ?? []).map((e) => (
            <tr key={`${e.regulator}>${e.target}`}>
              <td>{e.rank}</td>
              <td>
                <Link href={`/projects/${projectId}/reviews?run=${runId}&level=${level}&edge=${encodeURIComponent(`${e.regulator}>${e.target}`)}`}>
                  {e.regulator} → {e.target}
                </Link>
              </td>
              <td>{e.effect.toExponential(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row small">
        <button type="button" className="btn" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span className="muted">{total ? `${page * PAGE + 1}–${Math.min(total, (page + 1) * PAGE)} of ${total.toLocaleString('en-US')}` : ''}</span>
        <button type="button" className="btn" disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </div>
    </div>
  );
}
