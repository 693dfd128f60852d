import { eq, inArray } from 'drizzle-orm';
import { datasets, goldStandards, priorNetworks, priorVersions, runs } from '@/db/schema';
import type { ServiceContext } from '../context';
import { DomainError } from '../errors';
import { isUuid } from '../ids';

/** The project-owned things a request may name by id alongside the project it is addressed to. */
export type ProjectObjectKind = 'dataset' | 'priorVersion' | 'goldStandard' | 'run';

const labels: Record<ProjectObjectKind, string> = {
  dataset: 'Dataset',
  priorVersion: 'Prior network version',
  goldStandard: 'Gold standard',
  run: 'Run',
};

const defaultFields: Record<ProjectObjectKind, string> = {
  dataset: 'datasetId',
  priorVersion: 'priorVersionId',
  goldStandard: 'goldStandardId',
  run: 'runId',
};

/** id → project id of those `ids` that exist (ids of any shape; those that are not UUIDs exist nowhere). */
async function projectsOf(db: ServiceContext['db'], kind: ProjectObjectKind, ids: string[]): Promise<Map<string, string>> {
  const wellFormed = [...new Set(ids.filter(isUuid))];
  if (!wellFormed.length) return new Map();
  const rows =
    kind === 'dataset'
      ? await db.select({ id: datasets.id, projectId: datasets.projectId }).from(datasets).where(inArray(datasets.id, wellFormed))
      : kind === 'goldStandard'
        ? await db.select({ id: goldStandards.id, projectId: goldStandards.projectId }).from(goldStandards).where(inArray(goldStandards.id, wellFormed))
        : kind === 'run'
          ? await db.select({ id: runs.id, projectId: runs.projectId }).from(runs).where(inArray(runs.id, wellFormed))
          : await db
              .select({ id: priorVersions.id, projectId: priorNetworks.projectId })
              .from(priorVersions)
              .innerJoin(priorNetworks, eq(priorNetworks.id, priorVersions.priorId))
              .where(inArray(priorVersions.id, wellFormed));
  return new Map(rows.map((r) => [r.id, r.projectId]));
}

/**
 * A dataset, prior version, gold standard or run named next to a project must belong to that project.
 * Call it after authorising the project: a missing object and one of another project answer the same
 * NOT_FOUND on the input's field (default `datasetId`, `priorVersionId`, `goldStandardId`, `runId`),
 * so forged ids reveal nothing.
 */
export async function requireInProject(
  ctx: ServiceContext,
  projectId: string,
  kind: ProjectObjectKind,
  id: string,
  field = defaultFields[kind],
): Promise<void> {
  if ((await projectsOf(ctx.db, kind, [id])).get(id) !== projectId) {
    throw new DomainError('NOT_FOUND', `${labels[kind]} was not found in this project.`, { field });
  }
}

/** As requireInProject, for a list of ids: the first that is not in the project is named in the error. */
export async function requireAllInProject(ctx: ServiceContext, projectId: string, kind: ProjectObjectKind, ids: string[], field: string): Promise<void> {
  const owners = await projectsOf(ctx.db, kind, ids);
  const missing = ids.find((id) => owners.get(id) !== projectId);
  if (missing !== undefined) throw new DomainError('NOT_FOUND', `${labels[kind]} ${missing} was not found in this project.`, { field });
}
