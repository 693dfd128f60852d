import { count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { writeCytoscapeJson, writeEdgeListCsv, writeGraphML, writeSif, spreadsheetSafe } from '@/compute';
import { priorNetworks, priorVersions, runs } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext, Transaction } from '../context';
import { getDataset, listDatasets } from '../datasets/service';
import { isForeignKeyViolation } from '../db-errors';
import { badInput, conflict, notFound } from '../errors';
import { requireProjectRole, requireRoleForObject, type ProjectRole } from '../authz/access';
import { parseInput } from '../validation';
import { applyEdgeChanges, diffEdges, EdgeChangeError, geneMismatch, isEmptyDiff, type EdgeChange, type EdgeDiff, type PriorEdge } from './edges';
import { parseUpload } from '../uploads/parse-off-thread';
import * as store from './store';
import {
  edgePageInput,
  editPriorInput,
  exportFormat,
  importPriorInput,
  importPriorVersionInput,
  revertPriorInput,
  type EditPriorInput,
  type ImportPriorInput,
  type ImportPriorVersionInput,
  type PriorExportFormat,
} from './validation';

export type { PriorRecord, PriorVersionRecord } from './store';

// ── authorisation by object id ──────────────────────────────────────────────

export async function requirePriorRole(ctx: ServiceContext, priorId: string, needed: ProjectRole) {
  const prior = await store.findPrior(ctx.db, priorId);
  const access = await requireRoleForObject(ctx, 'Prior network', prior?.projectId, needed);
  return { ...access, prior: prior! };
}

export async function requireVersionRole(ctx: ServiceContext, versionId: string, needed: ProjectRole) {
  const version = await store.findVersion(ctx.db, versionId);
  const access = await requireRoleForObject(ctx, 'Prior version', version?.projectId, needed);
  return { ...access, version: version! };
}

/** The project of a prior version, or null when there is none (for other services' authorisation). */
export async function priorVersionProjectId(db: ServiceContext['db'], versionId: string): Promise<string | null> {
  return (await store.findVersion(db, versionId))?.projectId ?? null;
}

// ── reads ───────────────────────────────────────────────────────────────────

export async function listPriors(ctx: ServiceContext, projectId: string) {
  await requireProjectRole(ctx, projectId, 'viewer');
  return store.listProjectPriors(ctx.db, projectId);
}

export async function getPrior(ctx: ServiceContext, id: string) {
  return (await requirePriorRole(ctx, id, 'viewer')).prior;
}

export async function getPriorVersion(ctx: ServiceContext, id: string) {
  return (await requireVersionRole(ctx, id, 'viewer')).version;
}

/** A page of a version the caller has already read (its edge count is the unfiltered total). */
export function versionEdgePage(
  ctx: ServiceContext,
  version: { id: string; edgeCount: number },
  args: { gene?: string | null; offset?: number | null; limit?: number | null },
) {
  const page = parseInput(edgePageInput, { gene: args.gene, offset: args.offset ?? undefined, limit: args.limit ?? undefined });
  return store.pageVersionEdges(ctx.db, version.id, page, page.gene ? undefined : version.edgeCount);
}

export interface PriorDiff extends EdgeDiff {
  from: store.PriorVersionRecord;
  to: store.PriorVersionRecord;
}

/** What changed from one version to another; any two versions the caller can read. */
export async function diffVersions(ctx: ServiceContext, fromVersionId: string, toVersionId: string): Promise<PriorDiff> {
  const { version: from } = await requireVersionRole(ctx, fromVersionId, 'viewer');
  const { version: to } = await requireVersionRole(ctx, toVersionId, 'viewer');
  return { from, to, ...(await store.diffVersionEdges(ctx.db, from.id, to.id)) };
}

