'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../components/alerts';
import { NOTIFICATIONS_CHANGED } from '../components/inbox-link';
import { formatDateTime, formatRelative } from '../lib/format';
import type { EnumOf, ResultOf } from '../lib/graphql';
import { gql } from '../lib/graphql-client';
import { errorMessage } from '../lib/form-errors';
import { useGql } from '../projects/[projectId]/data-ui/use-gql';
import { MARK_NOTIFICATIONS_READ, NOTIFICATIONS } from '../projects/[projectId]/reviews/queries';

type NotificationKind = EnumOf<'NotificationKind'>;
type Notification = ResultOf<typeof NOTIFICATIONS>['notifications']['items'][number];

const PAGE_SIZE = 30;

const WHAT: Record<NotificationKind, string> = {
  MENTION: 'mentioned you on',
  REPLY: 'replied in your thread on',
  VERDICT: 'gave a verdict on',
  DISPUTE: 'made disputed:',
  SETTLED: 'settled',
};

export function describeNotification(n: Pick<Notification, 'kind' | 'actorName'>): string {
  const who = n.actorName ?? 'Someone';
  return n.kind === 'DISPUTE' ? `${who}'s verdict made this edge disputed:` : `${who} ${WHAT[n.kind]}`;
}

export function InboxView() {
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(0);
  const { data, error, reload } = useGql(NOTIFICATIONS, { onlyUnread, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  const [actionError, setActionError] = useState<string>();
  const result = data?.notifications;

  async function markRead(vars: { ids?: string[]; all?: boolean }) {
    try {
      await gql(MARK_NOTIFICATIONS_READ, vars);
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      await reload();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  return (
    <section className="card stack" aria-labelledby="inbox-heading">
      <div className="row">
        <h2 id="inbox-heading" className="card-heading">
          Notifications{result ? ` (${result.unread} unread)` : ''}
        </h2>
        <span className="spacer" />
        <label className="small">
          <input
            type="checkbox"
            checked={onlyUnread}
            onChange={(e) => {
              setOnlyUnread(e.target.checked);
              setPage(0);
            }}
          />{' '}
          Unread only
        </label>
        <button type="button" className="btn btn-small" disabled={!result?.unread} onClick={() => markRead({ all: true })}>
          Mark all read
        </button>
      </div>
      <ErrorAlert>{actionError ?? error}</ErrorAlert>
      {!result && !error ? <Loading what="your notifications" /> : null}
      {result && result.items.length === 0 ? <p className="muted">Nothing here{onlyUnread ? ' unread' : ''}.</p> : null}
      {result && result.items.length > 0 ? (
        <ul className="notification-list" aria-label="Notifications">
          {result.items.map((n) => {
            const href = `/projects/${n.projectId}/reviews?edge=${encodeURIComponent(`${n.regulator}>${n.target}`)}`;
            return (
              <li key={n.id} className={n.read ? undefined : 'unread'}>
                <div className="row row-tight">
                  {n.read ? null : <span className="badge badge-primary">new</span>}
                  {n.kind === 'DISPUTE' ? <span className="badge review-status-disputed">disputed</span> : null}
                  <span>
                    {describeNotification(n)}{' '}
                    <Link href={href} className="mono" onClick={() => !n.read && void markRead({ ids: [n.id] })}>
                      {n.regulator} → {n.target}
                    </Link>{' '}
                    <span className="muted small">in {n.projectName}</span>
                  </span>
                  <span className="spacer" />
                  <time className="muted small" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                    {formatRelative(n.createdAt)}
                  </time>
                  {n.read ? null : (
                    <button type="button" className="btn btn-small" onClick={() => markRead({ ids: [n.id] })}>
                      Mark read
                    </button>
                  )}
                </div>
                {n.excerpt ? <p className="muted small prewrap">“{n.excerpt}”</p> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {result && result.total > PAGE_SIZE ? (
        <nav className="row small" aria-label="Notification pages">
          <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            page {page + 1} of {Math.ceil(result.total / PAGE_SIZE)}
          </span>
          <button type="button" className="btn btn-small" disabled={(page + 1) * PAGE_SIZE >= result.total} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      ) : null}
    </section>
  );
}
