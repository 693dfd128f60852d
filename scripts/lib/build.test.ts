import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState, withBuildLock } from './build';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function project(): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-build-'));
  fs.mkdirSync(path.join(root, 'app'));
  fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'x');
  return root;
}

const touch = (file: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, t, t);
};

describe('buildState', () => {
  it('is stale without a build', () => {
    expect(buildState(project())).toEqual({ stale: true, reason: 'no build yet' });
  });

  it('is fresh when the build is newer than every source, and stale after a source changes', () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, '.next'));
    const buildId = path.join(dir, '.next', 'BUILD_ID');
    fs.writeFileSync(buildId, 'id');
    touch(path.join(dir, 'app', 'page.tsx'), 60);
    touch(buildId, 30);
    expect(buildState(dir).stale).toBe(false);
    touch(path.join(dir, 'app', 'page.tsx'), 0);
    expect(buildState(dir).stale).toBe(true);
  });

  it('ignores test files, which the build does not read', () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, '.next'));
    fs.writeFileSync(path.join(dir, '.next', 'BUILD_ID'), 'id');
    touch(path.join(dir, 'app', 'page.tsx'), 60);
    touch(path.join(dir, '.next', 'BUILD_ID'), 30);
    fs.writeFileSync(path.join(dir, 'app', 'page.test.ts'), 'test');
    expect(buildState(dir).stale).toBe(false);
  });
});

describe('withBuildLock', () => {
  it('runs one build at a time and lets the waiting one know who holds the lock', async () => {
    const dir = project();
    const events: string[] = [];
    let waited = 0;
    const build = (name: string) => async () => {
      events.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 50));
      events.push(`${name} end`);
    };
    await Promise.all([withBuildLock(dir, () => waited++, build('a')), withBuildLock(dir, () => waited++, build('b'))]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(waited).toBe(1);
    expect(fs.existsSync(path.join(dir, 'node_modules', '.cache', 'grn-next-build.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, 'node_modules', '.cache'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', '.cache', 'grn-next-build.lock'), '999999999');
    expect(
      await withBuildLock(
        dir,
        () => undefined,
        async () => 'built',
      ),
    ).toBe('built');
  });
});
