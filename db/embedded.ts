import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import fs from 'node:fs';
import net from 'node:net';
import { serializeExtendedQueries } from './pglite-queue';

export interface EmbeddedPostgres {
  /** postgres:// URL for the `pg` driver. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts PGlite persisted in `dataDir` (or in memory when null) behind a Postgres wire-protocol socket,
 * so the app, the workers and the job queue use the ordinary `pg` driver in both modes.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string | null;
  port?: number;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? undefined);
  const port = options.port ?? (await freePort());
  const server = new PGLiteSocketServer({
    db: pglite,
    host: '127.0.0.1',
    port,
    maxConnections: options.maxConnections ?? 32,
  });
  serializeExtendedQueries(server);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
