import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors';
import { jobSize, runParseJob, type ParseJob, type ParseResults } from './parse-job';

/**
 * Parsing runs at 150–600 ms per MB (tests: server/uploads.fuzz.test.ts), so a 64 MiB upload parsed on
 * the request's thread froze every other user for tens of seconds. Uploads above this many characters
 * (about 50 ms of parsing) are parsed in a parse thread; smaller ones here, where a thread's start-up
 * would cost more than it saves.
 */
export const OFF_THREAD_MIN_CHARS = 128 * 1024;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Items of a result sent in chunks, in order. */
  chunks: unknown[][];
}

let thread: { worker: Worker; pending: Map<number, Pending> } | null = null;
let nextId = 0;

/**
 * The thread loads the TypeScript sources through tsx, as `npm start` does, so the same code runs in
 * development, production and tests; it stays idle (unref'd) between uploads and is replaced if it dies.
 */
function parseThread(): NonNullable<typeof thread> {
  if (thread) return thread;
  const file = pathToFileURL(path.join(process.cwd(), 'server/uploads/parse-thread.ts')).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  const worker = new Worker(boot, { eval: true });
  const pending = new Map<number, Pending>();
  const current = { worker, pending };
  worker.on(
    'message',
    (m: {
      id: number;
      chunk?: unknown[];
      result?: unknown;
      domainError?: { code: DomainError['code']; message: string; details: DomainError['details'] };
      failure?: { name: string; message: string; stack?: string };
    }) => {
      const job = pending.get(m.id);
      if (!job) return;
      if (m.chunk) return void job.chunks.push(m.chunk);
      pending.delete(m.id);
      if (pending.size === 0) worker.unref();
      if (m.domainError) job.reject(new DomainError(m.domainError.code, m.domainError.message, m.domainError.details));
      else if (m.failure) job.reject(Object.assign(new Error(`parse thread: ${m.failure.message}`), { stack: m.failure.stack }));
      else job.resolve(job.chunks.length ? job.chunks.flat() : m.result);
    },
  );
  const fail = (error: unknown) => {
    if (thread === current) thread = null;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the parse thread exited (code ${code})`)));
  worker.unref();
  thread = current;
  return current;
}

/** Parses an upload, off the request's thread when it is large; errors are the parsers' own. */
export async function parseUpload<K extends ParseJob['kind']>(job: ParseJob & { kind: K }): Promise<ParseResults[K]> {
  if (jobSize(job) < OFF_THREAD_MIN_CHARS) return runParseJob(job) as ParseResults[K];
  const { worker, pending } = parseThread();
  const id = nextId++;
  worker.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, chunks: [] });
    worker.postMessage({ id, job });
  });
}
