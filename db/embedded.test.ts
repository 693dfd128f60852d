import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-embedded-test-'));
const options = { dataDir: path.join(root, 'pg'), passwordFile: path.join(root, 'pg-password'), durable: false };
const running: EmbeddedPostgres[] = [];

async function start(): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres(options);
  running.push(server);
  return server;
}

async function scalar(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query(sql)).rows[0])[0];
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('runs a real PostgreSQL on 127.0.0.1 only, with a generated password kept 0600 and its folder 0700', async () => {
    const server = await start();
    expect(String(await scalar(server.url, 'show server_version'))).toMatch(/^18\./);
    expect(await scalar(server.url, 'show listen_addresses')).toBe('127.0.0.1');
    expect(fs.statSync(options.dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(options.passwordFile).mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(options.passwordFile, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    const wrong = server.url.replace(encodeURIComponent(password), 'postgres');
    await expect(scalar(wrong, 'select 1')).rejects.toThrow(/password authentication failed/);
    await server.stop();
    await expect(scalar(server.url, 'select 1')).rejects.toThrow();
  }, 60_000);

  it('starts again on the same folder after the app died without stopping it, and after the server was killed', async () => {
    const orphaned = await start(); // never stopped: as if `npm start` had been killed
    const again = await start();
    expect(await scalar(again.url, 'select 1')).toBe(1);
    await orphaned.exited; // the new start shut the orphan down
    const pid = Number(fs.readFileSync(path.join(options.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL'); // a stale postmaster.pid stays behind
    await again.exited;
    const third = await start();
    expect(await scalar(third.url, 'select 1')).toBe(1);
    await third.stop();
  }, 90_000);
});
