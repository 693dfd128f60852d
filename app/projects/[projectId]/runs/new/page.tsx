import { LaunchForm } from './launch-form';

export default async function NewRunPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { from } = await searchParams;
  // ?from=<runId>: "Edit and relaunch" starts from that run's record.
  return <LaunchForm fromRunId={typeof from === 'string' && from ? from : null} />;
}
