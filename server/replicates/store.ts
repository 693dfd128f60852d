import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

export interface ReplicateRun {
  id: string;
  name: string;
  seed: number;
}

/**
 * A run's replicates, itself included: finished runs of its project on the same dataset, prior version
 * and strategy whose configuration differs only in the seed (the rule the review queue's confidence uses).
 */
export async function replicateRuns(db: Database, runId: string): Promise<ReplicateRun[]> {
  const result = await db.execute<{ id: string; name: string; seed: number }>(sql`
    select o.id, o.name, o.seed from runs r join runs o
      on o.project_id = r.project_id and o.dataset_id = r.dataset_id
     and o.prior_version_id is not distinct from r.prior_version_id and o.strategy = r.strategy
     and (o.config - 'seed') = (r.config - 'seed') and o.status = 'succeeded'
    where r.id = ${runId}
    order by o.seed, o.created_at`);
  return result.rows.map((r) => ({ id: r.id, name: r.name, seed: Number(r.seed) }));
}

export interface RunBasics {
  projectId: string;
  datasetId: string;
  priorVersionId: string | null;
  status: string;
  genes: string[];
  /** The fraction of the prior the run corrupted before training (0 when none). */
  priorCorruption: number;
  /** σ of the noise training added to the data (0 when none). */
  noiseStd: number;
}

export async function runBasics(db: Database, runId: string): Promise<RunBasics | null> {
  const result = await db.execute<{
    project_id: string;
    dataset_id: string;
    prior_version_id: string | null;
    status: string;
    genes: string[];
    corruption: number | null;
    noise: number | null;
  }>(sql`
    select r.project_id, r.dataset_id, r.prior_version_id, r.status, d.genes, (r.config->>'priorCorruption')::float8 as corruption,
           (r.config->>'noiseStd')::float8 as noise
      from runs r join datasets d on d.id = r.dataset_id where r.id = ${runId}`);
  const r = result.rows[0];
  return r
    ? {
        projectId: r.project_id,
        datasetId: r.dataset_id,
        priorVersionId: r.prior_version_id,
        status: r.status,
        genes: r.genes,
        priorCorruption: Number(r.corruption ?? 0),
        noiseStd: Number(r.noise ?? 0),
      }
    : null;
}

export interface NamedValue {
  regulator: string;
  target: string;
  value: number;
}

/** Each run's nonzero effects, by run id. */
export async function runEffects(db: Database, runIds: readonly string[]): Promise<Map<string, NamedValue[]>> {
  const out = new Map<string, NamedValue[]>(runIds.map((id) => [id, []]));
  if (!runIds.length) return out;
  const result = await db.execute<{ run_id: string; regulator: string; target: string; effect: number }>(sql`
    select run_id, regulator, target, effect from inferred_edges where run_id in (${sql.join(
      runIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  for (const r of result.rows) out.get(r.run_id)!.push({ regulator: r.regulator, target: r.target, value: Number(r.effect) });
  return out;
}

export async function priorVersionEdges(db: Database, versionId: string): Promise<NamedValue[]> {
  const result = await db.execute<{ regulator: string; target: string; sign: number }>(
    sql`select regulator, target, sign from prior_edges where version_id = ${versionId}`,
  );
  return result.rows.map((r) => ({ regulator: r.regulator, target: r.target, value: Number(r.sign) }));
}

export async function goldStandardEdges(db: Database, goldStandardId: string): Promise<NamedValue[]> {
  const result = await db.execute<{ regulator: string; target: string; sign: number }>(
    sql`select regulator, target, sign from gold_standard_edges where gold_standard_id = ${goldStandardId}`,
  );
  return result.rows.map((r) => ({ regulator: r.regulator, target: r.target, value: Number(r.sign) }));
}

/** The highest seed among a run's replicates in any state but failed or cancelled, so new seeds do not repeat one. */
export async function highestReplicateSeed(db: Database, runId: string): Promise<number> {
  const result = await db.execute<{ seed: number }>(sql`
    select max(o.seed) as seed from runs r join runs o
      on o.project_id = r.project_id and o.dataset_id = r.dataset_id
     and o.prior_version_id is not distinct from r.prior_version_id and o.strategy = r.strategy
     and (o.config - 'seed') = (r.config - 'seed') and o.status not in ('failed', 'cancelled')
    where r.id = ${runId}`);
  return Number(result.rows[0]?.seed ?? 0);
}
