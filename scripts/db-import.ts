/**
 * `npm run db:import -- FILE.sql`: loads a data-only dump (pg_dump --data-only --inserts) into GRN Studio's
 * database, e.g. one exported from the earlier PGlite version. The database must be migrated and empty;
 * everything loads in one transaction, so a failed import leaves nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, connectDatabase } from '@/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@/db/embedded';
import { env } from '@/server/env';
import { lockDataDir } from './lib/data-dir';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3 || !fs.existsSync(file)) {
    throw new Error('Usage: npm run db:import -- FILE.sql   (a pg_dump --data-only --inserts file)');
  }
  let embedded: EmbeddedPostgres | null = null;
  let unlock = () => {};
  let url = env.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(env.GRN_DATA_DIR);
    unlock = lockDataDir(dataDir);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      passwordFile: path.join(dataDir, 'pg-password'),
      logFile: path.join(dataDir, 'pg.log'),
    });
    url = embedded.url;
  }
  try {
    const handle = connectDatabase(url, { max: 1 });
    await applyMigrations(handle.db);
    await handle.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('select count(*)::int as n from users');
      if (rows[0].n > 0) throw new Error('The database already holds accounts; import only into a new, empty one.');
      await client.query('begin');
      // Rows arrive table by table in pg_dump's order; foreign keys are checked by the dump's origin.
      await client.query('set local session_replication_role = replica');
      await client.query(fs.readFileSync(file, 'utf8'));
      await client.query('commit');
      console.log(`[db:import] imported ${file}`);
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      await client.end();
    }
  } finally {
    await embedded?.stop();
    unlock();
  }
}

main().catch((e: unknown) => {
  console.error(`[db:import] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
