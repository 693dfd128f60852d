import { edgesToMatrix, type EdgesAsMatrix, type NamedEdge } from '@/compute';
import type { Database } from '@/db/client';
import { loadVersionEdges } from './store';

/** For workers: no authorisation here; the run that names the version was authorised when created. */
export async function loadPriorVersionEdges(db: Database, versionId: string): Promise<NamedEdge[]> {
  return loadVersionEdges(db, versionId);
}

/** The version as a signed regulator × target matrix over `genes` (a dataset's genes), with what did not fit. */
export async function loadPriorMatrix(db: Database, versionId: string, genes: readonly string[]): Promise<EdgesAsMatrix> {
  return edgesToMatrix(await loadVersionEdges(db, versionId), genes);
}
export { priorVersionProjectId } from './service';
