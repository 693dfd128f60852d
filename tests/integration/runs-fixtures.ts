/** Shared set-up for the runs and queue integration tests: a tiny project, workers, a scripted trainer. */
import type pg from 'pg';
import { expect } from 'vitest';
import type { TrainResult } from '@/compute';
import { connectDatabase, type DatabaseHandle } from '@/db/client';
import { uploadDataset } from '@/server/datasets/service';
import { importGoldStandard } from '@/server/gold-standards/service';
import { importPrior } from '@/server/priors/service';
import type { Logger } from '@/server/log';
import type { Trainer } from '@/server/run-execution/execution';
import { startRunWorker, type RunWorker } from '@/server/run-execution/worker';
import { team, type Team } from './data-fixtures';
import type { Harness } from './harness';

/** Four genes, four trajectories of five time points (values from a small linear system). */
export function tinyTidyCsv(trajectories = 4): string {
  const genes = ['G1', 'G2', 'G3', 'G4'];
  const lines = ['gene,trajectory,time,value'];
  for (let t = 0; t < trajectories; t++) {
    let x = genes.map((_, g) => ((t * 7 + g * 3) % 10) / 10);
    for (const time of [0, 1, 2, 3, 4]) {
      genes.forEach((gene, g) => lines.push(`${gene},tr${t},${time},${x[g].toFixed(4)}`));
      x = [x[0], 0.5 * x[0] + 0.4 * x[1], 0.9 * x[2] - 0.3 * x[1] + 0.2, 0.6 * x[3] + 0.3 * x[2]];
    }
  }
  return lines.join('\n') + '\n';
}

export const tinyPrior = 'regulator,target,sign\nG1,G2,1\nG2,G3,-1\nG3,G4,1\n';
export const tinyGold = 'G1,G2\nG2,G3\nG3,G4\nG9,G1\n';

export interface RunsProject extends Team {
  datasetId: string;
  priorVersionId: string;
  goldStandardId: string;
}

export async function runsProject(h: Harness, trajectories = 4): Promise<RunsProject> {
  const t = await team(h, 'Runs');
  const owner = h.context(t.owner);
  const dataset = await uploadDataset(owner, { projectId: t.projectId, name: 'Tiny', format: 'tidy-csv', data: tinyTidyCsv(trajectories) });
  const prior = await importPrior(owner, { projectId: t.projectId, name: 'Tiny prior', format: 'edge_list', text: tinyPrior });
  const gold = await importGoldStandard(owner, { projectId: t.projectId, name: 'Tiny truth', source: 'test', text: tinyGold });
  return { ...t, datasetId: dataset.id, priorVersionId: prior.headVersionId!, goldStandardId: gold.id };
}

export const quietLog: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A separate connection pool per worker, to the harness's database, as separate processes would have. */
export function workerConnection(h: Harness): DatabaseHandle {
  const url = (h.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
  return connectDatabase(url, { max: 4 });
}

export interface TestWorker {
  worker: RunWorker;
  close(): Promise<void>;
}

/** Short leases and fast polling so recovery happens in seconds. */
export async function testWorker(
  h: Harness,
  trainer: Trainer,
  options: { leaseSeconds?: number; heartbeatSeconds?: number; log?: Logger; workerId?: string } = {},
): Promise<TestWorker> {
  const handle = workerConnection(h);
  const worker = await startRunWorker({
    db: handle.db,
    log: options.log ?? quietLog,
    backend: 'cpu',
    concurrency: 1,
    leaseSeconds: options.leaseSeconds ?? 2,
    heartbeatSeconds: options.heartbeatSeconds ?? 0.4,
    maintenanceIntervalSeconds: 1,
    pollingIntervalMs: 100,
    checkpointEvery: 1,
    progressIntervalMs: 50,
    cancelPollMs: 50,
    trainer,
    workerId: options.workerId,
  });
  let closed = false;
  return {
    worker,
    async close() {
      if (closed) return;
      closed = true;
      await worker.stop({ timeoutMs: 10_000 });
      await handle.close();
    },
  };
}

export interface Execution {
  runId?: string;
  worker: string;
  resumedFrom: number | null;
  epochsTrained: number[];
  stopped: boolean;
}

/**
 * A trainer that follows compute's contract (epochs of optimiser steps, callbacks, checkpoints, resume,
 * stop) without the numerics, so queue behaviour can be tested precisely and fast. The effects matrix is
 * the prior's signs at half strength plus one extra edge, so results are known in advance.
 */
export function scriptedTrainer(
  worker: string,
  log: Execution[],
  options: { epochMs?: number; failWith?: Error; onEpoch?: (epoch: number) => void } = {},
): Trainer {
  return async ({ data, prior, config, callbacks, resumeFrom }) => {
    const execution: Execution = { worker, resumedFrom: resumeFrom?.epoch ?? null, epochsTrained: [], stopped: false };
    log.push(execution);
    const n = data.genes.length;
    const history: TrainResult['history'] = [];
    const stepsPerEpoch = 2;
    for (let epoch = (resumeFrom?.epoch ?? 0) + 1; epoch <= config.epochs; epoch++) {
      for (let step = 1; step <= stepsPerEpoch; step++) {
        await new Promise((r) => setTimeout(r, (options.epochMs ?? 40) / stepsPerEpoch));
        callbacks?.onStep?.({ epoch, step, stepsPerEpoch, loss: 1 / epoch });
        if (await callbacks?.shouldStop?.()) {
          execution.stopped = true;
          return result(n, prior, history, true);
        }
      }
      if (options.failWith && epoch === 2) throw options.failWith;
      const report = {
        epoch,
        totalEpochs: config.epochs,
        trainLoss: 1 / epoch,
        valLoss: 1.5 / epoch,
        sparsity: Math.min(0.9, epoch / 10),
        learningRate: 1e-3,
        seconds: 0.01,
        pruned: epoch === 3,
        isBest: true,
      };
      history.push(report);
      execution.epochsTrained.push(epoch);
      await callbacks?.onEpoch?.(report);
      await callbacks?.onCheckpoint?.({ version: 1, epoch });
      options.onEpoch?.(epoch);
    }
    return result(n, prior, history, false);
  };
}

function result(n: number, prior: { n: number; data: Float64Array } | null | undefined, history: TrainResult['history'], cancelled: boolean): TrainResult {
  const data = new Float64Array(n * n);
  if (prior) for (let k = 0; k < n * n; k++) data[k] = prior.data[k] * 0.5;
  data[3 * n + 0] = 0.25; // G4 → G1: not in the prior, not in the gold standard
  return {
    model: { scripted: true } as never,
    effects: { n, data },
    summary: {
      sparsity: 0.8,
      valMse: 0.01,
      epochsRun: history.length,
      bestEpoch: history.length,
      secondsPerEpoch: 0.01,
      stoppedEarly: false,
      cancelled,
    },
    history,
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runRow(h: Harness, runId: string) {
  const { rows } = await h.query(
    `select status, attempts, worker_id, error, cancel_requested, checkpoint is not null as has_checkpoint,
            (checkpoint->>'epoch')::int as checkpoint_epoch, progress, summary, config, seed, dataset_id, prior_version_id, relaunch_of_id
       from runs where id = $1`,
    [runId],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}
