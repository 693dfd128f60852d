'use client';
import Link from 'next/link';
import { useMemo, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { TextField } from '@/app/components/field';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { ReviewStatusBadge } from '@/app/projects/[projectId]/reviews/review-status';
import type { ResultOf } from '@/app/lib/graphql';
import type { VersionSummary } from '../types';
import { DiffNetwork, DiffTable, key, networkEdges, type Edge, type PriorDiff } from './diff-view';
import { COMMIT_REVIEW_PROPOSAL, PROPOSAL_NETWORK_EDGE_LIMIT, REVIEW_PROPOSAL } from '@/app/projects/[projectId]/reviews/queries';

type ReviewProposalData = ResultOf<typeof REVIEW_PROPOSAL>['reviewProposal'];
type ProposedChange = ReviewProposalData['add'][number];

/** The proposal in the version diff's shape, without the trimmed edges. */
export function proposalDiff(p: ReviewProposalData, excluded: ReadonlySet<string>): PriorDiff {
  const kept = (c: ProposedChange) => !excluded.has(key(c));
  const edge = (c: ProposedChange, sign: number): Edge => ({ regulator: c.regulator, target: c.target, sign, evidence: c.evidence });
  return {
    added: p.add.filter(kept).map((c) => edge(c, c.sign)),
    removed: p.remove.filter(kept).map((c) => edge(c, c.previousSign ?? c.sign)),
    signChanged: p.flip.filter(kept).map((c) => ({
      regulator: c.regulator,
      target: c.target,
      from: edge(c, c.previousSign ?? 0),
      to: edge(c, c.sign),
    })),
    annotationChanged: [],
  };
}

interface Props {
  projectId: string;
  head: VersionSummary;
  onCommitted(version: { id: string; number: number }, baseId: string): void;
}

/** "Propose a version from reviews": accepted edges in, rejected out, judged signs flipped; trimmed, then committed. */
export function ReviewProposal({ projectId, head, onCommitted }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <section className="card stack" aria-labelledby="proposal-heading">
      <div className="row">
        <h3 id="proposal-heading" className="card-heading">
          Propose a version from reviews
        </h3>
        <span className="spacer" />
        <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Close' : 'Propose a version from reviews'}
        </button>
      </div>
      {open ? (
        <ProposalBody key={head.id} projectId={projectId} head={head} onCommitted={onCommitted} />
      ) : (
        <p className="muted small">
          Adds the edges reviewers accepted that v{head.number} lacks, removes the ones they rejected, flips signs they judged wrong.
        </p>
      )}
    </section>
  );
}

function ProposalBody({ projectId, head, onCommitted }: Props) {
  const { data, error } = useGql(REVIEW_PROPOSAL, { id: head.id, edgeLimit: PROPOSAL_NETWORK_EDGE_LIMIT });
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState('Changes from reviews');
  const [busy, setBusy] = useState(false);
  const [commitError, setCommitError] = useState<string>();
  const proposal = data?.reviewProposal;
  const all = useMemo(() => (proposal ? proposalDiff(proposal, new Set()) : null), [proposal]);
  const kept = useMemo(() => (proposal ? proposalDiff(proposal, excluded) : null), [proposal, excluded]);
  const byKey = useMemo(() => new Map(proposal ? [...proposal.add, ...proposal.remove, ...proposal.flip].map((c) => [key(c), c]) : []), [proposal]);

  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!proposal || !all || !kept || !data) return <Loading what="the proposal" />;
  const total = proposal.add.length + proposal.remove.length + proposal.flip.length;
  const keptCount = total - excluded.size;
  const toggle = (e: { regulator: string; target: string }) => {
    const next = new Set(excluded);
    if (next.has(key(e))) next.delete(key(e));
    else next.add(key(e));
    setExcluded(next);
  };

  async function commit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setCommitError(undefined);
    try {
      const exclude = [...excluded].map((k) => {
        const [regulator, target] = k.split('\u0000');
        return { regulator, target };
      });
      const { commitReviewProposal: v } = await gql(COMMIT_REVIEW_PROPOSAL, {
        input: { priorVersionId: head.id, message: message.trim(), exclude },
      });
      onCommitted(v, head.id);
    } catch (err) {
      setCommitError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <p className="row small" aria-live="polite">
        <span className="badge diff-added">{proposal.add.length} to add</span>
        <span className="badge diff-removed">{proposal.remove.length} to remove</span>
        <span className="badge diff-sign">{proposal.flip.length} sign flips</span>
        <span className="muted">
          {proposal.rejectedKept} rejected edge{proposal.rejectedKept === 1 ? '' : 's'} v{head.number} lacks stay out (kept as negative knowledge)
        </span>
      </p>
      {total === 0 ? (
        <p className="muted">
          Reviews propose no change to v{head.number}. <Link href={`/projects/${projectId}/reviews`}>Review edges</Link> first.
        </p>
      ) : (
        <>
          <DiffTable
            diff={all}
            trim={{ excluded, onToggle: toggle }}
            extra={{
              heading: 'Reviews',
              cell: (e) => {
                const c = byKey.get(key(e));
                return c ? (
                  <>
                    <ReviewStatusBadge status={c.status} /> {c.reviewers.join(', ')}
                  </>
                ) : null;
              },
            }}
          />
          <DiffNetwork edges={networkEdges(kept, data.priorVersion.edges.edges, data.priorVersion.edges.total <= PROPOSAL_NETWORK_EDGE_LIMIT)} />
          <form className="form-row" onSubmit={commit} aria-label="Commit the proposal">
            <TextField label="Message" value={message} maxLength={500} onChange={(e) => setMessage(e.target.value)} required />
            <div className="form-row-action">
              <button type="submit" className="btn btn-primary" disabled={busy || keptCount === 0 || !message.trim()}>
                Commit {keptCount} change{keptCount === 1 ? '' : 's'} as v{head.number + 1}
              </button>
            </div>
          </form>
          <ErrorAlert>{commitError}</ErrorAlert>
        </>
      )}
    </div>
  );
}
