import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One `dash train` invocation: its flags (including --out) and a label for the log. */
export interface TrainJob {
  label: string;
  argv: string[];
  out: string;
}

const mainFile = path.join(import.meta.dirname, 'main.ts');
// `node --import <tsx>` rather than tsx's CLI, so the training is this process's direct child.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/**
 * Runs `dash train` jobs as child processes, at most `jobs` at a time (TensorFlow.js's wasm backend
 * uses one core per process in Node, so parallel processes are how a sweep uses the machine).
 * Resolves to each job's result.json in job order. On the first failure it stops the other trainings
 * (so none keeps a core busy after the sweep has given up) and rejects with that failure's stderr tail.
 */
export async function runTrainPool(jobs: TrainJob[], parallel: number, log: (line: string) => void): Promise<Record<string, unknown>[]> {
  const results: Record<string, unknown>[] = new Array(jobs.length);
  const running = new Set<ChildProcess>();
  let next = 0;
  let finished = 0;
  let failed = false;
  const worker = async () => {
    while (next < jobs.length && !failed) {
      const k = next++;
      const job = jobs[k];
      const started = Date.now();
      log(`started  ${job.label}`);
      try {
        await runChild(job, running);
      } catch (e) {
        failed = true;
        for (const child of running) child.kill('SIGTERM');
        throw e;
      }
      results[k] = JSON.parse(readFileSync(path.join(job.out, 'result.json'), 'utf8'));
      finished += 1;
      const minutes = ((Date.now() - started) / 60000).toFixed(1);
      log(`finished ${job.label} in ${minutes} min (${finished}/${jobs.length})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  return results;
}

function runChild(job: TrainJob, running: Set<ChildProcess>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, mainFile, 'train', ...job.argv, '--quiet', '--out', job.out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${job.label} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
    });
  });
}
