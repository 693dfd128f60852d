import fs from 'node:fs';
import path from 'node:path';

/** What `next build` reads: if any of these is newer than the last build, the build is stale. */
const SOURCE_DIRS = ['app', 'server', 'db', 'compute', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SKIP_DIRS = new Set(['node_modules', '.next', '.data', '.git']);
const TEST_FILE = /\.(test|spec)\.tsx?$/;

function newestMtime(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newest = Math.max(newest, newestMtime(full));
    } else if (entry.isFile() && !TEST_FILE.test(entry.name)) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

export type BuildState = { stale: false } | { stale: true; reason: string };

/** Decides from file times alone (a few milliseconds), so a fresh build starts at once. */
export function buildState(root: string): BuildState {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return { stale: true, reason: 'no build yet' };
  const builtAt = fs.statSync(buildId).mtimeMs;
  let newest = 0;
  for (const dir of SOURCE_DIRS) newest = Math.max(newest, newestMtime(path.join(root, dir)));
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest > builtAt ? { stale: true, reason: 'sources changed since the last build' } : { stale: false };
}

function lockHolder(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * One `next build` at a time per checkout: two servers started together (parallel test runs) would otherwise
 * both write .next. The second waits, then finds the build fresh and skips it. A lock left by a dead process
 * is taken over.
 */
export async function withBuildLock<T>(root: string, onWait: (pid: number) => void, fn: () => Promise<T>): Promise<T> {
  const dir = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'grn-next-build.lock');
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = lockHolder(file);
      if (holder === null) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (!announced) onWait(holder);
      announced = true;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