const exportWriters: Record<PriorExportFormat, { write: (edges: PriorEdge[], genes: string[]) => string; ext: string; contentType: string }> = {
  // Opened in spreadsheets: user-written names and notes must not become formulas there.
  csv: { write: (e) => writeEdgeListCsv(e.map(spreadsheetSafeEdge)), ext: 'csv', contentType: 'text/csv; charset=utf-8' },
  sif: { write: (e) => writeSif(e.map(spreadsheetSafeEdge)), ext: 'sif', contentType: 'text/plain; charset=utf-8' },
  graphml: { write: (e, g) => writeGraphML(e, g), ext: 'graphml', contentType: 'application/graphml+xml; charset=utf-8' },
  cytoscape_json: { write: (e, g) => writeCytoscapeJson(e, g), ext: 'cyjs', contentType: 'application/json; charset=utf-8' },
};

function spreadsheetSafeEdge(e: PriorEdge): PriorEdge {
  return { ...e, regulator: spreadsheetSafe(e.regulator), target: spreadsheetSafe(e.target), evidence: spreadsheetSafe(e.evidence) };
}

export interface PriorExport {
  filename: string;
  contentType: string;
  content: string;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'prior';

export async function exportVersion(ctx: ServiceContext, versionId: string, format: string): Promise<PriorExport> {
  const { version } = await requireVersionRole(ctx, versionId, 'viewer');
  const chosen = parseInput(exportFormat, format);
  const edges = await store.loadVersionEdges(ctx.db, version.id);
  const genes = await store.versionGenes(ctx.db, version.id);
  const writer = exportWriters[chosen];
  return {
    filename: `${slug(version.priorName)}-v${version.number}.${writer.ext}`,
    contentType: writer.contentType,
    content: writer.write(edges, genes),
  };
}

/** Prior genes the dataset lacks, and how many prior edges are dropped when training on that dataset. */
export async function priorGeneMismatch(ctx: ServiceContext, versionId: string, datasetId: string) {
  const { version } = await requireVersionRole(ctx, versionId, 'viewer');
  const dataset = await getDataset(ctx, datasetId);
  const edges = await store.loadVersionEdges(ctx.db, version.id);
  return geneMismatch(edges, dataset.genes);
}

export interface DatasetOverlap {
  datasetId: string;
  datasetName: string;
  mismatch: ReturnType<typeof geneMismatch>;
}

/**
 * How the version's genes meet each dataset of its project: shown after an import, so a prior in the
 * wrong identifiers (Ensembl ids against symbols) is noticed before a run silently drops its edges.
 */
export async function versionDatasetOverlap(ctx: ServiceContext, versionId: string): Promise<DatasetOverlap[]> {
  const { version } = await requireVersionRole(ctx, versionId, 'viewer');
  const [datasets, edges] = await Promise.all([listDatasets(ctx, version.projectId), store.loadVersionEdges(ctx.db, version.id)]);
  return datasets.map((d) => ({ datasetId: d.id, datasetName: d.name, mismatch: geneMismatch(edges, d.genes) }));
}

const genesToCheck = z
  .array(z.string().trim().min(1, 'Gene names cannot be empty.').max(200, 'Gene names are at most 200 characters.'), { error: 'Name the genes to check.' })
  .max(200, 'Check at most 200 genes at a time.');

/** Of the named genes, those in none of the project's datasets: the editor warns before an edge names one. */
export async function genesInNoDataset(ctx: ServiceContext, versionId: string, genes: string[]): Promise<string[]> {
  const { version } = await requireVersionRole(ctx, versionId, 'viewer');
  const asked = parseInput(genesToCheck, genes);
  const known = new Set((await listDatasets(ctx, version.projectId)).flatMap((d) => d.genes));
  return [...new Set(asked)].filter((g) => !known.has(g));
}

// ── writes ──────────────────────────────────────────────────────────────────

/** The edit was made on an old version: refuse, naming both versions, so nothing is silently lost. */
function staleBase(base: { id: string; number: number }, head: { id: string; number: number }) {
  return conflict(
    `Someone saved version ${head.number} meanwhile; your changes were made on version ${base.number}. ` +
      'Reload the current version and apply your changes again.',
    { baseVersionId: base.id, baseVersionNumber: base.number, headVersionId: head.id, headVersionNumber: head.number },
  );
}

async function auditVersion(
  tx: Transaction,
  actorId: string,
  prior: { id: string; projectId: string; name: string },
  version: { id: string; number: number; edgeCount: number },
  details: Record<string, unknown>,
) {
  await recordAudit(tx, {
    projectId: prior.projectId,
    actorId,
    action: 'prior.version_create',
    objectType: 'prior_version',
    objectId: version.id,
    details: { priorId: prior.id, prior: prior.name, number: version.number, edgeCount: version.edgeCount, ...details },
  });
}

const diffCounts = (d: EdgeDiff) => ({
  added: d.added.length,
  removed: d.removed.length,
  signChanged: d.signChanged.length,
  annotationChanged: d.annotationChanged.length,
});

/** A new prior network whose version 1 is the imported file. */
export async function importPrior(ctx: ServiceContext, input: ImportPriorInput) {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'editor');
  const v = parseInput(importPriorInput, input);
  const edges = await parseUpload({ kind: 'prior', format: v.format, text: v.text, genes: v.genes });
  const id = await ctx.db.transaction(async (tx) => {
    const [prior] = await tx
      .insert(priorNetworks)
      .values({ projectId: v.projectId, name: v.name, description: v.description, createdBy: viewer.userId })
      .returning();
    const version = await store.insertVersion(tx, { priorId: prior.id, parent: null, kind: 'import', message: v.message, authorId: viewer.userId, edges });
    await recordAudit(tx, {
      projectId: prior.projectId,
      actorId: viewer.userId,
      action: 'prior.import',
      objectType: 'prior_network',
      objectId: prior.id,
      details: { name: prior.name, format: v.format, versionId: version.id, edgeCount: version.edgeCount },
    });
    return prior.id;
  });
  return (await store.findPrior(ctx.db, id))!;
}

