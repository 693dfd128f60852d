/**
 * Fair use of workers: launch caps a lab sets, at most three tries of a crashing job (then the run fails with
 * its reason), each worker's own lease, "worker lost, retrying" on a silent worker, and a worker that lost its
 * lease while still alive writing nothing more.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Trainer } from '@/server/run-execution/execution';
import { configureQueueSettings, defaultQueueSettings } from '@/server/queue';
import { configureLabLimits, type LabLimits } from '@/server/runs/limits';
import { firstError, forEachBackend } from './harness';
import { runRow, runsProject, scriptedTrainer, testWorker, waitFor, type Execution, type RunsProject, type TestWorker } from './runs-fixtures';

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id status } }`;
const SWEEP = `mutation($input: LaunchSweepInput!) { launchSweep(input: $input) { id } }`;
const DETAIL = `query($id: ID!) { run(id: $id) { status statusDetail attempts } }`;

let limitsBefore: LabLimits;
beforeAll(() => configureQueueSettings({ leaseSeconds: 2, retryDelaySeconds: 0, retryLimit: 2 }));
afterAll(() => configureQueueSettings(defaultQueueSettings));

await forEachBackend('fair use of workers', (h) => {
  let p: RunsProject;
  const workers: TestWorker[] = [];
  const start = async (...args: Parameters<typeof testWorker> extends [unknown, ...infer R] ? R : never) => {
    const w = await testWorker(h, ...args);
    workers.push(w);
    return w;
  };
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    if (limitsBefore) configureLabLimits(limitsBefore);
  });
  const launchInput = (hyperparameters: Record<string, unknown>) => ({
    projectId: p.projectId,
    datasetId: p.datasetId,
    priorVersionId: p.priorVersionId,
    strategy: 'dash',
    hyperparameters,
  });
  const launch = async (epochs: number) => {
    const result = await h.gql(LAUNCH, { input: launchInput({ epochs }) }, p.editor);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.launchRun as { id: string };
  };

  it('refuses launches over the lab’s caps with errors that name the cap, storing nothing', async () => {
    p = await runsProject(h);
    limitsBefore = configureLabLimits({ maxUnfinishedRunsPerProject: 2, maxEpochs: 100, maxHidden: 64, maxSweepRuns: 3 });
    const runsBefore = await h.counts('runs');
    const epochs = firstError(await h.gql(LAUNCH, { input: launchInput({ epochs: 101 }) }, p.editor));
    expect(epochs).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hyperparameters.epochs', message: expect.stringContaining('MAX_EPOCHS') });
    const hidden = firstError(await h.gql(LAUNCH, { input: launchInput({ epochs: 5, hidden: 65 }) }, p.editor));
    expect(hidden).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hyperparameters.hidden', message: expect.stringContaining('at most 64 hidden units') });
    const sweep = firstError(
      await h.gql(
        SWEEP,
        {
          input: {
            projectId: p.projectId,
            datasetId: p.datasetId,
            priorVersionId: p.priorVersionId,
            strategies: ['dash'],
            lambda1Values: [0.1, 0.2],
            lambda2Values: [0.01, 0.02],
            hyperparameters: { epochs: 5 },
          },
        },
        p.editor,
      ),
    );
    expect(sweep).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/4 runs.*at most 3.*MAX_SWEEP_RUNS/) });
    expect(await h.counts('runs')).toEqual(runsBefore);
    await launch(5);
    await launch(5);
    const full = firstError(await h.gql(LAUNCH, { input: launchInput({ epochs: 5 }) }, p.editor));
    expect(full).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/2 runs queued or running.*MAX_QUEUED_RUNS_PER_PROJECT/) });
    await h.query(`update runs set status = 'cancelled' where project_id = $1`, [p.projectId]);
  });

  it('each worker holds the jobs it takes on its own lease, not the lease they were sent with', async () => {
    p ??= await runsProject(h);
    configureQueueSettings({ leaseSeconds: 300 });
    const run = await launch(40);
    configureQueueSettings({ leaseSeconds: 2 });
    const sent = await h.query(`select extract(epoch from expire_in)::int as lease from pgboss.job where data->>'runId' = $1`, [run.id]);
    expect(sent.rows).toEqual([{ lease: 300 }]);
    await start(scriptedTrainer('W', [], { epochMs: 100 }), { leaseSeconds: 7 });
    await waitFor('the run to start', async () => (await runRow(h, run.id)).status === 'running');
    const held = await h.query(`select extract(epoch from expire_in)::int as lease from pgboss.job where data->>'runId' = $1`, [run.id]);
    expect(held.rows).toEqual([{ lease: 7 }]);
    expect(firstError(await h.gql(`mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: run.id }, p.editor))).toBeUndefined();
    await waitFor('the run to stop', async () => (await runRow(h, run.id)).status === 'cancelled');
  });

  it('says "worker lost, retrying" on a running run whose worker went silent', async () => {
    p ??= await runsProject(h);
    const run = await launch(5);
    const fresh = await h.gql(DETAIL, { id: run.id }, p.viewer);
    expect(fresh.data!.run).toEqual({ status: 'queued', statusDetail: null, attempts: 0 });
    await h.query(`update runs set status = 'running', attempts = 1, heartbeat_at = now() - interval '50 seconds' where id = $1`, [run.id]);
    const silent = await h.gql(DETAIL, { id: run.id }, p.viewer);
    expect(silent.data!.run.statusDetail).toMatch(/^Worker lost, retrying: no word from its worker for 5\d s.*attempt 2 of 3/);
    await h.query(`update runs set heartbeat_at = now() - interval '5 seconds' where id = $1`, [run.id]);
    expect((await h.gql(DETAIL, { id: run.id }, p.viewer)).data!.run.statusDetail).toBeNull();
    await h.query(`update runs set status = 'cancelled' where id = $1`, [run.id]);
  });

  it('tries a job whose worker keeps crashing three times, then fails the run with the reason', async () => {
    p ??= await runsProject(h);
    const log: Execution[] = [];
    const run = await launch(200);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const doomed = await start(scriptedTrainer(`crash-${attempt}`, log, { epochMs: 100 }), { workerId: `crash-${attempt}` });
      await waitFor(`attempt ${attempt}`, async () => (await runRow(h, run.id)).attempts === attempt, 30_000);
      await doomed.worker.kill();
    }
    // A healthy worker sees the dead letter, not a fourth try.
    await start(scriptedTrainer('healthy', log, { epochMs: 20 }), { workerId: 'healthy' });
    const failed = await waitFor('the run to fail', async () => ((await runRow(h, run.id)).status === 'failed' ? runRow(h, run.id) : null), 60_000);
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/tried 3 times.*worker stopped responding.*Relaunch/);
    expect(failed.progress.phase).toBe('failed');
    expect(
      log.map((e) => e.worker),
      JSON.stringify(log),
    ).toEqual(['crash-1', 'crash-2', 'crash-3']);
    const job = await h.query(`select state, retry_count from pgboss.job where name = 'train-run' and data->>'runId' = $1`, [run.id]);
    expect(job.rows).toEqual([{ state: 'failed', retry_count: 2 }]);
  }, 120_000);

  it('a worker that lost its lease but is still alive writes nothing more', async () => {
    p ??= await runsProject(h);
    let zombieDone!: () => void;
    const zombieFinished = new Promise<void>((r) => (zombieDone = r));
    // Keeps training and reporting whatever it is told (as a worker whose heartbeats stalled would).
    const zombie: Trainer = async ({ config, callbacks }) => {
      const history = [];
      for (let epoch = 1; epoch <= config.epochs; epoch++) {
        await new Promise((r) => setTimeout(r, 150));
        const report = {
          epoch,
          totalEpochs: config.epochs,
          trainLoss: 999,
          valLoss: 999,
          sparsity: 0,
          learningRate: 1e-3,
          seconds: 0.1,
          pruned: false,
          isBest: true,
        };
        history.push(report);
        await callbacks?.onEpoch?.(report);
        await callbacks?.onCheckpoint?.({ version: 1, epoch, zombie: true } as never);
      }
      zombieDone();
      return {
        model: { zombie: true } as never,
        effects: { n: 4, data: new Float64Array(16).fill(9) },
        summary: { sparsity: 0, valMse: 9, epochsRun: config.epochs, bestEpoch: 1, secondsPerEpoch: 0.1, stoppedEarly: false, cancelled: false },
        history,
      };
    };
    const run = await launch(30);
    // Its renewals never come (heartbeat every 1000 s), so its 2 s lease lapses while it trains on.
    await start(zombie, { workerId: 'zombie', heartbeatSeconds: 1000 });
    await waitFor('the zombie to start', async () => (await runRow(h, run.id)).worker_id === 'zombie');
    const rescued: Execution[] = [];
    const rescuer = await start(scriptedTrainer('rescuer', rescued, { epochMs: 40 }), { workerId: 'rescuer' });
    const done = await waitFor('the rescuer to finish', async () => ((await runRow(h, run.id)).status === 'succeeded' ? runRow(h, run.id) : null), 60_000);
    await zombieFinished;
    await new Promise((r) => setTimeout(r, 500));
    const after = await runRow(h, run.id);
    expect(after).toMatchObject({ status: 'succeeded', attempts: 2, worker_id: rescuer.worker.workerId, has_checkpoint: false });
    expect(after.summary).toEqual(done.summary);
    expect(after.summary.workerId).toBe('rescuer');
    // What the zombie wrote while it held the run stays (the rescuer resumed from there); nothing after.
    const resumedFrom = rescued[0].resumedFrom ?? 0;
    const zombieEpochs = await h.query(`select epoch from run_epochs where run_id = $1 and train_loss = 999 order by epoch`, [run.id]);
    expect(zombieEpochs.rows.every((r) => r.epoch <= resumedFrom)).toBe(true);
    const all = await h.query(`select epoch from run_epochs where run_id = $1 order by epoch`, [run.id]);
    expect(all.rows.map((r) => r.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const edges = await h.query(`select max(abs(effect))::float8 as m from inferred_edges where run_id = $1`, [run.id]);
    expect(edges.rows[0].m).toBeLessThan(9);
  }, 120_000);
});
