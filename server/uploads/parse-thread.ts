/** The body of a parse thread (see parse-off-thread.ts): parses each job it is sent and answers. */
import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../errors';
import { runParseJob, type ParseJob } from './parse-job';

/**
 * Edge lists come back in chunks: the receiving thread copies each message in one go, and a million
 * edge objects in one message stalled it for 11 s; between chunks it serves other requests.
 */
const CHUNK = 20_000;

parentPort?.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  try {
    const result = runParseJob(job);
    if (Array.isArray(result)) {
      for (let at = 0; at < result.length; at += CHUNK) parentPort!.postMessage({ id, chunk: result.slice(at, at + CHUNK) });
      parentPort!.postMessage({ id, result: [] });
    } else {
      parentPort!.postMessage({ id, result });
    }
  } catch (e) {
    if (isDomainError(e)) parentPort!.postMessage({ id, domainError: { code: e.code, message: e.message, details: e.details } });
    else parentPort!.postMessage({ id, failure: { name: (e as Error)?.name, message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack } });
  }
});
