import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { freePortSync } from './scripts/lib/ports';

/**
 * End-to-end tests drive Debian's Chromium against the real product (`scripts/start.ts`) on a free port with
 * its own fresh data folder, so a test run never touches the user's data or a running GRN Studio.
 *
 * Playwright loads this file in its runner and again in each worker; the port and folder are chosen once,
 * in the runner, and handed to the workers through the environment (workers inherit it).
 */
const root = path.dirname(new URL(import.meta.url).pathname);
const e2eRoot = path.join(root, '.test-data', 'e2e');

/**
 * Each run has its own folder (server data, app instances, results), so runs started in parallel from the same
 * checkout do not delete each other's files. Folders of earlier runs go, except those whose server still runs.
 */
function removeFinishedRuns(): void {
  for (const entry of fs.existsSync(e2eRoot) ? fs.readdirSync(e2eRoot) : []) {
    const dir = path.join(e2eRoot, entry);
    const pidFile = path.join(dir, 'data', 'server.pid');
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : 0;
    let alive = false;
    try {
      alive = pid > 0 && process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.env.GRN_E2E_PORT) {
  removeFinishedRuns();
  // As root the embedded PostgreSQL runs as `postgres`, which must pass through this folder (an older run may have made it 0700).
  fs.mkdirSync(e2eRoot, { recursive: true });
  fs.chmodSync(e2eRoot, 0o755);
  const port = freePortSync();
  process.env.GRN_E2E_PORT = String(port);
  process.env.GRN_E2E_RUN_DIR = path.join(e2eRoot, `run-${Date.now()}-${port}`);
}
const runDir = process.env.GRN_E2E_RUN_DIR!;
const port = Number(process.env.GRN_E2E_PORT);
const baseURL = `http://localhost:${port}`;

const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(runDir, 'results'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: one browser at a time keeps the server responsive and the timings honest.
  workers: 1,
  retries: 0,
  // scripts/test.ts names its own report file, so a parallel run cannot overwrite the counts it reads.
  reporter: [['list'], ['json', { outputFile: process.env.GRN_E2E_REPORT ?? path.join(root, '.test-data', 'reports', 'e2e.json') }]],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // `env -u`: a DATABASE_URL or session settings in the caller's shell must not leak into the test server.
    command:
      'env -u DATABASE_URL -u NEXTAUTH_SECRET -u OIDC_ISSUER -u OIDC_CLIENT_ID -u OIDC_CLIENT_SECRET node node_modules/tsx/dist/cli.mjs scripts/start.ts',
    url: `${baseURL}/api/auth/providers`,
    env: {
      PORT: String(port),
      GRN_DATA_DIR: path.join(runDir, 'data'),
      NEXTAUTH_URL: baseURL,
      SEED_DEMO: 'true',
      // Every test signs up from 127.0.0.1; the production allowance would stop the suite.
      SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
      START_WORKER: 'true',
      LOG_LEVEL: 'warn',
    },
    reuseExistingServer: false,
    // The first run builds the app (`next build`), which takes a few minutes on a small machine.
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
