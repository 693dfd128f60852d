import { eq, sql } from 'drizzle-orm';
import type { SquareMatrix } from '@/compute';
import { inferredEdges, runEpochs } from '@/db/schema';
import type { Database } from '@/db/client';
import type { Transaction } from '../context';

type Writer = Pick<Database, 'insert' | 'delete'> | Pick<Transaction, 'insert' | 'delete'>;

export interface RankedEdge {
  regulator: string;
  target: string;
  effect: number;
  rank: number;
}

/** Every nonzero entry of the effects matrix (regulator × target), ranked by |effect| (1 = strongest). */
export function rankEffects(effects: SquareMatrix, genes: readonly string[]): RankedEdge[] {
  const { n, data } = effects;
  if (genes.length !== n) throw new RangeError(`${genes.length} gene names for a ${n}×${n} effects matrix`);
  const nonzero: number[] = [];
  for (let k = 0; k < n * n; k++) if (data[k] !== 0) nonzero.push(k);
  // Ties broken by position so the ranking is the same on every machine.
  nonzero.sort((a, b) => Math.abs(data[b]) - Math.abs(data[a]) || a - b);
  return nonzero.map((k, i) => ({ regulator: genes[Math.floor(k / n)], target: genes[k % n], effect: data[k], rank: i + 1 }));
}

export function hasNonFinite(effects: SquareMatrix): boolean {
  for (const v of effects.data) if (!Number.isFinite(v)) return true;
  return false;
}

/** Replaces the run's inferred edges (a resumed attempt may follow a partial save). */
export async function saveInferredEdges(tx: Writer, runId: string, edges: readonly RankedEdge[]): Promise<void> {
  await tx.delete(inferredEdges).where(eq(inferredEdges.runId, runId));
  // 5 parameters a row; PostgreSQL allows 65,535 parameters a statement.
  const batch = 10_000;
  for (let i = 0; i < edges.length; i += batch) {
    await tx.insert(inferredEdges).values(edges.slice(i, i + batch).map((e) => ({ runId, ...e })));
  }
}

export interface EpochRow {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  valSe?: number | null;
  sparsity: number;
  learningRate: number;
  seconds: number;
  pruned?: boolean;
}

/** Upserts training-curve rows: a resumed attempt reports again the epochs after its checkpoint. */
export async function saveEpochs(tx: Pick<Database, 'insert'>, runId: string, rows: readonly EpochRow[]): Promise<void> {
  const batch = 2_000;
  for (let i = 0; i < rows.length; i += batch) {
    await tx
      .insert(runEpochs)
      .values(rows.slice(i, i + batch).map((r) => ({ runId, ...epochColumns(r) })))
      .onConflictDoUpdate({
        target: [runEpochs.runId, runEpochs.epoch],
        set: {
          trainLoss: sql`excluded.train_loss`,
          valLoss: sql`excluded.val_loss`,
          valSe: sql`excluded.val_se`,
          sparsity: sql`excluded.sparsity`,
          learningRate: sql`excluded.learning_rate`,
          seconds: sql`excluded.seconds`,
          pruned: sql`excluded.pruned`,
        },
      });
  }
}

/** Only the stored columns: callers pass compute's EpochReport, which carries more. */
function epochColumns(r: EpochRow): EpochRow {
  return {
    epoch: r.epoch,
    trainLoss: r.trainLoss,
    valLoss: r.valLoss,
    valSe: r.valSe ?? null,
    sparsity: r.sparsity,
    learningRate: r.learningRate,
    seconds: r.seconds,
    pruned: r.pruned ?? false,
  };
}
