import fs from 'node:fs';
import { z } from 'zod';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
  testResults: z
    .array(
      z.object({
        name: z.string(),
        status: z.string(),
        message: z.string().optional(),
        assertionResults: z.array(z.object({ status: z.string() })).default([]),
      }),
    )
    .default([]),
});

const playwrightReport = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number().default(0),
    skipped: z.number().default(0),
  }),
  errors: z.array(z.object({ message: z.string().optional() })).default([]),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * A test file that fails to load has no failed tests but is a failure; so is a run that exits non-zero
 * without a report. Both count as one failure each so the final line never reads "0 failed" by mistake.
 */
export function vitestCounts(file: string, exitCode: number): Counts {
  const parsed = vitestReport.safeParse(readJson(file));
  if (!parsed.success) return { passed: 0, failed: 1, skipped: 0, notes: ['vitest wrote no readable report'] };
  const r = parsed.data;
  const notes: string[] = [];
  let failed = r.numFailedTests;
  for (const suite of r.testResults) {
    if (suite.status === 'failed' && !suite.assertionResults.some((a) => a.status === 'failed')) {
      failed += 1;
      notes.push(`${suite.name} failed to run: ${(suite.message ?? '').split('\n')[0]}`);
    }
  }
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited with code ${exitCode} (errors outside tests; see above)`);
  }
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests, notes };
}

/**
 * In CI a green total must mean the tests ran: a stage below its floor (an emptied pattern, a file that
 * silently stopped collecting) or with skipped tests (a database variant that did not run) fails.
 */
export function enforceCiFloor(counts: Counts, minimum: number): Counts {
  const ran = counts.passed + counts.failed;
  const notes = [...counts.notes];
  let failed = counts.failed;
  if (ran < minimum) {
    failed += 1;
    notes.push(`only ${ran} tests ran; this stage has at least ${minimum} (CI=true)`);
  }
  if (counts.skipped > 0) {
    failed += 1;
    notes.push(`${counts.skipped} tests were skipped; nothing may be skipped in CI (CI=true)`);
  }
  return { ...counts, failed, notes };
}

export function playwrightCounts(file: string, exitCode: number): Counts {
  const parsed = playwrightReport.safeParse(readJson(file));
  if (!parsed.success) return { passed: 0, failed: 1, skipped: 0, notes: ['Playwright wrote no readable report'] };
  const { stats, errors } = parsed.data;
  const notes = errors.map((e) => (e.message ?? 'error').split('\n')[0]);
  let failed = stats.unexpected + errors.length;
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`Playwright exited with code ${exitCode}`);
  }
  return { passed: stats.expected + stats.flaky, failed, skipped: stats.skipped, notes };
}
