/**
 * `npm start` (and `npm run dev` with --dev): one command that brings up the whole product.
 * The embedded PostgreSQL unless DATABASE_URL is set, migrations, optional demo seed, a persisted session
 * secret, `next build` when stale, then Next and a compute worker as supervised children: either one is
 * restarted when it dies, and Ctrl+C stops the web server and the worker first, the database last.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applyMigrations, connectDatabase } from '@/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@/db/embedded';
import { childProcessEnv, env, oidcEnabled } from '@/server/env';
import { buildState, withBuildLock } from './lib/build';
import { loadOrCreateSecret, lockDataDir, refuseLegacyPglite } from './lib/data-dir';
import { portIsFree } from './lib/ports';
import { runToEnd, startChild, stopChild, waitForHttp, type Child } from './lib/processes';
import { supervise, type SupervisePolicy } from './lib/supervise';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flags = parseStartFlags(process.argv.slice(2));
const dev = flags.dev;
/** For a second instance beside a running one (tests): rebuilding .next under a running server breaks it. */
const skipBuild = flags['no-build'];
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
// The worker runs as `node --import tsx`, one process: tsx's CLI would put the worker in a grandchild that a
// SIGKILL of its parent leaves running on its own.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

const say = (msg: string) => console.log(`[start] ${msg}`);

function parseStartFlags(argv: string[]): { dev: boolean; 'no-build': boolean } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { dev: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    });
    return { dev: values.dev, 'no-build': values['no-build'] };
  } catch (e) {
    console.error(
      `[start] ${e instanceof Error ? e.message : String(e)}\nUsage: npm start [-- --no-build]   ·   npm run dev   (settings come from the environment: see "Settings" in README.md)`,
    );
    process.exit(2);
  }
}

