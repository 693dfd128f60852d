import { Suspense } from 'react';
import { Loading } from '../../../components/alerts';
import { ReviewQueue } from './review-queue';

export default function ReviewsPage() {
  return (
    <Suspense fallback={<Loading what="the review queue" />}>
      <ReviewQueue />
    </Suspense>
  );
}
