/**
 * `npm run bench:workers [-- --workers 1,2,4 --runs 12 --epochs 20]`: scale-out (issue 14, item 7). One
 * embedded PostgreSQL; for each worker count, a sweep of short training runs on a small dataset is
 * queued and that many `npm run worker` processes drain it. Prints runs per minute per worker count.
 * A benchmark, not a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { applyMigrations, connectDatabase, type Database } from '@/db/client';
import { startEmbeddedPostgres } from '@/db/embedded';
import { signUp } from '@/server/accounts/service';
import { uploadDataset } from '@/server/datasets/service';
import { childProcessEnv } from '@/server/env';
import type { Logger } from '@/server/log';
import { importPrior } from '@/server/priors/service';
import { createProject } from '@/server/projects/service';
import { launchSweep } from '@/server/runs/service';
import { freshDatabase, row } from './app';

const { values: flags } = parseArgs({
  options: { workers: { type: 'string', default: '1,2,4' }, runs: { type: 'string', default: '12' }, epochs: { type: 'string', default: '20' } },
  strict: true,
});
const workerCounts = flags.workers.split(',').map(Number);
const runCount = Math.min(64, Number(flags.runs));
const epochs = Number(flags.epochs);
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/** Eight genes, six trajectories of eight points, from a small linear system. */
function dataset(): string {
  const lines = ['gene,trajectory,time,value'];
  for (let t = 0; t < 6; t++) {
    let x = Array.from({ length: 8 }, (_, g) => ((t * 7 + g * 3) % 10) / 10);
    for (let time = 0; time < 8; time++) {
      x.forEach((v, g) => lines.push(`G${g + 1},tr${t},${time},${v.toFixed(4)}`));
      x = x.map((v, g) => 0.7 * v + 0.2 * x[(g + 7) % 8] + 0.05);
    }
  }
  return lines.join('\n') + '\n';
}

async function queueSweep(db: Database): Promise<string> {
  const user = await signUp({ db, log: quiet, viewer: null }, { email: `w${Date.now()}@bench.example`, name: 'Bench', password: 'bench password 1234' });
  const ctx = { db, log: quiet, viewer: { userId: user.id, email: user.email, name: user.name, via: 'session' as const } };
  const project = await createProject(ctx, { name: 'Scale-out' });
  const ds = await uploadDataset(ctx, { projectId: project.id, name: 'Eight genes', format: 'tidy-csv', data: dataset() });
  const prior = await importPrior(ctx, { projectId: project.id, name: 'Chain', format: 'edge_list', text: 'regulator,target,sign\nG1,G2,1\nG2,G3,-1\nG3,G4,1\nG5,G6,1\n' });
  const lambdas = Array.from({ length: runCount }, (_, i) => Number((0.1 + 0.05 * i).toFixed(2)));
  const sweep = await launchSweep(ctx, {
    projectId: project.id, datasetId: ds.id, priorVersionId: prior.headVersionId, name: 'λ sweep', strategies: ['dash'],
    lambda1Values: lambdas, lambda2Values: [0.05], hyperparameters: { epochs, hidden: 8 },
  });
  return sweep.id;
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, ['--import', tsxLoader, 'scripts/worker.ts'], {
    env: childProcessEnv({ DATABASE_URL: url, COMPUTE_BACKEND: 'cpu', WORKER_CONCURRENCY: '1', LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function drain(db: Database, sweepId: string, timeoutMs = 540_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [r] = (await db.execute(sql`select count(*) filter (where status in ('queued','running'))::int as open, count(*) filter (where status = 'failed')::int as failed from runs where sweep_id = ${sweepId}`)).rows as { open: number; failed: number }[];
    if (r.failed > 0) throw new Error(`${r.failed} runs failed`);
    if (r.open === 0) return;
    if (Date.now() > deadline) throw new Error('the sweep did not finish in time');
    await new Promise((res) => setTimeout(res, 250));
  }
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-bench-workers-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), passwordFile: path.join(root, 'pg-password') });
  const lines = [row(['workers', 'runs', 'epochs each', 'wall s', 'runs/min', 'speed-up'])];
  lines.push(row(['---', '---', '---', '---', '---', '---']));
  let base = 0;
  try {
    for (const n of workerCounts) {
      const database = await freshDatabase(server.url);
      const handle = connectDatabase(database.url, { max: 2 });
      const workers: ChildProcess[] = [];
      try {
        await applyMigrations(handle.db);
        const sweepId = await queueSweep(handle.db);
        const t0 = performance.now();
        for (let i = 0; i < n; i++) workers.push(startWorker(database.url));
        await drain(handle.db, sweepId);
        const wall = (performance.now() - t0) / 1000;
        const perMin = (runCount / wall) * 60;
        base ||= perMin;
        lines.push(row([n, runCount, epochs, wall, perMin, `${(perMin / base).toFixed(2)}×`]));
      } finally {
        await Promise.all(workers.map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGTERM')))));
        await handle.close();
        await database.drop();
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log(`\nbench:workers — ${os.cpus().length} CPU cores, one embedded PostgreSQL 18, COMPUTE_BACKEND=cpu (wall time includes each worker's start-up)\n`);
  console.log(lines.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