/** A file imported as the next version of an existing prior (kind import, parent = head). */
export async function importPriorVersion(ctx: ServiceContext, input: ImportPriorVersionInput) {
  const { viewer, prior } = await requirePriorRole(ctx, input.priorId, 'editor');
  const v = parseInput(importPriorVersionInput, input);
  const edges = await parseUpload({ kind: 'prior', format: v.format, text: v.text, genes: v.genes });
  const id = await ctx.db.transaction(async (tx) => {
    const { head } = await store.lockPrior(tx, prior.id);
    if (v.baseVersionId && head && v.baseVersionId !== head.id) {
      const base = await store.findVersion(tx, v.baseVersionId);
      if (!base || base.priorId !== prior.id) throw badInput('The base version is not a version of this prior network.', { field: 'baseVersionId' });
      throw staleBase(base, head);
    }
    const version = await store.insertVersion(tx, { priorId: prior.id, parent: head, kind: 'import', message: v.message, authorId: viewer.userId, edges });
    await auditVersion(tx, viewer.userId, prior, version, { kind: 'import', format: v.format, message: v.message });
    return version.id;
  });
  return store.requireVersion(ctx.db, id);
}

/**
 * One batch of edge changes made on `baseVersionId` becomes one new version. The prior row is locked
 * while the head is compared with the base and the version written, so of two editors saving on the
 * same base, the second gets CONFLICT instead of overwriting the first.
 */
export interface EditPriorRequest {
  baseVersionId: string;
  message: string;
  changes: { op: string; regulator: string; target: string; sign?: number; weight?: number; evidence?: string }[];
}

export async function editPrior(ctx: ServiceContext, input: EditPriorRequest | EditPriorInput) {
  const { viewer, version: base } = await requireVersionRole(ctx, input.baseVersionId, 'editor');
  const v = parseInput(editPriorInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    const { version } = await commitEdgeChanges(tx, { base, actorId: viewer.userId, kind: 'edit', message: v.message, changes: v.changes });
    return version.id;
  });
  return store.requireVersion(ctx.db, id);
}

