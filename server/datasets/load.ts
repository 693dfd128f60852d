import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { ExpressionData } from '@/compute';
import { datasets, datasetTrajectories } from '@/db/schema';
import { notFound } from '../errors';

/**
 * A stored dataset in compute's form, for workers. No authorisation here: callers have authorised
 * (a run was created by an editor of the dataset's project).
 */
export async function loadDatasetExpression(
  db: Database,
  datasetId: string,
): Promise<{ data: ExpressionData; test: ExpressionData | null; isSynthetic: boolean }> {
  const [dataset] = await db.select({ genes: datasets.genes, isSynthetic: datasets.isSynthetic }).from(datasets).where(eq(datasets.id, datasetId));
  if (!dataset) throw notFound('Dataset');
  const rows = await db
    .select({ role: datasetTrajectories.role, times: datasetTrajectories.times, values: datasetTrajectories.values })
    .from(datasetTrajectories)
    .where(eq(datasetTrajectories.datasetId, datasetId))
    .orderBy(asc(datasetTrajectories.index));
  const pick = (role: string) => rows.filter((r) => r.role === role).map(({ times, values }) => ({ times, values }));
  const test = pick('test');
  return {
    data: { genes: dataset.genes, trajectories: pick('train') },
    test: test.length ? { genes: dataset.genes, trajectories: test } : null,
    isSynthetic: dataset.isSynthetic,
  };
}
export { datasetProjectId } from './service';
