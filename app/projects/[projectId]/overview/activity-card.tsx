import { formatDateTime, formatRelative } from '../../../lib/format';
import { describeEvent } from './describe-event';
import type { ActivityEvent } from './types';

export function ActivityCard({ events }: { events: ActivityEvent[] }) {
  return (
    <section className="card stack" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="card-heading">
        Recent activity
      </h2>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened here yet.</p>
      ) : (
        <ol className="activity" aria-labelledby="activity-heading">
          {events.map((e) => (
            <li key={e.id}>
              <span>
                <strong>{e.actorName ?? 'A deleted account'}</strong> {describeEvent(e)}
              </span>
              <time className="muted small" dateTime={e.createdAt} title={formatDateTime(e.createdAt)}>
                {formatRelative(e.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
