import 'server-only';
import { connectDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { env } from './env';

/**
 * The server's one connection pool. Cached on globalThis because Next loads route handlers in separate
 * bundles and re-evaluates modules on dev reloads; both must share a pool instead of opening new ones.
 */
const cache = globalThis as typeof globalThis & { __grnDatabase?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  if (!cache.__grnDatabase) {
    if (!env.DATABASE_URL) {
      throw new Error(
        'DATABASE_URL is not set. Start GRN Studio with `npm start`, which starts the embedded database ' +
          'and passes its URL to the server, or set DATABASE_URL to an existing PostgreSQL.',
      );
    }
    cache.__grnDatabase = connectDatabase(env.DATABASE_URL, { max: 10 });
  }
  return cache.__grnDatabase;
}

export const getDatabase = (): Database => getDatabaseHandle().db;
