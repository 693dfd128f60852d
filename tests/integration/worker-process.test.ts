/**
 * A real worker process (`scripts/worker.ts`, as `npm run worker` starts it) is killed with SIGKILL in the
 * middle of a real training. Nothing in the process gets to say goodbye: the run must come back through the
 * queue once its lease lapses and finish on another worker, resuming from the dead worker's checkpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { childProcessEnv } from '@/server/env';
import { configureQueueSettings, defaultQueueSettings } from '@/server/queue';
import { forEachBackend } from './harness';
import { runRow, runsProject, testWorker, waitFor, type TestWorker } from './runs-fixtures';

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }`;
const RUN = `query($id: ID!) { run(id: $id) { status attempts progress { resumedFromEpoch } } }`;
// One process, not tsx's CLI (a parent that runs the script in a child): SIGKILL must hit the worker itself.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');
const LEASE_SECONDS = 3;

beforeAll(() => configureQueueSettings({ leaseSeconds: LEASE_SECONDS, retryDelaySeconds: 0, retryLimit: 3 }));
afterAll(() => configureQueueSettings(defaultQueueSettings));

function startWorkerProcess(databaseUrl: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(process.cwd(), 'scripts', 'worker.ts')], {
    env: childProcessEnv({ DATABASE_URL: databaseUrl, RUN_LEASE_SECONDS: String(LEASE_SECONDS), COMPUTE_BACKEND: 'cpu', LOG_LEVEL: 'warn', NODE_ENV: 'test' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

await forEachBackend('a killed worker process', (h) => {
  let rescuer: TestWorker | null = null;
  let process_: ReturnType<typeof startWorkerProcess> | null = null;
  afterEach(async () => {
    process_?.child.kill('SIGKILL');
    await rescuer?.close();
  });

  it('loses nothing: SIGKILL mid-training, the run is retried and resumes from its checkpoint elsewhere', async () => {
    const p = await runsProject(h, 6);
    const epochs = 400;
    const launched = await h.gql(
      LAUNCH,
      {
        input: {
          projectId: p.projectId,
          datasetId: p.datasetId,
          priorVersionId: p.priorVersionId,
          strategy: 'dash',
          hyperparameters: { epochs, patience: epochs },
          seed: 3,
        },
      },
      p.editor,
    );
    expect(launched.errors, JSON.stringify(launched.errors)).toBeUndefined();
    const runId = launched.data!.launchRun.id as string;

    const url = (h.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
    process_ = startWorkerProcess(url);
    const atKill = await waitFor(
      'the worker process to checkpoint epoch 10',
      async () => {
        const row = await runRow(h, runId);
        return row.status === 'running' && (row.checkpoint_epoch ?? 0) >= 10 ? row : null;
      },
      60_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nworker output:\n${process_!.output()}`);
    });
    expect(atKill.status).toBe('running');
    expect(atKill.checkpoint_epoch).toBeLessThan(epochs);
    const deadWorker = atKill.worker_id as string;

    process_.child.kill('SIGKILL');
    expect(await process_.exited).toBeNull(); // killed by the signal, no exit code of its own
    const afterKill = await runRow(h, runId);
    expect(afterKill).toMatchObject({ status: 'running', worker_id: deadWorker, attempts: 1 });

    rescuer = await testWorker(h, undefined as never, { leaseSeconds: LEASE_SECONDS, workerId: 'rescuer' });
    const done = await waitFor(
      'the run to finish on the rescuer',
      async () => {
        const row = await runRow(h, runId);
        return row.status === 'succeeded' || row.status === 'failed' ? row : null;
      },
      120_000,
    );
    expect(done, String(done.error)).toMatchObject({ status: 'succeeded', attempts: 2, worker_id: 'rescuer' });

    const { data } = await h.gql(RUN, { id: runId }, p.viewer);
    const resumedFrom = data!.run.progress.resumedFromEpoch as number;
    expect(resumedFrom).toBeGreaterThanOrEqual(atKill.checkpoint_epoch);
    const stored = await h.query(`select epoch from run_epochs where run_id = $1 order by epoch`, [runId]);
    const storedEpochs = stored.rows.map((r) => r.epoch as number);
    expect(storedEpochs[0]).toBe(1);
    expect(new Set(storedEpochs).size).toBe(storedEpochs.length); // no epoch recorded twice
    expect(storedEpochs).toEqual(storedEpochs.map((_, i) => i + 1)); // and none missing
    // pg-boss records the job's end a moment after the run row says succeeded.
    const job = await waitFor(
      'the job to settle',
      async () => {
        const r = await h.query(`select state, retry_count from pgboss.job where data->>'runId' = $1`, [runId]);
        return r.rows.every((j) => j.state !== 'active') ? r : null;
      },
      10_000,
    );
    expect(job.rows).toEqual([{ state: 'completed', retry_count: 1 }]);
    const edges = await h.query(`select count(*)::int as n from inferred_edges where run_id = $1`, [runId]);
    expect(done.summary).not.toBeNull();
    expect(edges.rows[0].n).toBe(done.summary.inferredEdges); // the result was stored once, in full
  }, 240_000);
});
