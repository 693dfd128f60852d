import { CompareView } from './compare-view';

/** `?runs=id,id` preselects runs (a group page links here); `a` and `b` preselect the edge comparison. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const runs = one(params.runs)?.split(',').filter(Boolean);
  return <CompareView initialRuns={runs?.length ? runs.slice(0, 64) : undefined} edgeA={one(params.a)} edgeB={one(params.b)} />;
}
