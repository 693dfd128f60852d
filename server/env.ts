import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Everything else receives settings from here,
 * so a typo in a variable name fails at start with a clear message instead of deep inside a request.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** An external PostgreSQL. When absent, `npm start` runs the embedded PostgreSQL in GRN_DATA_DIR/pg. */
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL 15 used by integration tests beside the embedded server (defaults to the local test database). */
  TEST_DATABASE_URL: z.string().url().optional(),
  GRN_DATA_DIR: z.string().min(1).default(path.join(process.cwd(), '.data')),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /**
   * The app runs behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto: the client's address
   * (for sign-in throttling) and https (for Secure cookies) are then read from those headers.
   */
  TRUST_PROXY: booleanFlag.default(false),
  /** New accounts one address may create per hour. */
  SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(20),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Institutional sign-on'),
  /** TensorFlow.js backend for compute workers: wasm (default), cpu, or a GPU backend where it installs. */
  COMPUTE_BACKEND: z.string().min(1).default('wasm-fused'),
  /** Start a compute worker inside `npm start` (embedded mode). */
  START_WORKER: booleanFlag.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** Seconds a worker holds a training job without renewing its lease; a killed worker's job is retried after this. */
  RUN_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(300),
  /** Fair use of workers: runs one project may have queued or running at once. */
  MAX_QUEUED_RUNS_PER_PROJECT: z.coerce.number().int().min(1).max(100_000).default(100),
  /** Runs one sweep may launch. */
  MAX_SWEEP_RUNS: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Hidden units a run may ask for. */
  MAX_HIDDEN_UNITS: z.coerce.number().int().min(1).max(4096).default(4096),
  /** Epochs a run may ask for. */
  MAX_EPOCHS: z.coerce.number().int().min(1).max(10_000).default(10_000),
  /** Most edges the run network view may ask for at once (its edge-count setting stops here). */
  NETWORK_MAX_EDGES: z.coerce.number().int().min(100).max(200_000).default(20_000),
  SEED_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Set by CI services: a skipped database variant, a skipped test or an empty test stage fails the run. */
  CI: z
    .string()
    .optional()
    .transform((v) => v !== undefined && v !== '' && !['false', '0', 'no'].includes(v.toLowerCase())),
  /** SMTP server for notification emails (e.g. smtp://user:pass@mail.lab.org:587); without it, notifications are in-app only. */
  SMTP_URL: z.string().url().optional(),
  /** Sender of notification emails, e.g. `GRN Studio <grn@lab.org>`; needed together with SMTP_URL. */
  SMTP_FROM: z.string().min(3).optional(),
  /**
   * Largest body of one streamed upload (POST /api/uploads), in bytes, all of its files together; refused with
   * 413 while streaming. Each file is still held to MAX_FILE_BYTES (64 MiB) by its parser.
   */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(160 * 1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment settings:\n${problems}`);
  }
  return parsed.data;
}

export const env: Env = loadEnv();

export const oidcEnabled = (e: Env = env): boolean => Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);

/**
 * The environment for a child process (next, workers): this process's environment plus the given settings.
 * Lives here so that process.env is still read in one module only.
 */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
