/** The body of a parse thread (see parse-off-thread.ts): parses each job it is sent and answers. */
import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../errors';
import { runParseJob, type ParseJob } from './parse-job';

parentPort?.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  try {
    parentPort!.postMessage({ id, result: runParseJob(job) });
  } catch (e) {
    if (isDomainError(e)) parentPort!.postMessage({ id, domainError: { code: e.code, message: e.message, details: e.details } });
    else parentPort!.postMessage({ id, failure: { name: (e as Error)?.name, message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack } });
  }
});
