import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState } from './build';

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
