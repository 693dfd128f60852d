'use client';
import { forwardRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { formatDateTime, formatRelative } from '@/app/lib/format';
import { gql } from '@/app/lib/graphql-client';
import { useProject } from '../project-context';
import type { EdgeComment, ReviewedEdge } from './types';
import { useEdgeWrite } from './use-edge-write';
import { ADD_COMMENT, DELETE_COMMENT, EDIT_COMMENT, RESOLVE_THREAD } from './queries';

export const MAX_COMMENT = 10000;

interface Props {
  edge: ReviewedEdge;
  myId: string | null;
  runId: string | null;
  /** Emails of the members who can be mentioned. */
  members: string[];
  onChanged(): void;
}

/** Threads on the edge: roots oldest first, replies nested under their parent. */
export const Discussion = forwardRef<HTMLTextAreaElement, Props>(function Discussion({ edge, myId, runId, members, onChanged }, newCommentRef) {
  const { canWrite, canManage } = useProject();
  const children = new Map<string | null, EdgeComment[]>();
  for (const c of edge.comments) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const roots = children.get(null) ?? [];
  const ctx = { edge, myId, runId, members, onChanged, children, canWrite, canManage };

  return (
    <section aria-label="Discussion" className="stack">
      {roots.length === 0 ? <p className="muted small">No comments yet.</p> : null}
      {roots.map((root) => (
        <Thread key={root.id} root={root} ctx={ctx} />
      ))}
      {canWrite ? <CommentForm ref={newCommentRef} ctx={ctx} parentId={null} label="New comment" submitLabel="Comment" /> : null}
    </section>
  );
});

interface Ctx extends Props {
  children: Map<string | null, EdgeComment[]>;
  canWrite: boolean;
  canManage: boolean;
}

function Thread({ root, ctx }: { root: EdgeComment; ctx: Ctx }) {
  const { busy, error, write } = useEdgeWrite(ctx.onChanged);
  const [open, setOpen] = useState(!root.resolved);
  const toggleResolved = ctx.canWrite ? (
    <button type="button" className="btn btn-small" disabled={busy} onClick={() => write(() => gql(RESOLVE_THREAD, { id: root.id, resolved: !root.resolved }))}>
      {root.resolved ? 'Reopen' : 'Resolve thread'}
    </button>
  ) : null;
  return (
    <article className={`thread${root.resolved ? ' resolved' : ''}`} aria-label={`Thread started by ${root.authorName ?? 'a former member'}`}>
      {root.resolved ? (
        <div className="row row-tight small">
          <span className="badge badge-ok">resolved{root.resolvedByName ? ` by ${root.resolvedByName}` : ''}</span>
          <button type="button" className="btn btn-small" onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Show'} thread
          </button>
          {toggleResolved}
        </div>
      ) : null}
      <ErrorAlert>{error}</ErrorAlert>
      {open ? <Comment comment={root} ctx={ctx} threadAction={root.resolved ? null : toggleResolved} /> : null}
    </article>
  );
}

function Comment({ comment, ctx, threadAction = null }: { comment: EdgeComment; ctx: Ctx; threadAction?: ReactNode }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'reply'>('view');
  const { busy, error, write } = useEdgeWrite(ctx.onChanged);
  const mine = comment.authorId !== null && comment.authorId === ctx.myId;
  const replies = ctx.children.get(comment.id) ?? [];
  const remove = () => {
    if (window.confirm('Delete this comment? Its history is kept.')) void write(() => gql(DELETE_COMMENT, { id: comment.id }));
  };
  return (
    <div className="comment">
      <div className="small">
        <strong>{comment.authorName ?? 'A former member'}</strong>{' '}
        <time className="muted" dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
          {formatRelative(comment.createdAt)}
        </time>
        {comment.edited && !comment.deleted ? <span className="muted"> · edited</span> : null}
      </div>
      {comment.deleted ? (
        <p className="comment-body muted">(deleted)</p>
      ) : mode === 'edit' ? (
        <CommentForm ctx={ctx} parentId={comment.parentId} editing={comment} label="Edit comment" submitLabel="Save" onDone={() => setMode('view')} />
      ) : (
        <p className="comment-body">
          <CommentText body={comment.body} />
        </p>
      )}
      {comment.revisions.length > 0 ? (
        <details className="small">
          <summary>Earlier versions ({comment.revisions.length})</summary>
          <ol>
            {comment.revisions.map((r, i) => (
              <li key={i}>
                <span className="muted">{formatDateTime(r.at)}: </span>
                <span className="prewrap">{r.body}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {!comment.deleted && mode === 'view' ? (
        <div className="row row-tight small">
          {ctx.canWrite ? (
            <button type="button" className="btn btn-small" onClick={() => setMode('reply')}>
              Reply
            </button>
          ) : null}
          {mine ? (
            <button type="button" className="btn btn-small" onClick={() => setMode('edit')}>
              Edit
            </button>
          ) : null}
          {mine || ctx.canManage ? (
            <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={remove}>
              Delete
            </button>
          ) : null}
          {threadAction}
        </div>
      ) : null}
      <ErrorAlert>{error}</ErrorAlert>
      {mode === 'reply' ? <CommentForm ctx={ctx} parentId={comment.id} label="Reply" submitLabel="Reply" onDone={() => setMode('view')} /> : null}
      {replies.length > 0 ? (
        <ul className="replies">
          {replies.map((r) => (
            <li key={r.id}>
              <Comment comment={r} ctx={ctx} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Plain text with @mentions highlighted; React escapes every piece. */
export function CommentText({ body }: { body: string }) {
  const parts = body.split(/(@[\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} className="mention">
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </>
  );
}

interface FormProps {
  ctx: Ctx;
  parentId: string | null;
  editing?: EdgeComment;
  label: string;
  submitLabel: string;
  onDone?(): void;
}

const CommentForm = forwardRef<HTMLTextAreaElement, FormProps>(function CommentForm({ ctx, parentId, editing, label, submitLabel, onDone }, ref) {
  const [body, setBody] = useState(editing?.body ?? '');
  const { busy, error, write } = useEdgeWrite(ctx.onChanged);
  const id = `comment-${editing?.id ?? parentId ?? 'new'}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = body.trim();
    if (!text) return;
    const ok = await write(() =>
      editing
        ? gql(EDIT_COMMENT, { id: editing.id, body: text })
        : gql(ADD_COMMENT, {
            input: { projectId: ctx.edge.projectId, regulator: ctx.edge.regulator, target: ctx.edge.target, body: text, parentId, runId: ctx.runId },
          }),
    );
    if (ok) {
      setBody('');
      onDone?.();
    }
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={label}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          ref={ref}
          rows={parentId || editing ? 2 : 3}
          maxLength={MAX_COMMENT}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <span id={`${id}-hint`} className="hint">
          Mention a member with @ and their email (or the part before the @)
          {ctx.members.length
            ? `: ${ctx.members
                .slice(0, 6)
                .map((m) => `@${m}`)
                .join(', ')}${ctx.members.length > 6 ? ', …' : ''}`
            : ''}
          .
        </span>
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="row row-tight">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy || !body.trim()}>
          {submitLabel}
        </button>
        {onDone ? (
          <button type="button" className="btn btn-small" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
});
