import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { playwrightCounts, vitestCounts } from './test-counts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-counts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, body: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
};

describe('vitestCounts', () => {
  it('reads passed, failed and skipped tests', () => {
    const file = write('ok.json', {
      numPassedTests: 7,
      numFailedTests: 2,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [{ name: 'a.test.ts', status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] }],
    });
    expect(vitestCounts(file, 1)).toMatchObject({ passed: 7, failed: 2, skipped: 2 });
  });

  it('counts a test file that failed to load as a failure', () => {
    const file = write('load.json', {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [{ name: 'broken.test.ts', status: 'failed', message: 'Cannot find module x\nstack', assertionResults: [] }],
    });
    const counts = vitestCounts(file, 1);
    expect(counts.failed).toBe(1);
    expect(counts.notes[0]).toContain('broken.test.ts failed to run: Cannot find module x');
  });

  it('never reports success for a failed run without a report or with errors outside tests', () => {
    expect(vitestCounts(path.join(dir, 'missing.json'), 1).failed).toBe(1);
    const file = write('unhandled.json', { numPassedTests: 4, numFailedTests: 0, testResults: [] });
    expect(vitestCounts(file, 1)).toMatchObject({ passed: 4, failed: 1 });
    expect(vitestCounts(file, 0)).toMatchObject({ passed: 4, failed: 0 });
  });
});

describe('playwrightCounts', () => {
  it('counts flaky tests as passed and global errors as failures', () => {
    const file = write('pw.json', { stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 2 }, errors: [{ message: 'webServer failed\nmore' }] });
    expect(playwrightCounts(file, 1)).toEqual({ passed: 6, failed: 2, skipped: 2, notes: ['webServer failed'] });
  });

  it('reports a failure when Playwright wrote nothing', () => {
    expect(playwrightCounts(path.join(dir, 'none.json'), 1)).toMatchObject({ passed: 0, failed: 1 });
  });
});

describe('enforceCiFloor', () => {
  it('fails a stage that ran fewer tests than its floor, or none', async () => {
    const { enforceCiFloor } = await import('./test-counts');
    expect(enforceCiFloor({ passed: 0, failed: 0, skipped: 0, notes: [] }, 10)).toMatchObject({
      failed: 1,
      notes: [expect.stringMatching(/only 0 tests ran/)],
    });
    expect(enforceCiFloor({ passed: 9, failed: 0, skipped: 0, notes: [] }, 10).failed).toBe(1);
    expect(enforceCiFloor({ passed: 10, failed: 0, skipped: 0, notes: [] }, 10).failed).toBe(0);
  });

  it('fails a stage with skipped tests (a database variant that did not run)', async () => {
    const { enforceCiFloor } = await import('./test-counts');
    const counts = enforceCiFloor({ passed: 300, failed: 0, skipped: 300, notes: [] }, 10);
    expect(counts).toMatchObject({ failed: 1, notes: [expect.stringMatching(/300 tests were skipped/)] });
  });
});
