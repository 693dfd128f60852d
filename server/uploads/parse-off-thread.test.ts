import { describe, expect, it } from 'vitest';
import { largeUpload } from '@/tests/fuzz/upload-inputs';
import { isDomainError } from '../errors';
import { runParseJob, type ParseJob } from './parse-job';
import { parseUpload } from './parse-off-thread';

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ stall: number; result: T }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    return { stall: Math.max(stall, performance.now() - last), result };
  } finally {
    clearInterval(timer);
  }
}

const big = largeUpload('dataset tidy-csv', 4 * 1024 * 1024);
const job: ParseJob = big.kind === 'dataset' && big.format === 'tidy-csv' ? { kind: 'dataset', files: big, testLastTrajectories: 0 } : (undefined as never);

describe('large uploads are parsed off the request thread', () => {
  it('keeps the event loop free while a 4 MB file parses, with the same result', async () => {
    const inline = await longestStall(async () => runParseJob(job));
    const threaded = await longestStall(() => parseUpload(job));
    console.log(
      `[parse-thread] 4 MB tidy CSV: longest event-loop stall ${inline.stall.toFixed(0)} ms inline, ${threaded.stall.toFixed(0)} ms with the parse thread`,
    );
    expect(threaded.result).toEqual(inline.result);
    expect(inline.stall).toBeGreaterThan(250);
    // Receiving the parsed trajectories (structured clone) is the only work left on this thread.
    expect(threaded.stall).toBeLessThan(inline.stall / 4);
  });

  it('returns a large edge list in chunks, whole and in order', async () => {
    const u = largeUpload('prior edge_list', 2 * 1024 * 1024);
    const prior: ParseJob = u.kind === 'prior' ? { kind: 'prior', format: u.format, text: u.text } : (undefined as never);
    const threaded = await longestStall(() => parseUpload(prior));
    const inline = runParseJob(prior) as unknown[];
    expect(inline.length).toBeGreaterThan(50_000);
    expect(threaded.result).toEqual(inline);
  });

  it("reports the parser's user errors from the thread as they are", async () => {
    const broken: ParseJob = { ...job, files: { ...job.files, data: `${(job as { files: { data: string } }).files.data}\nG1,t1,999999,1e309` } } as ParseJob;
    const error = await parseUpload(broken).catch((e: unknown) => e);
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'data', kind: 'not-finite', column: 4 } });
  });
});