/**
 * Applies a batch of edge changes to `base` as the prior's next version, inside the caller's transaction:
 * the prior is locked, `base` must still be the head (else CONFLICT), and the version is audited.
 * Edits and review proposals both come through here.
 */
export async function commitEdgeChanges(
  tx: Transaction,
  req: {
    base: store.PriorVersionRecord;
    actorId: string;
    kind: 'edit' | 'review';
    message: string;
    changes: EdgeChange[];
    auditDetails?: Record<string, unknown>;
  },
) {
  const { prior, head } = await store.lockPrior(tx, req.base.priorId);
  if (!head) throw notFound('Prior network');
  if (head.id !== req.base.id) throw staleBase(req.base, head);
  const baseEdges = await store.loadVersionEdges(tx, req.base.id);
  let edges: PriorEdge[];
  try {
    edges = applyEdgeChanges(baseEdges, req.changes);
  } catch (e) {
    if (e instanceof EdgeChangeError) throw badInput(e.message, { field: `changes.${e.index}`, index: e.index });
    throw e;
  }
  const diff = diffEdges(baseEdges, edges);
  if (isEmptyDiff(diff)) throw badInput('These changes leave the network as it was; nothing to save.', { field: 'changes' });
  const version = await store.insertVersion(tx, { priorId: prior.id, parent: head, kind: req.kind, message: req.message, authorId: req.actorId, edges });
  await auditVersion(tx, req.actorId, prior, version, { kind: req.kind, message: req.message, ...diffCounts(diff), ...req.auditDetails });
  return { prior, version, diff };
}

/** A new head version whose edges equal an older version's (kind revert, parent = the head it replaces). */
export async function revertPrior(ctx: ServiceContext, input: { versionId: string; baseVersionId?: string | null; message?: string | null }) {
  const { viewer, version: target } = await requireVersionRole(ctx, input.versionId, 'editor');
  const v = parseInput(revertPriorInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    const { prior, head } = await store.lockPrior(tx, target.priorId);
    if (!head) throw notFound('Prior network');
    if (v.baseVersionId && v.baseVersionId !== head.id) {
      const base = await store.findVersion(tx, v.baseVersionId);
      if (!base || base.priorId !== prior.id) throw badInput('The base version is not a version of this prior network.', { field: 'baseVersionId' });
      throw staleBase(base, head);
    }
    if (head.id === target.id) throw badInput(`Version ${target.number} is already the current version.`, { field: 'versionId' });
    const message = v.message ?? `Revert to version ${target.number}`;
    const version = await store.insertVersion(tx, {
      priorId: prior.id,
      parent: head,
      kind: 'revert',
      message,
      authorId: viewer.userId,
      edges: { copyOf: target.id, edgeCount: target.edgeCount },
    });
    await auditVersion(tx, viewer.userId, prior, version, { kind: 'revert', message, revertedTo: target.number, revertedToId: target.id });
    return version.id;
  });
  return store.requireVersion(ctx.db, id);
}

/** Deletes a prior and all its versions; refused while runs use any of its versions. */
export async function deletePrior(ctx: ServiceContext, id: string): Promise<boolean> {
  const { viewer, prior } = await requirePriorRole(ctx, id, 'editor');
  const inUse = () => conflict('Runs use versions of this prior network; delete those runs first.', { field: 'id' });
  try {
    await ctx.db.transaction(async (tx) => {
      await store.lockPrior(tx, prior.id);
      const versionIds = tx.select({ id: priorVersions.id }).from(priorVersions).where(eq(priorVersions.priorId, prior.id));
      const [used] = await tx.select({ n: count() }).from(runs).where(inArray(runs.priorVersionId, versionIds));
      if (used.n > 0) throw inUse();
      await tx.delete(priorNetworks).where(eq(priorNetworks.id, prior.id));
      await recordAudit(tx, {
        projectId: prior.projectId,
        actorId: viewer.userId,
        action: 'prior.delete',
        objectType: 'prior_network',
        objectId: prior.id,
        details: { name: prior.name },
      });
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw inUse();
    throw e;
  }
  return true;
}
