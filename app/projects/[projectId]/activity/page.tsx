import { Suspense } from 'react';
import { Loading } from '@/app/components/alerts';
import { ActivityView } from './activity-view';

export default function ActivityPage() {
  return (
    <Suspense fallback={<Loading what="the activity" />}>
      <ActivityView />
    </Suspense>
  );
}
