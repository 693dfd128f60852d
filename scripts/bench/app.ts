/**
 * Benchmarks run against the production build, started the way users start it (`scripts/start.ts
 * --no-build`) on a fresh data folder: the embedded PostgreSQL, or a fresh database on an external
 * PostgreSQL. Users sign in through next-auth's credentials endpoint, as the browser does.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '@/scripts/lib/ports';
import { childProcessEnv } from '@/server/env';

export interface BenchApp {
  url: string;
  /** Everything the app printed, for a failed benchmark's message. */
  output(): string;
  stop(): Promise<void>;
}

/** A fresh database on the server at `serverUrl` (dropped by the returned function). */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `grn_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** `nodeOptions`: added to the app's NODE_OPTIONS (bench:web's --cpu-profile preloads a profiler). */
export async function startBenchApp(databaseUrl: string | undefined, log: (line: string) => void = () => {}, nodeOptions?: string): Promise<BenchApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-bench-'));
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--no-build'], {
    env: childProcessEnv({
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: undefined,
      PORT: String(port),
      GRN_DATA_DIR: dataDir,
      NEXTAUTH_URL: url,
      SEED_DEMO: 'false',
      START_WORKER: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => ((output += String(d)), log(String(d))));
  child.stderr.on('data', (d) => ((output += String(d)), log(String(d))));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/auth/providers`)).ok && output.includes('GRN Studio is running')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not start within 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchUser {
  email: string;
  cookie: string;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]);
}

/** Signs a new account up (GraphQL; or takes an existing email and password) and in (next-auth credentials), returning its session cookie. */
export async function signedInUser(url: string, name: string, existingPassword?: string): Promise<BenchUser> {
  const email = existingPassword ? name : `${name}.${randomBytes(3).toString('hex')}@bench.example`;
  const password = existingPassword ?? 'bench password 1234';
  if (!existingPassword) await graphql(url, null, `mutation($i: SignUpInput!) { signUp(input: $i) { id } }`, { i: { email, name, password } });
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrfRes).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(res).find((c) => c.includes('session-token='));
  if (!session) throw new Error(`sign-in failed for ${email} (HTTP ${res.status})`);
  return { email, cookie: session };
}

export async function graphql<T = any>(url: string, user: BenchUser | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { cookie: user.cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

/** An upload mutation through POST /api/uploads (as the app sends files): `files` maps variable paths to file text. */
export async function upload<T = any>(
  url: string,
  user: BenchUser,
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, string>,
): Promise<T> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  const paths = Object.keys(files);
  form.append('map', JSON.stringify(Object.fromEntries(paths.map((p, i) => [String(i), [p]]))));
  paths.forEach((p, i) => form.append(String(i), new Blob([files[p]]), `file-${i}`));
  const res = await fetch(`${url}/api/uploads`, { method: 'POST', headers: { cookie: user.cookie, 'apollo-require-preflight': 'true' }, body: form });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`upload error (${res.status}): ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

export function row(cells: (string | number)[]): string {
  return `| ${cells.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(2)) : c)).join(' | ')} |`;
}
