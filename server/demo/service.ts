import type { ServiceContext } from '../context';
import { env } from '../env';
import { forbidden } from '../errors';
import { requireViewer } from '../authz/access';
import { getProject, type ProjectRecord } from '../projects/service';
import { findDemoProject, seedDemo } from './seed';

/** Whether the caller may open a demo project now: demos are on (SEED_DEMO) and they have none. */
export async function demoProjectOffered(ctx: ServiceContext, enabled = env.SEED_DEMO): Promise<boolean> {
  const viewer = requireViewer(ctx);
  return enabled && (await findDemoProject(ctx.db, viewer.userId)) === null;
}

/** One seed at a time per account in this process, so a double click does not make two demo projects. */
const seeding = new Map<string, Promise<{ projectId: string }>>();

/** The caller's own copy of the demo project, seeded now if they have none (seconds: runs are precomputed). */
export async function openDemoProject(ctx: ServiceContext, enabled = env.SEED_DEMO): Promise<ProjectRecord> {
  const viewer = requireViewer(ctx);
  if (!enabled) throw forbidden('The demo project is turned off on this server (SEED_DEMO=false).');
  let pending = seeding.get(viewer.userId);
  if (!pending) {
    pending = seedDemo(ctx.db, { owner: viewer, log: ctx.log }).finally(() => seeding.delete(viewer.userId));
    seeding.set(viewer.userId, pending);
  }
  const { projectId } = await pending;
  return getProject(ctx, projectId);
}
