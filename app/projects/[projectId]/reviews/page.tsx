import { Suspense } from 'react';
import { Loading } from '@/app/components/alerts';
import { ReviewQueue } from './review-queue';

export default function ReviewsPage() {
  return (
    <Suspense fallback={<Loading what="the review queue" />}>
      <ReviewQueue />
    </Suspense>
  );
}
