import Link from 'next/link';
import { ActivityList } from './activity-list';
import type { ActivityEvent } from './types';

export function ActivityCard({ events, projectId }: { events: ActivityEvent[]; projectId: string }) {
  return (
    <section className="card stack" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="card-heading">
        Recent activity
      </h2>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened here yet.</p>
      ) : (
        <ActivityList events={events} projectId={projectId} labelledBy="activity-heading" />
      )}
      <Link href={`/projects/${projectId}/activity`} className="small">
        All activity
      </Link>
    </section>
  );
}
