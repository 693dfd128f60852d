import { LaunchForm } from './launch-form';

const one = (v: string | string[] | undefined): string | null => (typeof v === 'string' && v ? v : null);

export default async function NewRunPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { from, datasetId, priorVersionId } = await searchParams;
  // ?from=<runId>: "Edit and relaunch" starts from that run's record. ?datasetId=&priorVersionId=: a synthetic benchmark's "Launch a run on it".
  return <LaunchForm fromRunId={one(from)} datasetId={one(datasetId)} priorVersionId={one(priorVersionId)} />;
}
