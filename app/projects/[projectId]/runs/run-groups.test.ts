import { describe, expect, it } from 'vitest';
import { groupRuns, statusCounts, statusSummary } from './run-groups';

const run = (id: string, status: string, sweepId: string | null = null) => ({ id, status, sweepId, sweepName: sweepId ? `Group ${sweepId}` : null });

describe('groupRuns', () => {
  it('gathers a group’s runs where its first run stands; single runs keep their place', () => {
    const entries = groupRuns([
      run('r1', 'running', 's1'),
      run('r2', 'succeeded'),
      run('r3', 'succeeded', 's1'),
      run('r4', 'queued', 's2'),
      run('r5', 'failed'),
    ]);
    expect(entries.map((e) => (e.kind === 'run' ? e.run.id : `${e.id}:${e.runs.map((r) => r.id).join(',')}`))).toEqual(['s1:r1,r3', 'r2', 's2:r4', 'r5']);
    expect(entries[0]).toMatchObject({
      name: 'Group s1',
      statusCounts: [
        { status: 'running', count: 1 },
        { status: 'succeeded', count: 1 },
      ],
    });
  });

  it('no runs, no entries', () => {
    expect(groupRuns([])).toEqual([]);
  });

  it('status counts put active runs first and read as one line', () => {
    const counts = statusCounts([{ status: 'failed' }, { status: 'succeeded' }, { status: 'queued' }, { status: 'succeeded' }]);
    expect(statusSummary(counts)).toBe('1 queued · 2 succeeded · 1 failed');
  });
});
