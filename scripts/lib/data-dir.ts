import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The session-signing secret must survive restarts, or every restart signs everyone out. */
export function loadOrCreateSecret(dataDir: string): { secret: string; created: boolean } {
  const file = path.join(dataDir, 'nextauth-secret');
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return { secret, created: false };
  }
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, created: true };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One embedded PostgreSQL per data folder, and one app per database: a pid file refuses the second
 * one with a clear message; a pid file left by a crashed server is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'server.pid');
  if (fs.existsSync(file)) {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Another GRN Studio (pid ${pid}) is using the data folder ${dataDir}. Stop it first, ` +
          'or give this one its own folder with GRN_DATA_DIR=… (or a PostgreSQL with DATABASE_URL=…).',
      );
    }
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}

/**
 * Earlier versions kept the embedded database in `pglite/` (PGlite, one session for everyone). This version
 * runs a real PostgreSQL in `pg/` and cannot read PGlite's files, so it refuses to start rather than
 * silently beginning with an empty database next to the old one.
 */
export function refuseLegacyPglite(dataDir: string): void {
  const legacy = path.join(dataDir, 'pglite');
  if (!fs.existsSync(legacy) || fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) return;
  throw new Error(
    [
      `${legacy} holds a database of an earlier GRN Studio (PGlite), which this version no longer runs;`,
      'it now runs PostgreSQL itself, in a new folder. Your data is untouched. To carry it over:',
      '  1. Start the earlier version (the commit before "embedded PostgreSQL") on this folder; its banner',
      '     shows the database address, e.g. 127.0.0.1:PORT.',
      "  2. Export the data with PostgreSQL's pg_dump (any version ≥ 15):",
      `       pg_dump --data-only --inserts --exclude-schema=pgboss --exclude-schema=drizzle 'postgres://postgres:postgres@127.0.0.1:PORT/postgres' > grn-export.sql`,
      `  3. Stop it, move the old folder away (mv ${legacy} ${legacy}-old) and start this version once.`,
      '  4. Import: npm run db:import -- grn-export.sql   (then start again).',
      `To start afresh instead, just move ${legacy} away.`,
    ].join('\n'),
  );
}
