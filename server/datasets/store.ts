import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { ExpressionData } from '@/compute';
import { datasets, datasetTrajectories } from '@/db/schema';
import type { Transaction } from '../context';
import type { PreparedDataset } from '../uploads/parse-job';
import type { DatasetFormat } from './validation';

/** Writing a dataset and its trajectories; no authorisation or audit here (the callers do both, in the same transaction). */

export interface NewDataset {
  projectId: string;
  name: string;
  description: string;
  sourceFormat: DatasetFormat;
  genes: string[];
  isSynthetic: boolean;
  createdBy: string | null;
  trajectories: PreparedDataset['trajectories'];
}

/** Stores the dataset row and every trajectory inside the caller's transaction; returns its id. */
export async function insertDataset(tx: Transaction, d: NewDataset): Promise<string> {
  const [dataset] = await tx
    .insert(datasets)
    .values({
      projectId: d.projectId,
      name: d.name,
      description: d.description,
      sourceFormat: d.sourceFormat,
      genes: d.genes,
      geneCount: d.genes.length,
      trajectoryCount: d.trajectories.length,
      isSynthetic: d.isSynthetic,
      createdBy: d.createdBy,
    })
    .returning({ id: datasets.id });
  await insertTrajectories(tx, dataset.id, d.trajectories);
  return dataset.id;
}

/** compute's ExpressionData as stored rows (every trajectory a training one). */
export function preparedTrajectories(data: ExpressionData): PreparedDataset['trajectories'] {
  return data.trajectories.map((t, index) => ({
    index,
    role: 'train' as const,
    timesJson: JSON.stringify(t.times),
    valuesJson: JSON.stringify(t.values),
    size: t.times.length * data.genes.length,
  }));
}

/** Rows of jsonb are large; insert in batches that keep each statement to a bounded number of values. */
async function insertTrajectories(tx: Transaction, datasetId: string, trajectories: PreparedDataset['trajectories']): Promise<void> {
  const maxValuesPerStatement = 500_000;
  let batch: PgInsertValue<typeof datasetTrajectories>[] = [];
  let batchValues = 0;
  const flush = async () => {
    if (batch.length) await tx.insert(datasetTrajectories).values(batch);
    batch = [];
    batchValues = 0;
  };
  for (const t of trajectories) {
    if (batch.length && batchValues + t.size > maxValuesPerStatement) await flush();
    // Already JSON (prepared off the request thread): stored as it is, not stringified again here.
    batch.push({ datasetId, index: t.index, role: t.role, times: sql`${t.timesJson}::jsonb`, values: sql`${t.valuesJson}::jsonb` });
    batchValues += t.size;
  }
  await flush();
}
