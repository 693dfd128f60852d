import { and, count, desc, eq, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { goldStandardEdges, goldStandards, users } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext } from '../context';
import { listDatasets } from '../datasets/service';
import { notFound } from '../errors';
import { isUuid } from '../ids';
import { requireProjectRole, requireRoleForObject, type ProjectRole } from '../authz/access';
import { edgePageInput } from '../priors/validation';
import { queueSettings, scoreGoldSender } from '../queue';
import { parseInput } from '../validation';
import { parseUpload } from '../uploads/parse-off-thread';
import type { GoldEdge } from './parse';
import { insertGoldStandard } from './store';
import { importGoldStandardInput, type ImportGoldStandardInput } from './validation';

export type GoldStandardRecord = typeof goldStandards.$inferSelect & {
  createdByName: string | null;
  regulatorCount: number;
  targetCount: number;
};

type Reader = Pick<Database, 'select'>;

const distinctCount = (column: 'regulator' | 'target') =>
  sql<number>`(select count(distinct ${sql.raw(column)})::int from ${goldStandardEdges} e where e.gold_standard_id = ${goldStandards.id})`;

const selection = {
  gold: goldStandards,
  createdByName: users.name,
  regulatorCount: distinctCount('regulator'),
  targetCount: distinctCount('target'),
};

function query(db: Reader) {
  return db.select(selection).from(goldStandards).leftJoin(users, eq(users.id, goldStandards.createdBy));
}

const toRecord = (r: { gold: typeof goldStandards.$inferSelect; createdByName: string | null; regulatorCount: number; targetCount: number }) => ({
  ...r.gold,
  createdByName: r.createdByName,
  regulatorCount: Number(r.regulatorCount),
  targetCount: Number(r.targetCount),
});

export async function goldStandardProjectId(db: Reader, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select({ projectId: goldStandards.projectId }).from(goldStandards).where(eq(goldStandards.id, id));
  return row?.projectId ?? null;
}

export async function requireGoldStandardRole(ctx: ServiceContext, id: string, needed: ProjectRole) {
  const projectId = await goldStandardProjectId(ctx.db, id);
  const access = await requireRoleForObject(ctx, 'Gold standard', projectId, needed);
  return { ...access, projectId: projectId! };
}

async function fetchGoldStandard(db: Reader, id: string): Promise<GoldStandardRecord> {
  const [row] = await query(db).where(eq(goldStandards.id, id));
  if (!row) throw notFound('Gold standard');
  return toRecord(row);
}

export async function importGoldStandard(ctx: ServiceContext, input: ImportGoldStandardInput): Promise<GoldStandardRecord> {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'editor');
  const v = parseInput(importGoldStandardInput, input);
  const edges = await parseUpload({ kind: 'gold', format: v.format, text: v.text, genes: v.genes });
  const scoring = await scoreGoldSender(ctx.db, queueSettings());
  const id = await ctx.db.transaction(async (tx) => {
    const goldId = await insertGoldStandard(tx, { projectId: v.projectId, name: v.name, source: v.source, createdBy: viewer.userId, edges });
    await recordAudit(tx, {
      projectId: v.projectId,
      actorId: viewer.userId,
      action: 'gold_standard.import',
      objectType: 'gold_standard',
      objectId: goldId,
      details: { name: v.name, source: v.source, format: v.format, edgeCount: edges.length },
    });
    // The project's finished runs are scored against it on a worker, so a big import returns at once.
    await scoring.enqueue(tx, { goldStandardId: goldId });
    return goldId;
  });
  return fetchGoldStandard(ctx.db, id);
}

export async function listGoldStandards(ctx: ServiceContext, projectId: string): Promise<GoldStandardRecord[]> {
  await requireProjectRole(ctx, projectId, 'viewer');
  const rows = await query(ctx.db).where(eq(goldStandards.projectId, projectId)).orderBy(desc(goldStandards.createdAt), desc(goldStandards.id));
  return rows.map(toRecord);
}

export async function getGoldStandard(ctx: ServiceContext, id: string): Promise<GoldStandardRecord> {
  await requireGoldStandardRole(ctx, id, 'viewer');
  return fetchGoldStandard(ctx.db, id);
}

/** Metrics computed against it are deleted with it (run_metrics cascades). */
export async function deleteGoldStandard(ctx: ServiceContext, id: string): Promise<boolean> {
  const { viewer, projectId } = await requireGoldStandardRole(ctx, id, 'editor');
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(goldStandards).where(eq(goldStandards.id, id)).returning({ name: goldStandards.name });
    if (!deleted) throw notFound('Gold standard');
    await recordAudit(tx, {
      projectId,
      actorId: viewer.userId,
      action: 'gold_standard.delete',
      objectType: 'gold_standard',
      objectId: id,
      details: { name: deleted.name },
    });
  });
  return true;
}

const byteOrder = (column: AnyPgColumn) => sql`${column} collate "C"`;
const edgeColumns = {
  regulator: goldStandardEdges.regulator,
  target: goldStandardEdges.target,
  sign: goldStandardEdges.sign,
  score: goldStandardEdges.score,
};

export async function goldStandardEdgePage(
  db: Reader,
  id: string,
  args: { gene?: string | null; offset?: number | null; limit?: number | null },
): Promise<{ total: number; offset: number; edges: GoldEdge[] }> {
  const page = parseInput(edgePageInput, { gene: args.gene, offset: args.offset ?? undefined, limit: args.limit ?? undefined });
  const where = page.gene
    ? and(eq(goldStandardEdges.goldStandardId, id), or(eq(goldStandardEdges.regulator, page.gene), eq(goldStandardEdges.target, page.gene)))
    : eq(goldStandardEdges.goldStandardId, id);
  const [{ total }] = await db.select({ total: count() }).from(goldStandardEdges).where(where);
  const edges = await db
    .select(edgeColumns)
    .from(goldStandardEdges)
    .where(where)
    .orderBy(byteOrder(goldStandardEdges.regulator), byteOrder(goldStandardEdges.target))
    .offset(page.offset)
    .limit(page.limit);
  return { total, offset: page.offset, edges };
}

/** For workers and metrics (no authorisation: authorise first). */
export async function loadGoldStandardEdges(db: Reader, id: string): Promise<GoldEdge[]> {
  return db
    .select(edgeColumns)
    .from(goldStandardEdges)
    .where(eq(goldStandardEdges.goldStandardId, id))
    .orderBy(byteOrder(goldStandardEdges.regulator), byteOrder(goldStandardEdges.target));
}

export interface GoldDatasetCoverage {
  datasetId: string;
  datasetName: string;
  coveredEdges: number;
  outsideEdges: number;
}

/**
 * How many of its edges each dataset of the project can be scored on (both genes measured) and how many
 * fall outside: a run on that dataset can recover only the covered ones.
 */
export async function goldStandardCoverage(ctx: ServiceContext, id: string): Promise<GoldDatasetCoverage[]> {
  const { projectId } = await requireGoldStandardRole(ctx, id, 'viewer');
  const [datasets, edges] = await Promise.all([listDatasets(ctx, projectId), loadGoldStandardEdges(ctx.db, id)]);
  return datasets.map((d) => {
    const genes = new Set(d.genes);
    const coveredEdges = edges.filter((e) => genes.has(e.regulator) && genes.has(e.target)).length;
    return { datasetId: d.id, datasetName: d.name, coveredEdges, outsideEdges: edges.length - coveredEdges };
  });
}