function describeDatabase(url: string): string {
  const u = new URL(url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function buildIfStale(): Promise<void> {
  if (dev) return;
  if (skipBuild) {
    if (!buildState(root).stale) return;
    say('the build is older than the sources, but --no-build was given: serving the existing build');
    return;
  }
  await withBuildLock(root, (pid) => say(`waiting for the build that process ${pid} is running…`), buildNow);
}

async function buildNow(): Promise<void> {
  const state = buildState(root);
  if (!state.stale) {
    say('using the existing build (.next is newer than the sources)');
    return;
  }
  say(`building the web app with \`next build\` (${state.reason}); this takes a minute or two…`);
  const code = await runToEnd([nextBin, 'build'], childProcessEnv({ NEXT_TELEMETRY_DISABLED: '1' }));
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); see the output above.`);
}

/**
 * A crashed worker is restarted while the web app keeps serving: queued runs wait in the database, and the
 * run a worker was on is retried by the queue. A dead web server is restarted while the database and the
 * worker keep running (runs go on training). Either one dying over and over stops GRN Studio.
 */
const webPolicy: SupervisePolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, healthyAfterMs: 60_000, maxRestarts: 5, windowMs: 10 * 60_000 };
/** The web app is still useful without a worker, so a crash-looping worker is retried for ever, once a minute. */
const workerPolicy: SupervisePolicy = { firstDelayMs: 1_000, maxDelayMs: 60_000, healthyAfterMs: 60_000, maxRestarts: Infinity, windowMs: 0 };

function superviseChild(
  name: string,
  policy: SupervisePolicy,
  start: () => Child,
  children: Child[],
  stopping: () => boolean,
  giveUp: (code: number) => void,
): void {
  supervise(policy, {
    start,
    stopping,
    onStart: (child) => void children.push(child),
    onExit: (child) => void children.splice(children.indexOf(child), 1),
    onRestart: (code, delayMs) => console.error(`[start] the ${name} exited (code ${code}); restarting it in ${Math.round(delayMs / 1000)} s.`),
    onGiveUp: (code, restarts) => {
      console.error(
        `[start] the ${name} exited again (code ${code}) after ${restarts} restarts in ${Math.round(policy.windowMs / 60_000)} minutes; stopping GRN Studio.`,
      );
      giveUp(code || 1);
    },
  });
}

function banner(lines: [string, string][]): void {
  const width = Math.max(...lines.map(([k]) => k.length));
  const body = lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  console.log(['', '  GRN Studio is running', '', ...body, '', '  Stop with Ctrl+C.', ''].join('\n'));
}

async function main(): Promise<void> {
  // Whoever reads our output (a terminal, a test runner, a pipe) may go away first; a write error must not
  // crash this process before it has stopped the database it started.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  const port = env.PORT;
  const dataDir = path.resolve(env.GRN_DATA_DIR);
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is already in use. Stop what uses it, or choose another with PORT=…`);
  }
  // Parents with the usual mode: as root the embedded server runs as `postgres`, which must pass through them.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Also for a folder made by an earlier version (0755): it holds the session secret and the database.
  fs.chmodSync(dataDir, 0o700);
  const unlock = lockDataDir(dataDir);
  const children: Child[] = [];
  let embedded: EmbeddedPostgres | null = null;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    // The web server and the worker first, so nothing is mid-write when the database stops.
    await Promise.all([...children].map((c) => stopChild(c)));
    if (embedded) await embedded.stop().catch((e) => console.error('[start] stopping the embedded PostgreSQL:', e));
    unlock();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    await buildIfStale();
    const { secret, created } = env.NEXTAUTH_SECRET ? { secret: env.NEXTAUTH_SECRET, created: false } : loadOrCreateSecret(dataDir);
    if (created) say(`generated a session secret in ${path.join(dataDir, 'nextauth-secret')}`);

    let databaseUrl = env.DATABASE_URL;
    let databaseMode: string;
    if (databaseUrl) {
      databaseMode = describeDatabase(databaseUrl);
    } else {
      refuseLegacyPglite(dataDir);
      const pgDir = path.join(dataDir, 'pg');
      say(`starting the embedded PostgreSQL in ${pgDir}`);
      const started = Date.now();
      embedded = await startEmbeddedPostgres({ dataDir: pgDir, passwordFile: path.join(dataDir, 'pg-password'), logFile: path.join(dataDir, 'pg.log') });
      say(`embedded PostgreSQL ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      databaseUrl = embedded.url;
      databaseMode = `embedded PostgreSQL 18 (${pgDir}, 127.0.0.1:${embedded.port} only, password in ${path.join(dataDir, 'pg-password')})`;
      void embedded.exited.then(() => {
        if (stopping) return;
        console.error(`[start] the embedded PostgreSQL stopped unexpectedly (see ${path.join(dataDir, 'pg.log')}); stopping GRN Studio.`);
        void shutdown(1);
      });
    }

    const handle = connectDatabase(databaseUrl, { max: 2 });
    try {
      say('applying database migrations…');
      await applyMigrations(handle.db);
    } finally {
      await handle.close();
    }

    const appUrl = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
    const childEnv = childProcessEnv({
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: appUrl,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
    });
    const stopAll = (code: number) => void shutdown(code);
    superviseChild(
      'web server',
      webPolicy,
      () => startChild('next', [nextBin, dev ? 'dev' : 'start', '-p', String(port)], childEnv),
      children,
      () => stopping,
      stopAll,
    );

    const workerFile = path.join(root, 'scripts', 'worker.ts');
    let workerState = 'off (START_WORKER=false)';
    if (env.START_WORKER && fs.existsSync(workerFile)) {
      superviseChild(
        'compute worker',
        workerPolicy,
        () => startChild('worker', ['--import', tsxLoader, workerFile], childEnv),
        children,
        () => stopping,
        stopAll,
      );
      workerState = `running (${env.WORKER_CONCURRENCY} at a time, backend ${env.COMPUTE_BACKEND})`;
    } else if (env.START_WORKER) {
      workerState = 'none yet (scripts/worker.ts does not exist)';
    }

    const ready = await waitForHttp(`http://127.0.0.1:${port}/api/auth/providers`, dev ? 300_000 : 120_000, () => !stopping);
    if (!ready) {
      if (!stopping) throw new Error(`The web server did not answer on port ${port}.`);
      return;
    }
    banner([
      ['URL', appUrl],
      ['Mode', dev ? 'development (next dev)' : 'production (next start)'],
      ['Database', databaseMode],
      ['Data folder', dataDir],
      ['Worker', workerState],
      ['Sign-on', oidcEnabled() ? `email + password, and ${env.OIDC_NAME} (${env.OIDC_ISSUER})` : 'email + password'],
      ['Demo project', env.SEED_DEMO ? 'each account opens its own from its projects page' : 'off (SEED_DEMO=false)'],
    ]);
  } catch (e) {
    console.error(`\n[start] ${e instanceof Error ? e.message : String(e)}\n`);
    await shutdown(1);
  }
}

main().catch((e: unknown) => {
  console.error(`\n[start] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
