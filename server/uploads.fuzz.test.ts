/**
 * Fuzz suite for every upload kind and format at the parser level (issue 17): each generated file
 * either parses or is refused with a specific user error (DomainError with a message), never anything
 * else; and parse time grows linearly with size. Seeded (FUZZ_SEED): a failure names the seed and path
 * that reproduce it. The figures are printed for the record.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED, largeUpload, uploads, type Upload } from '@/tests/fuzz/upload-inputs';
import { parseDatasetFiles } from './datasets/parse';
import { isDomainError } from './errors';
import { parseGoldStandardFile } from './gold-standards/parse';
import { parsePriorFile } from './priors/parse';

const RUNS_PER_FORMAT = 150;
/**
 * Generous for two loaded CI cores: a linear parser takes 150–600 ms per MB on an idle core and up to
 * 1,600 with other test runs beside it; the quadratic gold-standard header took 5,300 ms for 1 MB idle.
 */
const MAX_MS_PER_MB = 4_000;

function parseUpload(u: Upload): unknown {
  if (u.kind === 'dataset') return parseDatasetFiles(u, 0);
  if (u.kind === 'prior') return parsePriorFile(u.format, u.text, u.genes);
  return parseGoldStandardFile(u.format, u.text, u.genes);
}

/** 'ok', or the error's kind; throws when the failure is not a specific user error. */
function outcome(u: Upload): string {
  try {
    parseUpload(u);
    return 'ok';
  } catch (e) {
    if (isDomainError(e) && (e.code === 'BAD_USER_INPUT' || e.code === 'PAYLOAD_TOO_LARGE') && e.message.length > 10) {
      return String(e.details.kind ?? e.code);
    }
    throw e;
  }
}

const tally = new Map<string, number>();
let inputs = 0;
const timings: { name: string; mb: number; ms: number }[] = [];

afterAll(() => {
  const kinds = [...tally.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`[fuzz] seed ${FUZZ_SEED}: ${inputs} generated uploads; outcomes: ${kinds}`);
  if (timings.length) {
    const slowest = timings.reduce((a, b) => (b.ms / b.mb > a.ms / a.mb ? b : a));
    console.log(`[fuzz] parse time: ${timings.map((t) => `${t.name} ${t.mb.toFixed(2)} MB ${(t.ms / t.mb).toFixed(0)} ms/MB`).join('; ')}`);
    console.log(
      `[fuzz] slowest parse per MB: ${(slowest.ms / slowest.mb).toFixed(0)} ms/MB (${slowest.name}, ${slowest.mb.toFixed(2)} MB); bound ${MAX_MS_PER_MB} ms/MB`,
    );
  }
});

describe('generated uploads get a result or a specific user error', () => {
  it.each(Object.keys(uploads))('%s', (name) => {
    fc.assert(
      fc.property(uploads[name], (u) => {
        inputs++;
        const result = outcome(u);
        tally.set(result, (tally.get(result) ?? 0) + 1);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS_PER_FORMAT },
    );
  });
});

const mb = (u: Upload) =>
  Buffer.byteLength(
    Object.values(u)
      .filter((v) => typeof v === 'string' && v.length > 20)
      .join(''),
  ) /
  1024 /
  1024;

function timeParse(u: Upload): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    outcome(u);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('parse time is linear in size', () => {
  it.each(Object.keys(uploads))('%s: under the bound per MB at 0.25, 1 and 4 MB', (name) => {
    for (const bytes of [0.25, 1, 4].map((m) => m * 1024 * 1024)) {
      const u = largeUpload(name, bytes);
      const ms = timeParse(u);
      timings.push({ name, mb: mb(u), ms });
      expect(ms / mb(u), `${name} at ${mb(u).toFixed(2)} MB`).toBeLessThan(MAX_MS_PER_MB);
    }
  });

  it('stays under the bound on adversarial files (one huge number, quotes, one long line)', () => {
    const million = 1024 * 1024;
    const adversarial: [string, Upload][] = [
      ['a 1 MB number cell', { kind: 'prior', format: 'edge_list', text: `regulator,target,weight\nA,B,${'1'.repeat(million)}x\n` }],
      ['a 1 MB quoted cell of quotes', { kind: 'dataset', format: 'tidy-csv', data: `gene,trajectory,time,value\n"${'""'.repeat(million / 2)}",1,0,1\n` }],
      ['one 1 MB line of delimiters', { kind: 'gold', format: 'edge_list', text: ','.repeat(million) }],
      ['1 MB of blank lines', { kind: 'prior', format: 'sif', text: `A pp B${'\n'.repeat(million)}` }],
      ['a 1 MB header', { kind: 'prior', format: 'dense_matrix', text: `${'a,'.repeat(million / 2)}\n1,2\n` }],
    ];
    for (const [name, u] of adversarial) {
      const ms = timeParse(u);
      timings.push({ name, mb: mb(u), ms });
      expect(ms / mb(u), name).toBeLessThan(MAX_MS_PER_MB);
    }
  });
});
