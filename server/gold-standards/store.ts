import { bulkInsert, type BulkColumn } from '@/db/bulk-insert';
import { goldStandards } from '@/db/schema';
import type { Transaction } from '../context';
import type { GoldEdge } from './parse';

/** Writing a gold standard and its edges; no authorisation or audit here (the callers do both, in the same transaction). */

export interface NewGoldStandard {
  projectId: string;
  name: string;
  source: string;
  createdBy: string | null;
  edges: GoldEdge[];
}

const goldEdgeColumns = (goldStandardId: string): BulkColumn<GoldEdge>[] => [
  { name: 'gold_standard_id', type: 'uuid[]', value: () => goldStandardId },
  { name: 'regulator', type: 'text[]', value: (e) => e.regulator },
  { name: 'target', type: 'text[]', value: (e) => e.target },
  { name: 'sign', type: 'smallint[]', value: (e) => e.sign ?? 0 },
  { name: 'score', type: 'double precision[]', value: (e) => e.score ?? null },
];

/** Stores the gold standard and its edges inside the caller's transaction; returns its id. */
export async function insertGoldStandard(tx: Transaction, g: NewGoldStandard): Promise<string> {
  const [gold] = await tx
    .insert(goldStandards)
    .values({ projectId: g.projectId, name: g.name, source: g.source, edgeCount: g.edges.length, createdBy: g.createdBy })
    .returning({ id: goldStandards.id });
  await bulkInsert(tx, 'gold_standard_edges', goldEdgeColumns(gold.id), g.edges);
  return gold.id;
}
