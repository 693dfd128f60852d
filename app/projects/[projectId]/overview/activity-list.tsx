import Link from 'next/link';
import { formatDateTime, formatRelative } from '@/app/lib/format';
import { describeEvent, eventHref } from './describe-event';
import type { ActivityEvent } from './types';

export function ActivityList({ events, projectId, labelledBy }: { events: ActivityEvent[]; projectId: string; labelledBy: string }) {
  return (
    <ol className="activity" aria-labelledby={labelledBy}>
      {events.map((e) => {
        const href = eventHref(e, projectId);
        return (
          <li key={e.id}>
            <span>
              <strong>{e.actorName ?? 'A deleted account'}</strong> {describeEvent(e)}
              {href ? (
                <>
                  {' '}
                  <Link href={href} className="small">
                    open
                  </Link>
                </>
              ) : null}
            </span>
            <time className="muted small" dateTime={e.createdAt} title={formatDateTime(e.createdAt)}>
              {formatRelative(e.createdAt)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
