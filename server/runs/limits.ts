import { and, count, eq, inArray } from 'drizzle-orm';
import { projects, runs } from '@/db/schema';
import type { Transaction } from '../context';
import { env } from '../env';
import { badInput, conflict, notFound } from '../errors';
import type { RunConfig } from './config';

/**
 * Caps a lab sets so that no one project or launch takes every worker for days (server/env.ts:
 * MAX_QUEUED_RUNS_PER_PROJECT, MAX_SWEEP_RUNS, MAX_HIDDEN_UNITS, MAX_EPOCHS). Checked at launch, with errors
 * that say which cap and how to stay under it.
 */
export interface LabLimits {
  maxUnfinishedRunsPerProject: number;
  maxSweepRuns: number;
  maxHidden: number;
  maxEpochs: number;
}

let current: LabLimits = {
  maxUnfinishedRunsPerProject: env.MAX_QUEUED_RUNS_PER_PROJECT,
  maxSweepRuns: env.MAX_SWEEP_RUNS,
  maxHidden: env.MAX_HIDDEN_UNITS,
  maxEpochs: env.MAX_EPOCHS,
};

export const labLimits = (): LabLimits => current;

/** Tests set small caps to reach them. */
export function configureLabLimits(limits: Partial<LabLimits>): LabLimits {
  const before = current;
  current = { ...current, ...limits };
  return before;
}

export function checkConfigCaps(config: Pick<RunConfig, 'hidden' | 'epochs'>, limits = labLimits()): void {
  if (config.hidden > limits.maxHidden) {
    throw badInput(`This server allows at most ${limits.maxHidden} hidden units per run (MAX_HIDDEN_UNITS); this run asks for ${config.hidden}.`, {
      field: 'hyperparameters.hidden',
    });
  }
  if (config.epochs > limits.maxEpochs) {
    throw badInput(`This server allows at most ${limits.maxEpochs} epochs per run (MAX_EPOCHS); this run asks for ${config.epochs}.`, {
      field: 'hyperparameters.epochs',
    });
  }
}

export function checkSweepSize(runCount: number, limits = labLimits()): void {
  if (runCount > limits.maxSweepRuns) {
    throw badInput(
      `This sweep would launch ${runCount} runs; this server allows at most ${limits.maxSweepRuns} at once (MAX_SWEEP_RUNS). Use fewer λ values or strategies.`,
      {
        field: 'lambda1Values',
      },
    );
  }
}

/**
 * Refuses when `adding` more runs would put the project over its queued-or-running allowance. Locks the
 * project row, so two launches at once cannot both squeeze under the cap.
 */
export async function checkQueueRoom(tx: Transaction, projectId: string, adding: number, limits = labLimits()): Promise<void> {
  const [project] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
  if (!project) throw notFound('Project');
  const [{ unfinished }] = await tx
    .select({ unfinished: count() })
    .from(runs)
    .where(and(eq(runs.projectId, projectId), inArray(runs.status, ['queued', 'running'])));
  if (unfinished + adding > limits.maxUnfinishedRunsPerProject) {
    throw conflict(
      `This project has ${unfinished} runs queued or running and this server allows ${limits.maxUnfinishedRunsPerProject} (MAX_QUEUED_RUNS_PER_PROJECT)` +
        `${adding > 1 ? `; this launch adds ${adding}` : ''}. Wait for some to finish, or cancel some.`,
    );
  }
}
