import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { datasets, inferredEdges, runs } from '@/db/schema';

type Reader = Pick<Database, 'select'>;

export interface RunGenes {
  name: string;
  status: string;
  genes: string[];
}

export async function runGenes(db: Reader, runId: string): Promise<RunGenes | null> {
  const [row] = await db
    .select({ name: runs.name, status: runs.status, genes: datasets.genes })
    .from(runs)
    .innerJoin(datasets, eq(datasets.id, runs.datasetId))
    .where(eq(runs.id, runId));
  return row ?? null;
}

/** The network the run kept (its stored inferred edges). */
export async function keptEdges(db: Reader, runId: string): Promise<{ regulator: string; target: string; effect: number }[]> {
  return db
    .select({ regulator: inferredEdges.regulator, target: inferredEdges.target, effect: inferredEdges.effect })
    .from(inferredEdges)
    .where(eq(inferredEdges.runId, runId));
}
