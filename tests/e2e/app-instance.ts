import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@/scripts/lib/ports';
import { childProcessEnv } from '@/server/env';

export interface AppInstance {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A second GRN Studio (`npm start` with --no-build: the test server's build is shared) with its own port,
 * data folder and settings, for tests that need different settings than the main test server.
 */
export async function startAppInstance(settings: Record<string, string>): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // Inside this test run's folder (set by playwright.config.ts), removed with it by a later run.
  const runDir = process.env.GRN_E2E_RUN_DIR ?? path.join(process.cwd(), '.test-data', 'e2e', `run-${Date.now()}`);
  const dataDir = path.join(runDir, `instance-${port}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--no-build'], {
    env: childProcessEnv({
      DATABASE_URL: undefined,
      NEXTAUTH_SECRET: undefined,
      PORT: String(port),
      GRN_DATA_DIR: dataDir,
      NEXTAUTH_URL: url,
      SEED_DEMO: 'true',
      // Every test signs up from 127.0.0.1.
      SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
      START_WORKER: 'false',
      LOG_LEVEL: 'warn',
      ...settings,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app instance exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/auth/providers`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app instance did not start within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
