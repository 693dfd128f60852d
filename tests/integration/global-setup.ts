/**
 * One embedded PostgreSQL for the whole integration run (initdb and start take seconds; a database per test
 * file takes milliseconds). Its folder is temporary and removed at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedPostgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Under the system's temp folder: as root the server runs as `postgres`, which must reach the folder.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), passwordFile: path.join(root, 'pg-password'), durable: false });
  project.provide('embeddedPostgresUrl', server.url);
  return async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}
