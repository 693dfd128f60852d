import { ReplicatesView } from './replicates-view';

export default async function ReplicatesPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return <ReplicatesView runId={runId} />;
}
