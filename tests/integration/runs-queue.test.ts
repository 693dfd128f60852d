/**
 * The job queue and its workers, on the embedded PostgreSQL and PostgreSQL 15: several workers never run a run twice, a killed
 * worker's run is recovered and resumes from its checkpoint, cancel, failures, graceful shutdown.
 * Training is scripted (see scriptedTrainer) so the tests control timing; runs-results.test.ts trains for real.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { configureQueueSettings, defaultQueueSettings } from '@/server/queue';
import type { CapturedLog } from './harness';
import { forEachBackend, firstError } from './harness';
import { runRow, runsProject, scriptedTrainer, testWorker, waitFor, type Execution, type RunsProject, type TestWorker } from './runs-fixtures';

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id status progress { phase } } }`;
const CANCEL = `mutation($id: ID!) { cancelRun(id: $id) { id status cancelRequested } }`;
const RELAUNCH = `mutation($id: ID!) { relaunchRun(id: $id) { id status seed config datasetId priorVersionId relaunchOfId } }`;
const RUN = `query($id: ID!) { run(id: $id) { id status error attempts workerId progress { phase epoch totalEpochs fraction resumedFromEpoch }
  epochs { epoch trainLoss pruned } summary { inferredEdges } } }`;

beforeAll(() => configureQueueSettings({ leaseSeconds: 2, retryDelaySeconds: 0, retryLimit: 5 }));
afterAll(() => configureQueueSettings(defaultQueueSettings));

await forEachBackend('run queue', (h) => {
  let p: RunsProject;
  const workers: TestWorker[] = [];
  const start = async (...args: Parameters<typeof testWorker> extends [unknown, ...infer R] ? R : never) => {
    const w = await testWorker(h, ...args);
    workers.push(w);
    return w;
  };
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  const launch = async (epochs: number, extra: Record<string, unknown> = {}) => {
    const result = await h.gql(
      LAUNCH,
      { input: { projectId: p.projectId, datasetId: p.datasetId, priorVersionId: p.priorVersionId, strategy: 'dash', hyperparameters: { epochs }, ...extra } },
      p.editor,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.launchRun as { id: string; status: string };
  };
  /** The run's job once pg-boss has recorded its end (a moment after the run row). */
  const settledJob = (runId: string) =>
    waitFor(
      `the job of run ${runId} to settle`,
      async () => {
        const r = await h.query(`select state, retry_count from pgboss.job where data->>'runId' = $1`, [runId]);
        return r.rows.length > 0 && r.rows.every((j) => j.state !== 'active') ? r : null;
      },
      10_000,
    );
  const finished = (runId: string, status = 'succeeded', timeoutMs = 30_000) =>
    waitFor(`run ${runId} to be ${status}`, async () => ((await runRow(h, runId)).status === status ? runRow(h, runId) : null), timeoutMs);

  it('two workers take six runs between them and no run executes twice', async () => {
    p = await runsProject(h);
    const log: Execution[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await launch(4)).id);
    const a = await start(scriptedTrainer('A', log, { epochMs: 60 }), { workerId: 'worker-A' });
    const b = await start(scriptedTrainer('B', log, { epochMs: 60 }), { workerId: 'worker-B' });
    for (const id of ids) await finished(id);

    const rows = await Promise.all(ids.map((id) => runRow(h, id)));
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(log).toHaveLength(6); // one training per run, never a second one
    expect(log.every((e) => e.resumedFrom === null && e.epochsTrained.join() === '1,2,3,4')).toBe(true);
    const byWorker = rows.map((r) => r.worker_id);
    expect(new Set(byWorker)).toEqual(new Set([a.worker.workerId, b.worker.workerId]));
    // pg-boss marks a job completed after the handler returns, a moment after the run row says succeeded.
    const jobs = await waitFor(
      'the six jobs to complete',
      async () => {
        const r = await h.query(`select state, retry_count from pgboss.job where name = 'train-run' and data->>'runId' = any($1)`, [ids]);
        return r.rows.every((j) => j.state !== 'active') ? r : null;
      },
      10_000,
    );
    expect(jobs.rows).toHaveLength(6);
    expect(jobs.rows.every((j) => j.state === 'completed' && j.retry_count === 0)).toBe(true);

    const { data } = await h.gql(RUN, { id: ids[0] }, p.viewer);
    expect(data!.run).toMatchObject({ status: 'succeeded', attempts: 1, error: null, progress: { phase: 'done', epoch: 4, totalEpochs: 4, fraction: 1 } });
    expect(data!.run.epochs.map((e: { epoch: number }) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(data!.run.epochs.map((e: { pruned: boolean }) => e.pruned)).toEqual([false, false, true, false]);
    expect(data!.run.summary.inferredEdges).toBe(4); // the prior's three edges + G4 → G1
  });

  it('recovers a killed worker’s run on another worker, resuming from its checkpoint', async () => {
    const log: Execution[] = [];
    const run = await launch(10);
    // Slow enough that the kill lands seconds before the run could finish, even on a loaded 2-core machine
    // (at 150 ms an epoch the margin was about 1 s).
    const doomed = await start(scriptedTrainer('doomed', log, { epochMs: 500 }), { workerId: 'doomed' });
    await waitFor('a checkpoint at epoch 3', async () => ((await runRow(h, run.id)).checkpoint_epoch ?? 0) >= 3);
    await doomed.worker.kill(); // no heartbeat, no completion: as if the process died
    const atKill = await runRow(h, run.id);
    expect(atKill).toMatchObject({ status: 'running', worker_id: 'doomed', attempts: 1 });

    const rescuer = await start(scriptedTrainer('rescuer', log, { epochMs: 40 }), { workerId: 'rescuer' });
    const done = await finished(run.id);
    expect(done).toMatchObject({ attempts: 2, worker_id: rescuer.worker.workerId, has_checkpoint: false });
    const resumed = log.find((e) => e.worker === 'rescuer')!;
    expect(resumed.resumedFrom).toBeGreaterThanOrEqual(atKill.checkpoint_epoch);
    expect(resumed.epochsTrained[0]).toBe(resumed.resumedFrom! + 1);
    expect(resumed.epochsTrained.at(-1)).toBe(10);
    expect(log.filter((e) => e.worker === 'doomed')).toHaveLength(1);
    const epochs = await h.query(`select epoch from run_epochs where run_id = $1 order by epoch`, [run.id]);
    expect(epochs.rows.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const job = await settledJob(run.id);
    expect(job.rows).toEqual([{ state: 'completed', retry_count: 1 }]);
    const { data } = await h.gql(RUN, { id: run.id }, p.viewer);
    expect(data!.run.progress.resumedFromEpoch).toBe(resumed.resumedFrom);
  });

  it('cancels a queued run at once and a running one at its next step', async () => {
    const log: Execution[] = [];
    const queued = await launch(3);
    const cancelled = await h.gql(CANCEL, { id: queued.id }, p.editor);
    expect(cancelled.data!.cancelRun).toMatchObject({ status: 'cancelled', cancelRequested: true });
    // The activity page says which run was cancelled: the audit names it.
    const audit = await h.query(`select details from audit_events where action = 'run.cancel' and object_id = $1`, [queued.id]);
    const {
      rows: [{ name }],
    } = await h.query(`select name from runs where id = $1`, [queued.id]);
    expect(name).toBeTruthy();
    expect(audit.rows).toEqual([{ details: { name, statusAfter: 'cancelled' } }]);

    const running = await launch(50);
    await start(scriptedTrainer('W', log, { epochMs: 80 }));
    await waitFor('the run to train', async () => ((await runRow(h, running.id)).progress?.epoch ?? 0) >= 2);
    const asked = await h.gql(CANCEL, { id: running.id }, p.editor);
    expect(asked.data!.cancelRun).toMatchObject({ status: 'running', cancelRequested: true });
    const row = await finished(running.id, 'cancelled');
    expect(row.progress.phase).toBe('cancelled');
    expect(log.map((e) => e.stopped)).toEqual([true]); // the queued one never reached a worker's trainer
    expect(log[0].epochsTrained.length).toBeLessThan(50);

    const again = await h.gql(CANCEL, { id: running.id }, p.editor);
    expect(firstError(again)).toMatchObject({ code: 'CONFLICT' });
  });

  it('records a failure with a human reason and keeps internals in the log', async () => {
    const captured: CapturedLog[] = [];
    const log: Execution[] = [];
    const logger = {
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (msg: string, data?: Record<string, unknown>) => void captured.push({ level: 'error', msg, data }),
    };
    const run = await launch(5);
    await start(scriptedTrainer('W', log, { failWith: new TypeError('tensor shape [3,4] vs [4,4] at layer sums') }), { log: logger });
    await finished(run.id, 'failed');
    const { data } = await h.gql(RUN, { id: run.id }, p.viewer);
    expect(data!.run.error).toMatch(/internal error \(id [0-9a-f]{8}\)/);
    expect(data!.run.error).not.toMatch(/tensor|shape/);
    const errorId = /id ([0-9a-f]{8})/.exec(data!.run.error)![1];
    expect(captured).toContainEqual(expect.objectContaining({ msg: 'run failed unexpectedly', data: expect.objectContaining({ errorId, runId: run.id }) }));
    // A deterministic failure is not retried.
    const job = await settledJob(run.id);
    expect(job.rows).toEqual([{ state: 'completed', retry_count: 0 }]);
  });

  it('fails a run whose dataset cannot be trained, saying why', async () => {
    const small = await runsProject(h, 1);
    const result = await h.gql(
      LAUNCH,
      {
        input: {
          projectId: small.projectId,
          datasetId: small.datasetId,
          priorVersionId: small.priorVersionId,
          strategy: 'dash',
          hyperparameters: { epochs: 2 },
        },
      },
      small.editor,
    );
    const runId = result.data!.launchRun.id;
    await start(scriptedTrainer('W', []));
    const row = await finished(runId, 'failed');
    expect(row.error).toBe('The dataset needs at least two training trajectories (one is held out for validation).');
  });

  it('hands a running run back to the queue on graceful shutdown; the next worker resumes it', async () => {
    const log: Execution[] = [];
    const run = await launch(8);
    // Seconds between the checkpoint and the run's end, so the shutdown always comes first (was ~0.7 s).
    const first = await start(scriptedTrainer('first', log, { epochMs: 500 }));
    await waitFor('a checkpoint', async () => ((await runRow(h, run.id)).checkpoint_epoch ?? 0) >= 2);
    await first.close();
    const handedBack = await runRow(h, run.id);
    expect(handedBack).toMatchObject({ status: 'queued', worker_id: null });
    expect(handedBack.progress.phase).toBe('interrupted');
    await start(scriptedTrainer('second', log, { epochMs: 30 }));
    await finished(run.id);
    expect(log.map((e) => e.worker)).toEqual(['first', 'second']);
    expect(log[1].resumedFrom).toBeGreaterThanOrEqual(2);
  });

  it('launches with the default rules (authors’ reset, one-SE) unless the launch names its own, and records them', async () => {
    const defaults = await h.gql(`{ runTrainingDefaults { selection lrReset } presets: runPresets { id selection lrReset } }`, {}, p.editor);
    expect(defaults.data!.runTrainingDefaults).toEqual({ selection: 'one_se', lrReset: 'reference' });
    for (const preset of defaults.data!.presets as { selection: string; lrReset: string }[])
      expect(preset).toMatchObject({ selection: 'one_se', lrReset: 'reference' });
    const plain = await launch(3);
    expect((await runRow(h, plain.id)).config).toMatchObject({ selection: 'one-se', lrReset: 'reference' });
    const byPreset = await launch(3, { preset: 'synthetic' });
    expect((await runRow(h, byPreset.id)).config).toMatchObject({ selection: 'one-se', lrReset: 'reference', lambda: [0.5, 0.05], noiseStd: 0.025 });
    const overridden = await launch(3, { preset: 'synthetic', hyperparameters: { epochs: 3, selection: 'best', lrReset: 'initial' } });
    expect((await runRow(h, overridden.id)).config).toMatchObject({ selection: 'best', lrReset: 'initial' });
  });

  it('reads a stored config without the rules as the rules of its time, and a relaunch of it trains with them', async () => {
    const original = await launch(3, { seed: 5 });
    // A record from before the rules were stored: its config names neither.
    await h.query(`update runs set config = config - 'selection' - 'lrReset' where id = $1`, [original.id]);
    expect((await runRow(h, original.id)).config).not.toHaveProperty('selection');
    const shown = await h.gql(`query($id: ID!) { run(id: $id) { config } }`, { id: original.id }, p.editor);
    expect(shown.data!.run.config).toMatchObject({ selection: 'best', lrReset: 'initial' });
    const result = await h.gql(RELAUNCH, { id: original.id }, p.editor);
    expect(result.errors).toBeUndefined();
    const stored = (await runRow(h, result.data!.relaunchRun.id)).config;
    expect(stored).toMatchObject({ selection: 'best', lrReset: 'initial', seed: 5 });
  });

  it('relaunches a run from its record with the same inputs, configuration and seed', async () => {
    const original = await launch(3, {
      seed: 42,
      preset: 'synthetic',
      hyperparameters: { epochs: 3, lambda1: 0.7, selection: 'one_se', lrReset: 'reference' },
    });
    const result = await h.gql(RELAUNCH, { id: original.id }, p.editor);
    expect(result.errors).toBeUndefined();
    const copy = result.data!.relaunchRun;
    const before = await runRow(h, original.id);
    expect(copy).toMatchObject({ status: 'queued', seed: 42, datasetId: p.datasetId, priorVersionId: p.priorVersionId, relaunchOfId: original.id });
    expect(copy.config).toEqual(before.config);
    expect(before.config).toMatchObject({
      strategy: 'dash',
      lambda: [0.7, 0.05],
      epochs: 3,
      noiseStd: 0.025,
      seed: 42,
      selection: 'one-se',
      lrReset: 'reference',
    });
    const audit = await h.query(`select action from audit_events where object_id = $1`, [copy.id]);
    expect(audit.rows).toEqual([{ action: 'run.relaunch' }]);
  });
});
