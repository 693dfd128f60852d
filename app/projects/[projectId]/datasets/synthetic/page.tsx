import { SyntheticBenchmarksView } from './benchmarks-view';

export default async function SyntheticBenchmarksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { priorVersionId } = await searchParams;
  // ?priorVersionId=<id>: reached from a prior version, which the form starts from.
  return <SyntheticBenchmarksView priorVersionId={typeof priorVersionId === 'string' && priorVersionId ? priorVersionId : null} />;
}
