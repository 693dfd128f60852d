import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { Transaction } from '../context';
import { runLevelNetworks } from '@/db/schema';
import type { LevelEffects, SparseEffects } from '@/compute';
import { packEffects, unpackEffects } from './level-networks-pack';

type Writer = Pick<Database, 'insert' | 'delete'> | Pick<Transaction, 'insert' | 'delete'>;

/** Replaces the run's level networks; levels the recorder never saw (before a resume) are left out. */
export async function saveLevelNetworks(tx: Writer, runId: string, levels: readonly LevelEffects[]): Promise<void> {
  await tx.delete(runLevelNetworks).where(eq(runLevelNetworks.runId, runId));
  for (const l of levels) {
    if (l.effects.n === 0) continue;
    const packed = packEffects(l.effects);
    await tx.insert(runLevelNetworks).values({
      runId,
      level: l.level,
      firstEpoch: l.firstEpoch,
      lastEpoch: l.lastEpoch,
      bestEpoch: l.bestEpoch,
      sparsity: l.sparsity,
      valMse: l.valMse,
      valSe: l.valSe ?? null,
      testMse: l.testMse ?? null,
      edgeCount: l.effects.index.length,
      pairs: packed.pairs,
      effects: packed.effects,
    });
  }
}

export interface LevelRecord {
  level: number;
  firstEpoch: number;
  lastEpoch: number;
  bestEpoch: number;
  sparsity: number;
  valMse: number;
  valSe: number | null;
  testMse: number | null;
  edgeCount: number;
}

const columns = {
  level: runLevelNetworks.level,
  firstEpoch: runLevelNetworks.firstEpoch,
  lastEpoch: runLevelNetworks.lastEpoch,
  bestEpoch: runLevelNetworks.bestEpoch,
  sparsity: runLevelNetworks.sparsity,
  valMse: runLevelNetworks.valMse,
  valSe: runLevelNetworks.valSe,
  testMse: runLevelNetworks.testMse,
  edgeCount: runLevelNetworks.edgeCount,
};

export async function listLevels(db: Database, runId: string): Promise<LevelRecord[]> {
  return db.select(columns).from(runLevelNetworks).where(eq(runLevelNetworks.runId, runId)).orderBy(asc(runLevelNetworks.level));
}

export async function loadLevel(db: Database, runId: string, level: number, n: number): Promise<{ record: LevelRecord; effects: SparseEffects } | null> {
  const [row] = await db
    .select({ ...columns, pairs: runLevelNetworks.pairs, effects: runLevelNetworks.effects })
    .from(runLevelNetworks)
    .where(and(eq(runLevelNetworks.runId, runId), eq(runLevelNetworks.level, level)));
  if (!row) return null;
  const { pairs, effects, ...record } = row;
  return { record, effects: unpackEffects(n, pairs, effects) };
}
