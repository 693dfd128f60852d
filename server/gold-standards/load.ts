import { edgesToMatrix, type EdgesAsMatrix } from '@/compute';
import type { Database } from '@/db/client';
import { loadGoldStandardEdges } from './service';

export { loadGoldStandardEdges, goldStandardProjectId } from './service';

/** The gold standard as a regulator × target matrix over `genes`; an edge of unknown sign counts as present. */
export async function loadGoldStandardMatrix(db: Database, id: string, genes: readonly string[]): Promise<EdgesAsMatrix> {
  const edges = await loadGoldStandardEdges(db, id);
  return edgesToMatrix(edges, genes);
}
