'use client';
import { useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { graphql, type ResultOf } from '@/app/lib/graphql';
import { useGql } from '../data-ui/use-gql';
import { formatEffect, formatJaccard, levelLabel } from './edge-format';

const PAGE = 25;
const LEVELS = graphql(`
  query CompareRunLevels($id: ID!) { run(id: $id) { id levels { level sparsity edgeCount kept } } }
`);
const COMPARE_EDGES = graphql(`
  query CompareEdges($projectId: ID!, $a: NetworkChoiceInput!, $b: NetworkChoiceInput!, $k: Int!, $offset: Int!, $shared: Boolean!, $onlyA: Boolean!, $onlyB: Boolean!) {
    compareEdges(projectId: $projectId, a: $a, b: $b, k: $k) {
      a { runName level edgeCount } b { runName level edgeCount }
      sharedCount sameSignCount oppositeSignCount onlyACount onlyBCount jaccard
      topK { k inA inB intersection union jaccard }
      shared(offset: $offset, limit: 25) @include(if: $shared) { total offset items { regulator target effectA effectB sameSign } }
      onlyA(offset: $offset, limit: 25) @include(if: $onlyA) { total offset items { regulator target effectA } }
      onlyB(offset: $offset, limit: 25) @include(if: $onlyB) { total offset items { regulator target effectB } }
    }
  }
`);
type Comparison = ResultOf<typeof COMPARE_EDGES>['compareEdges'];
type List = 'shared' | 'onlyA' | 'onlyB';

interface RunOption {
  id: string;
  name: string;
}

/** One side's choice: a finished run and which of its networks (the kept one, or a pruning level). */
function NetworkPicker({
  side,
  runs,
  runId,
  level,
  onChange,
}: {
  side: 'A' | 'B';
  runs: RunOption[];
  runId: string;
  level: string;
  onChange: (runId: string, level: string) => void;
}) {
  const levels = useGql(LEVELS, runId ? { id: runId } : null);
  const options = levels.data?.run.id === runId ? levels.data.run.levels : [];
  return (
    <fieldset className="fieldset stack">
      <legend>Network {side}</legend>
      <div className="field">
        <label htmlFor={`edges-run-${side}`}>Run</label>
        <select id={`edges-run-${side}`} value={runId} onChange={(e) => onChange(e.target.value, '')}>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`edges-level-${side}`}>Level</label>
        <select id={`edges-level-${side}`} value={level} onChange={(e) => onChange(runId, e.target.value)}>
          <option value="">kept network</option>
          {options.map((l) => (
            <option key={l.level} value={String(l.level)}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/**
 * Two networks edge by edge (server/comparisons): how many edges they share and whether the signs
 * agree, the edges only one has (one page at a time), and the Jaccard overlap of each one's top k.
 */
export function EdgeComparison({ projectId, runs, initialA, initialB }: { projectId: string; runs: RunOption[]; initialA?: string; initialB?: string }) {
  const pick = (id: string | undefined, fallback: number) => (id && runs.some((r) => r.id === id) ? id : (runs[Math.min(fallback, runs.length - 1)]?.id ?? ''));
  const [a, setA] = useState({ runId: pick(initialA, 0), level: '' });
  const [b, setB] = useState({ runId: pick(initialB, 1), level: '' });
  const [k, setK] = useState(100);
  const [kText, setKText] = useState('100');
  const [list, setList] = useState<List>('shared');
  const [page, setPage] = useState(0);
  const choice = (s: { runId: string; level: string }) => ({ runId: s.runId, level: s.level === '' ? null : Number(s.level) });
  const { data, error } = useGql(
    COMPARE_EDGES,
    a.runId && b.runId
      ? { projectId, a: choice(a), b: choice(b), k, offset: page * PAGE, shared: list === 'shared', onlyA: list === 'onlyA', onlyB: list === 'onlyB' }
      : null,
  );
  const c = data?.compareEdges;
  const reset = () => setPage(0);

  return (
    <section className="card stack" aria-labelledby="edges-heading">
      <h3 id="edges-heading" className="card-heading">
        Edges of two networks
      </h3>
      <p className="muted small">Any two finished runs, or two pruning levels of one run. Edges are matched by regulator and target name.</p>
      <div className="edge-pickers">
        <NetworkPicker
          side="A"
          runs={runs}
          runId={a.runId}
          level={a.level}
          onChange={(runId, level) => {
            setA({ runId, level });
            reset();
          }}
        />
        <NetworkPicker
          side="B"
          runs={runs}
          runId={b.runId}
          level={b.level}
          onChange={(runId, level) => {
            setB({ runId, level });
            reset();
          }}
        />
        <div className="field">
          <label htmlFor="edges-k">Top k (by |effect|)</label>
          <input
            id="edges-k"
            type="number"
            min={1}
            value={kText}
            onChange={(e) => {
              setKText(e.target.value);
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 1) setK(v);
            }}
          />
        </div>
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {!c && !error ? <Loading what="the edge comparison" /> : null}
      {c ? <Summary c={c} /> : null}
      {c ? (
        <>
          <div className="row-tight tabs" role="tablist" aria-label="Edge lists">
            {(
              [
                ['shared', `Shared (${c.sharedCount})`],
                ['onlyA', `Only in A (${c.onlyACount})`],
                ['onlyB', `Only in B (${c.onlyBCount})`],
              ] as const
            ).map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={list === id}
                className={list === id ? 'btn btn-small btn-primary' : 'btn btn-small'}
                onClick={() => {
                  setList(id);
                  reset();
                }}
              >
                {label}
              </button>
            ))}
          </div>
          <EdgeList c={c} list={list} page={page} onPage={setPage} />
        </>
      ) : null}
    </section>
  );
}

function Summary({ c }: { c: Comparison }) {
  const name = (s: Comparison['a']) => `${s.runName} (${s.level === null ? 'kept' : `level ${s.level}`}, ${s.edgeCount} edges)`;
  return (
    <dl className="details edge-summary">
      <dt>A</dt>
      <dd>{name(c.a)}</dd>
      <dt>B</dt>
      <dd>{name(c.b)}</dd>
      <dt>Shared</dt>
      <dd>
        {c.sharedCount} edges: {c.sameSignCount} with the same sign, {c.oppositeSignCount} with opposite signs
      </dd>
      <dt>Only in A / B</dt>
      <dd>
        {c.onlyACount} / {c.onlyBCount}
      </dd>
      <dt>Jaccard, all edges</dt>
      <dd>{formatJaccard(c.jaccard)}</dd>
      <dt>Jaccard, top {c.topK.k}</dt>
      <dd data-testid="topk-jaccard">
        {formatJaccard(c.topK.jaccard)} ({c.topK.intersection} shared of {c.topK.union}; A’s top {c.topK.inA}, B’s top {c.topK.inB})
      </dd>
    </dl>
  );
}

function EdgeList({ c, list, page, onPage }: { c: Comparison; list: List; page: number; onPage: (p: number) => void }) {
  const data = c[list];
  if (!data) return <Loading what="edges" />;
  const pages = Math.max(1, Math.ceil(data.total / PAGE));
  return (
    <div className="stack">
      <div className="table-wrap edge-table">
        <table className="table" aria-label={list === 'shared' ? 'Shared edges' : list === 'onlyA' ? 'Edges only in A' : 'Edges only in B'}>
          <thead>
            <tr>
              <th scope="col">Regulator</th>
              <th scope="col">Target</th>
              {list !== 'onlyB' ? (
                <th scope="col" className="num">
                  Effect in A
                </th>
              ) : null}
              {list !== 'onlyA' ? (
                <th scope="col" className="num">
                  Effect in B
                </th>
              ) : null}
              {list === 'shared' ? <th scope="col">Signs</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.items.map((e) => (
              <tr key={`${e.regulator}\u0000${e.target}`}>
                <td>{e.regulator}</td>
                <td>{e.target}</td>
                {'effectA' in e ? <td className="num">{formatEffect(e.effectA)}</td> : null}
                {'effectB' in e ? <td className="num">{formatEffect(e.effectB)}</td> : null}
                {'sameSign' in e ? <td>{e.sameSign ? 'agree' : <strong className="error-text">differ</strong>}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.total === 0 ? <p className="muted small">No edges.</p> : null}
      {pages > 1 ? (
        <div className="row-tight">
          <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
            Previous
          </button>
          <span className="muted small">
            page {page + 1} of {pages}
          </span>
          <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
            Next
          </button>
        </div>
      ) : null}
    </div>
  );
}
