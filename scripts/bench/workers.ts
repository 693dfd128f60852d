/**
 * `npm run bench:workers [-- --workers 1,2,4 --runs 12 --epochs 30]`: scale-out of compute workers. For each
 * worker count N: a fresh database on PostgreSQL 15 (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * a sweep of short DASH runs on a tiny dataset and a chain prior queued first, then N worker processes (`scripts/worker.ts`, one
 * training at a time each) started together; runs/minute from the first training start to the last finish
 * (steady state) and from the workers' start (with their start-up). A benchmark, not a test: it takes every core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { applyMigrations, connectDatabase, schema } from '@/db/client';
import { signUp } from '@/server/accounts/service';
import { uploadDataset } from '@/server/datasets/service';
import { childProcessEnv, env } from '@/server/env';
import type { Logger } from '@/server/log';
import { importPrior } from '@/server/priors/service';
import { createProject } from '@/server/projects/service';
import { launchSweep } from '@/server/runs/service';
import { freshDatabase } from './app';

const { values: flags } = parseArgs({
  options: {
    workers: { type: 'string', default: '1,2,4' },
    runs: { type: 'string', default: '12' },
    epochs: { type: 'string', default: '30' },
    backend: { type: 'string', default: 'cpu' },
  },
  strict: true,
});
const workerCounts = flags.workers
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 1 && n <= 16);
const runCount = Math.min(64, Math.max(1, Number(flags.runs)));
const epochs = Math.min(1000, Math.max(2, Number(flags.epochs)));
const serverUrl = env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '..', '..');
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Eight genes, six trajectories of six time points from a small linear system: each run trains in seconds. */
function tinyTidyCsv(): string {
  const genes = 8;
  const lines = ['gene,trajectory,time,value'];
  for (let t = 0; t < 6; t++) {
    let x = Array.from({ length: genes }, (_, g) => ((t * 7 + g * 3) % 10) / 10);
    for (let time = 0; time < 6; time++) {
      x.forEach((v, g) => lines.push(`G${g + 1},tr${t},${time},${v.toFixed(4)}`));
      x = x.map((v, g) => (g === 0 ? v : 0.6 * v + 0.35 * x[g - 1] - (g % 3 === 0 ? 0.1 * x[0] : 0)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** λ₁ × λ₂ grids of exactly `count` runs. */
function lambdaGrid(count: number): { lambda1Values: number[]; lambda2Values: number[] } {
  const l2 = count % 3 === 0 ? 3 : count % 2 === 0 ? 2 : 1;
  const l1 = count / l2;
  return {
    lambda1Values: Array.from({ length: l1 }, (_, i) => Number((0.1 + (0.8 * i) / Math.max(1, l1 - 1)).toFixed(3))),
    lambda2Values: Array.from({ length: l2 }, (_, i) => Number((0.01 + 0.04 * i).toFixed(3))),
  };
}

interface Measure {
  workers: number;
  runs: number;
  failed: number;
  wallSeconds: number;
  steadySeconds: number;
}

async function measure(workers: number): Promise<Measure> {
  const database = await freshDatabase(serverUrl);
  const handle = connectDatabase(database.url, { max: 2 });
  const children: ChildProcess[] = [];
  try {
    await applyMigrations(handle.db);
    const db = handle.db;
    const user = await signUp({ db, log: quiet, viewer: null }, { email: `bench-${Date.now()}@example.org`, name: 'Bench', password: 'bench password 1234' });
    const ctx = { db, log: quiet, viewer: { userId: user.id, email: user.email, name: user.name, via: 'session' as const } };
    const project = await createProject(ctx, { name: 'Worker scale-out' });
    const dataset = await uploadDataset(ctx, { projectId: project.id, name: 'Tiny', format: 'tidy-csv', data: tinyTidyCsv() });
    const chain = Array.from({ length: 7 }, (_, g) => `G${g + 1},G${g + 2},${g % 3 === 2 ? -1 : 1}`).join('\n');
    const prior = await importPrior(ctx, { projectId: project.id, name: 'Chain', format: 'edge_list', text: `regulator,target,sign\n${chain}\n` });
    const sweep = await launchSweep(ctx, {
      projectId: project.id,
      datasetId: dataset.id,
      priorVersionId: prior.headVersionId,
      strategies: ['dash'],
      ...lambdaGrid(runCount),
      hyperparameters: { epochs, hidden: 8, validationFraction: 0.34, pruningFirstEpoch: 5, pruningEvery: 5 },
      seed: 1,
    });
    const started = Date.now();
    for (let i = 0; i < workers; i++) {
      const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/worker.ts'], {
        cwd: root,
        env: childProcessEnv({
          DATABASE_URL: database.url,
          COMPUTE_BACKEND: flags.backend,
          WORKER_CONCURRENCY: '1',
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
        }),
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
    }
    const deadline = started + 30 * 60_000;
    for (;;) {
      const rows = await db
        .select({ status: schema.runs.status, startedAt: schema.runs.startedAt, finishedAt: schema.runs.finishedAt })
        .from(schema.runs)
        .where(eq(schema.runs.sweepId, sweep.id));
      const done = rows.filter((r) => ['succeeded', 'failed', 'cancelled'].includes(r.status));
      if (done.length === rows.length) {
        const firstStart = Math.min(...rows.map((r) => r.startedAt?.getTime() ?? started));
        const lastFinish = Math.max(...rows.map((r) => r.finishedAt?.getTime() ?? Date.now()));
        return {
          workers,
          runs: rows.length,
          failed: rows.filter((r) => r.status !== 'succeeded').length,
          wallSeconds: (Date.now() - started) / 1000,
          steadySeconds: (lastFinish - firstStart) / 1000,
        };
      }
      if (Date.now() > deadline) throw new Error(`${workers} workers: ${done.length} of ${rows.length} runs done after 30 minutes.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await Promise.all(
      children.map((c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : (c.once('exit', () => resolve()), c.kill('SIGTERM'))))),
    );
    await handle.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const results: Measure[] = [];
  for (const n of workerCounts) {
    const m = await measure(n);
    results.push(m);
    console.log(
      `${n} worker(s): ${m.runs} runs in ${m.steadySeconds.toFixed(1)} s of training (${m.wallSeconds.toFixed(1)} s with start-up)${m.failed ? `, ${m.failed} failed` : ''}`,
    );
  }
  const base = results[0];
  const perMinute = (m: Measure) => (60 * m.runs) / m.steadySeconds;
  console.log(
    `\nWorker scale-out: sweep of ${runCount} DASH runs (8 genes, ${epochs} epochs, h = 8, backend ${flags.backend}), one PostgreSQL 15, ` +
      `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} (a shared machine: figures are noisy).`,
  );
  console.log('workers | runs/minute (training) | speed-up | runs/minute (with worker start-up) | failed');
  for (const m of results) {
    console.log(
      `${m.workers} | ${perMinute(m).toFixed(1)} | ${(perMinute(m) / perMinute(base)).toFixed(2)}× | ${((60 * m.runs) / m.wallSeconds).toFixed(1)} | ${m.failed}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
