'use client';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { ErrorAlert, Loading, OkAlert } from '@/app/components/alerts';
import { gql, GraphQLRequestError } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { BulkBar, bulkVerdict } from './bulk-bar';
import { EdgeReviewPanel, type PanelRequests } from './edge-panel';
import { QueueFilters } from './queue-filters';
import { PAGE_SIZE, queueFilter, useQueueParams, type QueueParams } from './queue-params';
import { QueueTable } from './queue-table';
import {
  edgeKey,
  REPLICATE_LIST_QUEUE,
  REVIEW_QUEUE,
  SET_VERDICT,
  type EdgeRef,
  type RejectionReason,
  type ReviewQueueItem,
  type ReviewQueuePage,
  type VerdictKind,
} from './types';
import { useTriageKeys, type TriageAction } from './use-triage-keys';
import { REVIEW_CHOICES, RUN_LEVELS, type QueueLevel, type RunChoice } from './queries';

export function ReviewQueue() {
  const { projectId, error: projectError } = useProject();
  const choices = useGql(REVIEW_CHOICES, { projectId });
  if (projectError) return null;
  if (choices.error) return <ErrorAlert>{choices.error}</ErrorAlert>;
  if (!choices.data) return <Loading what="the runs" />;
  const { runs, goldStandards } = choices.data;
  if (runs.length === 0) {
    return (
      <p className="muted">
        No finished run to review yet. <Link href={`/projects/${projectId}/runs`}>Launch a run</Link>; its inferred edges come here.
      </p>
    );
  }
  return <Queue runs={runs} goldStandards={goldStandards} />;
}

