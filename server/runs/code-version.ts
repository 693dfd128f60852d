import { execFileSync } from 'node:child_process';
import packageJson from '@/package.json';

let cached: string | undefined;

/**
 * The code a run was launched with and trained by: the git commit when the app runs from a checkout
 * (marked `+dirty` when it has uncommitted changes), otherwise the package version.
 */
export function codeVersion(): string {
  cached ??= gitCommit() ?? `grn-studio@${packageJson.version}`;
  return cached;
}

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
      .toString()
      .trim();
    if (!/^[0-9a-f]{40}$/.test(commit)) return null;
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    })
      .toString()
      .trim();
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return null;
  }
}
