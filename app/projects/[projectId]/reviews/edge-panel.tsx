'use client';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { formatDateTime } from '@/app/lib/format';
import { useGql } from '../data-ui/use-gql';
import { useProject } from '../project-context';
import { Discussion } from './discussion';
import { AcrossRuns, SettleControl, VerdictHistory, VerdictList } from './edge-facts';
import { ReviewStatusBadge } from './review-status';
import { REVIEW_EDGE, type EdgeRef, type EdgeReviewStatus, type ReviewedEdge } from './types';
import { VerdictForm } from './verdict-form';

export interface PanelRequests {
  /** Bumped to open the reason picker (the queue's `r`). */
  reject: number;
  /** Bumped to focus the new-comment box (the queue's `c`). */
  comment: number;
}

interface Props {
  edge: EdgeRef;
  /** The run the reviewer is looking at: verdicts record it and its |effect|. */
  runId: string | null;
  requests?: PanelRequests;
  /** Bumped by the caller after it wrote to the edge itself (quick verdicts). */
  refresh?: number;
  onChanged?(): void;
  /** Told the edge's status whenever it loads, so views beside the panel can show it. */
  onStatus?(status: EdgeReviewStatus): void;
  onClose?(): void;
}

/** Everything about one edge: status, my verdict, everyone's verdicts, history, discussion, the edge in every run. */
export function EdgeReviewPanel({ edge, runId, requests = { reject: 0, comment: 0 }, refresh = 0, onChanged, onStatus, onClose }: Props) {
  const { projectId, canWrite, canManage } = useProject();
  const { data, error, reload } = useGql(REVIEW_EDGE, {
    projectId,
    regulator: edge.regulator,
    target: edge.target,
  });
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    if (refresh > 0) void reloadRef.current();
  }, [refresh]);
  useEffect(() => {
    if (requests.comment > 0) commentRef.current?.focus();
  }, [requests.comment]);

  const status = data?.reviewEdge.status;
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;
  useEffect(() => {
    if (status) onStatusRef.current?.(status);
  }, [status]);

  const changed = () => {
    void reload();
    onChanged?.();
  };
  const review = data?.reviewEdge;
  const fresh = review && review.regulator === edge.regulator && review.target === edge.target;
  const queueHref = `/projects/${projectId}/reviews?edge=${encodeURIComponent(`${edge.regulator}>${edge.target}`)}${runId ? `&run=${runId}` : ''}`;

  return (
    <aside className="card review-panel stack" aria-label={`Review of ${edge.regulator} → ${edge.target}`}>
      <div className="row">
        <h2 className="panel-title mono">
          {edge.regulator} → {edge.target}
        </h2>
        {fresh ? <ReviewStatusBadge status={review.status} settled={Boolean(review.settlement)} /> : null}
        <span className="spacer" />
        <Link href={queueHref} className="small">
          Link
        </Link>
        {onClose ? (
          <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close the review panel">
            ×
          </button>
        ) : null}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {!fresh && !error ? <Loading what="the edge's review" /> : null}
      {fresh ? (
        <>
          {review.settlement ? (
            <p className="alert alert-info small">
              Settled as {review.settlement.status.toLowerCase()} by {review.settlement.byName ?? 'a former owner'} ({formatDateTime(review.settlement.at)}):{' '}
              <span className="prewrap">{review.settlement.note}</span>
            </p>
          ) : null}
          {canWrite ? (
            <VerdictForm key={`${review.id}:${review.version}`} edge={review} runId={runId} rejectRequest={requests.reject} onSaved={changed} />
          ) : (
            <p className="muted small">Viewers read reviews; editors and owners give verdicts.</p>
          )}
          {canManage && (review.verdicts.length > 0 || review.settlement) ? (
            <>
              <h3>Settle (owners)</h3>
              <SettleControl key={review.version} edge={review} onChanged={changed} />
            </>
          ) : null}
          <h3>Verdicts</h3>
          <VerdictList edge={review} projectId={projectId} />
          <h3>Discussion</h3>
          <Discussion
            ref={commentRef}
            edge={review}
            myId={data.me?.id ?? null}
            runId={runId}
            members={data.project.members.filter((m) => m.status === 'active').map((m) => m.email)}
            onChanged={changed}
          />
          <h3>This edge in every run</h3>
          <AcrossRuns edge={review} projectId={projectId} strategyLabels={new Map(data.runStrategies.map((s) => [s.strategy, s.label]))} />
          <h3>History</h3>
          <VerdictHistory edge={review} projectId={projectId} />
        </>
      ) : null}
    </aside>
  );
}
