import { PriorView } from './prior-view';

export default async function PriorPage({ params }: { params: Promise<{ priorId: string }> }) {
  const { priorId } = await params;
  return <PriorView priorId={priorId} />;
}