function Queue({ runs, goldStandards }: { runs: RunChoice[]; goldStandards: { id: string; name: string }[] }) {
  const { projectId, canWrite } = useProject();
  const [params, update] = useQueueParams();
  // Runs come newest first: the newest succeeded run unless the URL names another.
  const runId = runs.some((r) => r.id === params.run) ? params.run! : runs[0].id;
  const common = { projectId, runId, filter: queueFilter(params), order: params.order, offset: params.page * PAGE_SIZE, limit: PAGE_SIZE };
  // The kept model's network, a pruning level's (issue 16 item 4), or a list of the replicate analysis: one queue.
  const runQueue = useGql(REVIEW_QUEUE, params.list ? null : { ...common, level: params.level });
  const listQueue = useGql(REPLICATE_LIST_QUEUE, params.list ? { ...common, list: params.list } : null);
  const levels = useGql(RUN_LEVELS, { id: runId });
  const { error, reload } = params.list ? listQueue : runQueue;
  const page: ReviewQueuePage | undefined = params.list ? listQueue.data?.replicateListQueue : runQueue.data?.reviewQueue;
  const [selected, setSelected] = useState<Map<string, ReviewQueueItem>>(new Map());
  const [requests, setRequests] = useState<PanelRequests>({ reject: 0, comment: 0 });
  const [refresh, setRefresh] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const items = page?.items ?? [];
  // The URL follows the current edge, but a router update lands later than the next key press: keys read this.
  const cursor = useRef<EdgeRef | null>(params.edge);
  // URLs this page wrote itself: when they land they must not move the cursor back.
  const written = useRef(new Set<string>());
  const seenUrl = useRef(urlPosition());
  if (seenUrl.current !== urlPosition()) {
    seenUrl.current = urlPosition();
    if (written.current.has(seenUrl.current)) written.current.delete(seenUrl.current);
    else cursor.current = params.edge;
  }
  function urlPosition() {
    return `${params.page}:${params.edge ? edgeKey(params.edge) : ''}`;
  }
  const [, rerender] = useState(0);
  const indexOf = (edge: EdgeRef | null) => (edge ? items.findIndex((i) => edgeKey(i) === edgeKey(edge)) : 0);
  const current = cursor.current ?? items[0] ?? null;
  const open = (item: EdgeRef) => {
    cursor.current = { regulator: item.regulator, target: item.target };
    written.current.add(`${params.page}:${edgeKey(cursor.current)}`);
    rerender((n) => n + 1);
    update({ edge: cursor.current });
  };
  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;

  function move(step: 1 | -1) {
    const next = items[indexOf(cursor.current) + step];
    if (next) return open(next);
    if (step === 1 && params.page + 1 < pages) update({ page: params.page + 1, edge: null });
    if (step === -1 && params.page > 0) update({ page: params.page - 1, edge: null });
  }

  function toggle(item: ReviewQueueItem) {
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(edgeKey(item))) next.delete(edgeKey(item));
      else next.set(edgeKey(item), item);
      return next;
    });
  }

  async function quickVerdict(verdict: VerdictKind) {
    const at = indexOf(cursor.current);
    const item = items[at];
    if (!item) return;
    setActionError(undefined);
    try {
      await gql(SET_VERDICT, {
        input: { projectId, regulator: item.regulator, target: item.target, expectedVersion: item.version, verdict, runId },
      });
      setNotice(`${item.regulator} → ${item.target}: ${verdict === 'ACCEPTED' ? 'accepted' : 'needs evidence'}.`);
      const next = items[at + 1];
      if (next && indexOf(cursor.current) === at) open(next);
    } catch (e) {
      setActionError(e instanceof GraphQLRequestError && e.code === 'CONFLICT' ? `${e.message} Reloaded.` : errorMessage(e));
    }
    setRefresh((n) => n + 1);
    await reload();
  }

  function onAction(action: TriageAction) {
    const item = items[indexOf(cursor.current)];
    switch (action) {
      case 'next':
        return move(1);
      case 'previous':
        return move(-1);
      case 'select':
        return item && toggle(item);
    }
    if (!canWrite) return;
    if (action === 'accept') void quickVerdict('ACCEPTED');
    if (action === 'evidence') void quickVerdict('NEEDS_EVIDENCE');
    if (action === 'reject') setRequests((r) => ({ ...r, reject: r.reject + 1 }));
    if (action === 'comment') setRequests((r) => ({ ...r, comment: r.comment + 1 }));
    if (action === 'bulkAccept' && selected.size > 0) void applyBulk('ACCEPTED', null);
  }
  useTriageKeys(onAction, Boolean(page));

  const [bulkBusy, setBulkBusy] = useState(false);
  async function applyBulk(verdict: VerdictKind, reason: RejectionReason | null) {
    if (bulkBusy) return;
    setBulkBusy(true);
    setActionError(undefined);
    try {
      setNotice(await bulkVerdict(projectId, runId, [...selected.values()], verdict, reason));
      setSelected(new Map());
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBulkBusy(false);
    }
    setRefresh((n) => n + 1);
    await reload();
  }

  return (
    <div className="stack">
      <QueueFilters
        key={params.gene}
        params={params}
        runs={runs}
        runId={runId}
        goldStandards={goldStandards}
        levels={levels.data?.run.levels ?? []}
        onChange={(p) => {
          setSelected(new Map());
          update(p);
        }}
      />
      <Scope params={params} levels={levels.data?.run.levels ?? []} runId={runId} projectId={projectId} />
      {page ? <Progress reviewed={page.reviewed} total={page.total} runEdges={page.runEdges} scope={scopeName(params)} /> : null}
      <p className="keys" role="note" aria-label="Keyboard shortcuts">
        <kbd>j</kbd>/<kbd>↓</kbd> next · <kbd>k</kbd>/<kbd>↑</kbd> previous
        {canWrite ? (
          <>
            {' '}
            · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> needs evidence · <kbd>c</kbd> comment
          </>
        ) : null}{' '}
        · <kbd>x</kbd> select
        {canWrite ? (
          <>
            {' '}
            · <kbd>shift</kbd>+<kbd>A</kbd> accept the selection
          </>
        ) : null}{' '}
        · <kbd>Esc</kbd> leaves a text box
      </p>
      <OkAlert>{notice}</OkAlert>
      <ErrorAlert>{actionError ?? error}</ErrorAlert>
      {canWrite && selected.size > 0 ? (
        <BulkBar count={selected.size} busy={bulkBusy} onApply={(verdict, reason) => void applyBulk(verdict, reason)} onClear={() => setSelected(new Map())} />
      ) : null}
      {!page && !error ? <Loading what="the review queue" /> : null}
      {page ? (
        <div className="review-layout">
          <div className="stack">
            {items.length === 0 ? (
              <p className="muted">No edges match these filters.</p>
            ) : (
              <QueueTable
                items={items}
                currentKey={current ? edgeKey(current) : null}
                selected={new Set(selected.keys())}
                showGold={Boolean(params.gold)}
                onOpen={open}
                onToggle={toggle}
              />
            )}
            <Pager page={params.page} pages={pages} total={page.total} onPage={(p) => update({ page: p, edge: null })} />
            <p className="small">
              Export the project’s reviewed edges (CSV):{' '}
              <a href={`/api/projects/${projectId}/reviews/export?format=csv`} download>
                all
              </a>{' '}
              ·{' '}
              <a href={`/api/projects/${projectId}/reviews/export?format=csv&status=REJECTED`} download>
                rejected only
              </a>{' '}
              (negative knowledge)
            </p>
          </div>
          {current ? (
            <EdgeReviewPanel key={edgeKey(current)} edge={current} runId={runId} requests={requests} refresh={refresh} onChanged={() => void reload()} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function scopeName(p: QueueParams): string {
  if (p.list === 'UNSUPPORTED') return 'the replicates flag';
  if (p.list === 'CANDIDATES') return 'are candidates outside the prior';
  return p.level !== null ? `are in level ${p.level}’s network` : 'the run inferred';
}

/** What the queue goes through when it is not the kept model: which level (with its metrics), or which replicate list. */
function Scope({ params, levels, runId, projectId }: { params: QueueParams; levels: QueueLevel[]; runId: string; projectId: string }) {
  if (params.list) {
    return (
      <p className="small" data-testid="queue-scope">
        {params.list === 'UNSUPPORTED'
          ? 'Prior edges the run’s replicates do not support (flagged), least supported first; confidence is the share of replicates that pruned the edge.'
          : 'Candidate edges the prior lacks, as the data suggests them: confidence is the share of the target’s change, unexplained by its prior regulators, that this regulator explains; most explained first.'}{' '}
        Effect is the mean across replicates. <Link href={`/projects/${projectId}/runs/${runId}/replicates`}>The replicate analysis</Link>
      </p>
    );
  }
  if (params.level === null) return null;
  const l = levels.find((x) => x.level === params.level);
  return (
    <p className="small" data-testid="queue-scope">
      Edges of pruning level {params.level}
      {l
        ? ` (best model of epochs ${l.firstEpoch}–${l.lastEpoch}: sparsity ${(l.sparsity * 100).toFixed(1)}%, validation MSE ${l.valMse.toExponential(2)}${l.kept ? '; the kept model’s level' : ''})`
        : ''}
      . Verdicts belong to the edge, so they show at every level and in every run.{' '}
      <Link href={`/projects/${projectId}/runs/${runId}`}>The run’s level networks</Link>
    </p>
  );
}

function Progress({ reviewed, total, runEdges, scope }: { reviewed: number; total: number; runEdges: number; scope: string }) {
  const pct = total ? Math.round((100 * reviewed) / total) : 0;
  return (
    <div className="stack">
      <p className="small" role="status">
        <strong>{reviewed}</strong> of <strong>{total}</strong> edges reviewed ({pct}%) · {runEdges.toLocaleString('en-US')} edges {scope}
      </p>
      <div className="progress" role="progressbar" aria-label="Review progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={reviewed}>
        <div style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

function Pager({ page, pages, total, onPage }: { page: number; pages: number; total: number; onPage(p: number): void }) {
  const from = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * PAGE_SIZE);
  return (
    <nav className="row small" aria-label="Queue pages">
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        {from}–{to} of {total} · page {page + 1} of {pages}
      </span>
      <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
