/**
 * Integration test harness: a fresh, migrated database per test file and backend (the embedded PostgreSQL
 * that global-setup.ts starts once per run, and PostgreSQL 15 at TEST_DATABASE_URL), and GraphQL operations run through the same Apollo Server
 * configuration (schema, validation rules, error formatting) that serves /api/graphql.
 */
import { randomBytes } from 'node:crypto';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { applyMigrations, connectDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { hashPassword } from '@/server/accounts/password';
import { createPasswordAccount } from '@/server/accounts/service';
import type { ServiceContext, Viewer } from '@/server/context';
import { env } from '@/server/env';
import type { GraphQLContext } from '@/server/graphql/builder';
import { buildRequestContext } from '@/server/graphql/context';
import { createApolloServer } from '@/server/graphql/server';
import { serialiseLogData, type Logger } from '@/server/log';

export type Backend = 'embedded' | 'postgres';

const postgresUrl = env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Logs kept in memory, as the server would write them: tests read them (the masked-error test). */
export interface CapturedLog {
  level: string;
  msg: string;
  data?: Record<string, unknown>;
}

function captureLogger(into: CapturedLog[]): Logger {
  const write = (level: string) => (msg: string, data?: Record<string, unknown>) => void into.push({ level, msg, data: serialiseLogData(data) });
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export interface GraphQLResult<T = Record<string, any>> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
}

export interface Harness {
  readonly backend: Backend;
  readonly db: Database;
  readonly logs: CapturedLog[];
  /** Runs an operation with a given context (e.g. a failing database, to see how failures surface). */
  execute<T = Record<string, any>>(query: string, variables: Record<string, unknown>, context: ServiceContext): Promise<GraphQLResult<T>>;
  /** Runs an operation as `viewer` (null: signed out). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer | null): Promise<GraphQLResult<T>>;
  /** Runs an operation the way the HTTP endpoint does: the viewer comes from the request headers. */
  http(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: GraphQLResult }>;
  /** Signs a new user up through the service and returns them as a session viewer. */
  user(name: string, email?: string): Promise<Viewer>;
  /** Plain SQL against the test database, for checks the API does not expose (hashes, raw rows). */
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, any>[] }>;
  /** Row counts of the given tables, to assert that a refused request changed nothing. */
  counts(...tables: string[]): Promise<Record<string, number>>;
  context(viewer: Viewer | null): ServiceContext;
}

interface Opened {
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** A new database on the server at `serverUrl`, dropped again when the test file is done. */
async function openFreshDatabase(serverUrl: string): Promise<Opened> {
  const name = `grn_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = connectDatabase(url.toString(), { max: 4 });
  return {
    handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

let probe: Promise<string | null> | undefined;
/** null when PostgreSQL answers, otherwise why not. */
export function postgresUnavailable(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (e) {
      return `${postgresUrl.replace(/\/\/[^@]*@/, '//…@')} unreachable: ${(e as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

let testPasswordHash: Promise<string> | undefined;

function useHarness(backend: Backend): Harness {
  let opened: Opened | undefined;
  let server: ApolloServer<GraphQLContext> | undefined;
  const logs: CapturedLog[] = [];
  const log = captureLogger(logs);
  const db = () => {
    if (!opened) throw new Error('The test database is not open yet (use the harness inside tests).');
    return opened.handle.db;
  };

  beforeAll(async () => {
    opened = await openFreshDatabase(backend === 'embedded' ? inject('embeddedPostgresUrl') : postgresUrl);
    await applyMigrations(opened.handle.db);
    server = createApolloServer({ log });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await opened?.close();
  });

  const harness: Harness = {
    backend,
    logs,
    get db() {
      return db();
    },
    context: (viewer) => ({ db: db(), log, viewer }),
    gql: (query, variables = {}, viewer = null) => harness.execute(query, variables, harness.context(viewer)),
    async execute(query, variables, contextValue) {
      const response = await server!.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('Incremental responses are not used here.');
      return { data: response.body.singleResult.data as never, errors: response.body.singleResult.errors };
    },
    async http(body, headers = {}) {
      const headerMap = new HeaderMap([['content-type', 'application/json'], ...Object.entries(headers)]);
      const response = await server!.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: headerMap, search: '', body },
        context: () => buildRequestContext(db(), log, new Headers([...headerMap])),
      });
      if (response.body.kind !== 'complete') throw new Error('Chunked responses are not used here.');
      return { status: response.status ?? 200, body: JSON.parse(response.body.string) };
    },
    async user(name, email) {
      const address = email ?? `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.org`;
      // One scrypt hash for every test user: at today's cost (N=2^17) hashing per user would dominate the suite.
      testPasswordHash ??= hashPassword('correct horse battery');
      const user = await createPasswordAccount(harness.context(null), { email: address, name, passwordHash: await testPasswordHash });
      return { userId: user.id, email: user.email, name: user.name, via: 'session' };
    },
    query: (text, params) => opened!.handle.pool.query(text, params),
    async counts(...tables) {
      const out: Record<string, number> = {};
      for (const table of tables) {
        const result = await opened!.handle.pool.query(`select count(*)::int as n from ${table}`);
        out[table] = result.rows[0].n;
      }
      return out;
    },
  };
  return harness;
}

/**
 * Defines the same tests once per backend. The PostgreSQL variant is skipped, visibly, when no server
 * answers at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); with CI=true it fails.
 */
export async function forEachBackend(title: string, define: (h: Harness) => void): Promise<void> {
  describe(`${title} [embedded]`, () => define(useHarness('embedded')));
  const unavailable = await postgresUnavailable();
  if (unavailable && env.CI) {
    // CI promises both databases: an unreachable one is a failure, not a quiet skip.
    describe(`${title} [postgres]`, () => {
      it('reaches PostgreSQL at TEST_DATABASE_URL', () => {
        throw new Error(`PostgreSQL variant cannot run in CI: ${unavailable}`);
      });
    });
  } else if (unavailable) {
    console.warn(`[integration] PostgreSQL variant skipped: ${unavailable}`);
    describe.skip(`${title} [postgres skipped: ${unavailable}]`, () => define(useHarness('postgres')));
  } else {
    describe(`${title} [postgres]`, () => define(useHarness('postgres')));
  }
}

/** The message and code of the first error, for compact assertions. */
export function firstError(result: GraphQLResult): { message: string; code: unknown; field?: unknown } | undefined {
  const e = result.errors?.[0];
  return e && { message: e.message, code: e.extensions?.code, field: e.extensions?.field };
}
