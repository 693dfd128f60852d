/**
 * `npm run bench:web [-- --database embedded|postgres|both --users 50 --seconds 20 --think-ms 1000 --cpu-profile]`: concurrent
 * signed-in users on the main reads of the production build (issue 14, item 3), on the embedded PostgreSQL and
 * on PostgreSQL 15 (TEST_DATABASE_URL). Loopback only, bounded in time and in requests. Two loads, each for
 * `seconds`: closed-loop users with no pause between reads (saturation: the server's throughput, every user
 * always waiting), then users who pause between reads like people do (exponentially distributed around
 * `think-ms`; 0 skips this load). For where the time goes, each read is also timed one at a time through HTTP
 * and in-process (schema + services + database, no HTTP, no Next). A benchmark, not a test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { print } from 'graphql';
import { PROJECT_OVERVIEW } from '@/app/projects/[projectId]/overview/types';
import { REVIEW_QUEUE } from '@/app/projects/[projectId]/reviews/types';
import { RUNS } from '@/app/projects/[projectId]/runs/types';
import { applyMigrations, connectDatabase, schema, type Database } from '@/db/client';
import { startEmbeddedPostgres } from '@/db/embedded';
import { signUp } from '@/server/accounts/service';
import type { Viewer } from '@/server/context';
import { seedDemo } from '@/server/demo/seed';
import { env } from '@/server/env';
import { createApolloServer } from '@/server/graphql/server';
import type { Logger } from '@/server/log';
import { freshDatabase, percentile, row, signedInUser, startBenchApp, type BenchUser } from './app';

const { values: flags } = parseArgs({
  options: {
    database: { type: 'string', default: 'both' },
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    'think-ms': { type: 'string', default: '1000' },
    'cpu-profile': { type: 'boolean', default: false },
  },
  strict: true,
});
const users = Math.min(200, Math.max(1, Number(flags.users)));
const seconds = Math.min(120, Math.max(1, Number(flags.seconds)));
/** The review page's page size (PAGE_SIZE in reviews/queue-params.ts, a client module this script cannot load). */
const QUEUE_PAGE_SIZE = 50;
const thinkMs = Math.min(60_000, Math.max(0, Number(flags['think-ms'])));
const maxRequests = 100_000;

const NETWORK = `query($id: ID!, $input: RunNetworkInput) { run(id: $id) { network(input: $input) {
  totalEdges matchingEdges truncated nodes { id isFocus inDegree outDegree }
  edges { regulator target effect sign rank priorSupported gold } goldEdges { regulator target predicted shown } } } }`;
const EDGES = `query($id: ID!, $offset: Int) { priorVersion(id: $id) { edges(offset: $offset, limit: 25) { total offset edges { regulator target sign weight evidence } } } }`;

interface Read {
  name: string;
  query: string;
  variables(): Record<string, unknown>;
}

interface Fixture {
  reads: Read[];
  viewers: { email: string; password: string; viewer: Viewer }[];
}

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The demo project (SIM350, trained runs) and `users` accounts that are its viewers. */
async function prepare(db: Database): Promise<Fixture> {
  await applyMigrations(db);
  const ownerEmail = `bench.owner.${Date.now()}@bench.example`;
  const owner = await signUp({ db, log: quiet, viewer: null }, { email: ownerEmail, name: 'Bench owner', password: 'bench password 1234' });
  const { projectId } = await seedDemo(db, { log: quiet, owner: { userId: owner.id, email: owner.email, name: owner.name, via: 'session' } });
  const [run] = (await db.execute(sql`select id from runs where project_id = ${projectId} and status = 'succeeded' order by created_at limit 1`)).rows as {
    id: string;
  }[];
  const [gold] = (await db.execute(sql`select id from gold_standards where project_id = ${projectId} limit 1`)).rows as { id: string }[];
  const [version] = (
    await db.execute(sql`select v.id, v.edge_count from prior_versions v join prior_networks p on p.id = v.prior_id where p.project_id = ${projectId} limit 1`)
  ).rows as { id: string; edge_count: number }[];
  // The run the demo's review loop is under way on (the most reviewed edges): its queue is the review page's.
  const [reviewed] = (
    await db.execute(sql`select r.id from runs r where r.project_id = ${projectId} and r.status = 'succeeded'
      order by (select count(*) from review_verdicts v where v.run_id = r.id) desc, r.created_at limit 1`)
  ).rows as { id: string }[];
  if (!run || !version || !reviewed) throw new Error('the demo seed has no finished run or prior version');
  const viewers: Fixture['viewers'] = [];
  for (let i = 0; i < users; i++) {
    const email = `bench${i}.${Date.now()}@bench.example`;
    const password = 'bench password 1234';
    const user = await signUp({ db, log: quiet, viewer: null }, { email, name: `Bench ${i}`, password });
    // Membership written directly: this sets up a benchmark, it does not exercise invitations.
    await db.insert(schema.memberships).values({ projectId, userId: user.id, role: 'viewer' });
    viewers.push({ email, password, viewer: { userId: user.id, email, name: user.name, via: 'session' } });
  }
  const reads: Read[] = [
    { name: 'project page', query: print(PROJECT_OVERVIEW), variables: () => ({ id: projectId }) },
    { name: 'runs list', query: print(RUNS), variables: () => ({ projectId }) },
    { name: 'run network, top 200', query: NETWORK, variables: () => ({ id: run.id, input: { topK: 200, ...(gold ? { goldStandardId: gold.id } : {}) } }) },
    {
      name: 'prior edge page',
      query: EDGES,
      variables: () => ({ id: version.id, offset: 25 * Math.floor(Math.random() * Math.max(1, version.edge_count / 25)) }),
    },
    {
      // As the review page asks for it (review-queue.tsx): the kept model's queue, no filter, first page.
      name: 'review queue, page 1',
      query: print(REVIEW_QUEUE),
      variables: () => ({
        projectId,
        runId: reviewed.id,
        level: null,
        filter: { statuses: null, gene: null, novelty: null, goldStandardId: null, inGold: null },
        order: 'EFFECT',
        offset: 0,
        limit: QUEUE_PAGE_SIZE,
      }),
    },
  ];
  return { reads, viewers };
}

async function post(url: string, user: BenchUser, read: Read): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: user.cookie },
    body: JSON.stringify({ query: read.query, variables: read.variables() }),
  });
  const body = (await res.json()) as { errors?: { message: string }[] };
  if (!res.ok || body.errors) throw new Error(`${read.name}: HTTP ${res.status} ${JSON.stringify(body.errors)}`);
  return performance.now() - t0;
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
};

/** Each read `n` times in a row through the in-process Apollo server: the part that is ours plus the database. */
async function inProcess(db: Database, fixture: Fixture, n: number): Promise<Map<string, number>> {
  const server = createApolloServer({ log: quiet });
  await server.start();
  const out = new Map<string, number>();
  for (const read of fixture.reads) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await server.executeOperation(
        { query: read.query, variables: read.variables() },
        { contextValue: { db, log: quiet, viewer: fixture.viewers[0].viewer } as never },
      );
      if (r.body.kind === 'single' && r.body.singleResult.errors) throw new Error(`${read.name}: ${JSON.stringify(r.body.singleResult.errors)}`);
      times.push(performance.now() - t0);
    }
    out.set(read.name, stats(times).p50);
  }
  await server.stop();
  return out;
}

interface Load {
  byRead: Map<string, number[]>;
  sent: number;
  errors: number;
  wall: number;
}

/** A pause drawn from the exponential distribution of mean `mean` ms (people's pauses between reads; 0: none). */
const pause = (mean: number) => (mean > 0 ? new Promise((r) => setTimeout(r, -mean * Math.log(1 - Math.random()))) : null);

/** Every user reads in turn for `seconds`, pausing `think` ms on average between reads. */
async function load(url: string, sessions: BenchUser[], fixture: Fixture, think: number): Promise<Load> {
  const byRead = new Map<string, number[]>(fixture.reads.map((r) => [r.name, []]));
  let sent = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    sessions.map(async (user, u) => {
      // Users start spread over one pause, not all at once.
      if (think > 0) await new Promise((r) => setTimeout(r, Math.random() * think));
      for (let i = u; performance.now() < deadline && sent < maxRequests; i++) {
        const read = fixture.reads[i % fixture.reads.length];
        sent++;
        try {
          byRead.get(read.name)!.push(await post(url, user, read));
        } catch {
          errors++;
        }
        await pause(think);
      }
    }),
  );
  return { byRead, sent, errors, wall: (performance.now() - started) / 1000 };
}

function report(title: string, fixture: Fixture, run: Load, single: Map<string, number>, ours: Map<string, number>): string[] {
  const lines = [`\n${title}: ${seconds} s, ${run.sent} requests (${run.errors} errors), ${(run.sent / run.wall).toFixed(0)} requests/s\n`];
  lines.push(row(['read', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'goal p95', 'alone over HTTP p50 ms', 'in-process p50 ms']));
  lines.push(row(['---', '---', '---', '---', '---', '---', '---', '---', '---']));
  const all: number[] = [];
  for (const read of fixture.reads) {
    const ms = run.byRead.get(read.name)!;
    all.push(...ms);
    const s = stats(ms);
    lines.push(row([read.name, s.n, s.n / run.wall, s.p50, s.p95, s.p99, goal(s.p95), single.get(read.name)!, ours.get(read.name)!]));
  }
  const s = stats(all);
  lines.push(row(['all', s.n, s.n / run.wall, s.p50, s.p95, s.p99, goal(s.p95), '', '']));
  return lines;
}

const goal = (p95: number) => `< 100 ms ${p95 < 100 ? '✓' : '✗'}`;

async function measure(label: string, serverUrl: string): Promise<string[]> {
  const database = await freshDatabase(serverUrl);
  const handle = connectDatabase(database.url, { max: 4 });
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof startBenchApp>> | null = null;
  try {
    const fixture = await prepare(handle.db);
    // --cpu-profile: every process of the app writes a CPU profile when it exits (scripts/bench/cpu-profile.cjs).
    app = await startBenchApp(database.url, undefined, flags['cpu-profile'] ? `--require ${path.resolve('scripts/bench/cpu-profile.cjs')}` : undefined);
    const sessions: BenchUser[] = [];
    for (const v of fixture.viewers) sessions.push(await signedInUser(app.url, v.email, v.password));

    const single = new Map<string, number>();
    for (const read of fixture.reads) {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) times.push(await post(app.url, sessions[0], read));
      single.set(read.name, stats(times).p50);
    }
    const ours = await inProcess(handle.db, fixture, 30);

    lines.push(
      ...report(`${label}, saturation: ${users} closed-loop users, no pause between reads`, fixture, await load(app.url, sessions, fixture, 0), single, ours),
    );
    if (thinkMs > 0) {
      const paced = await load(app.url, sessions, fixture, thinkMs);
      lines.push(...report(`${label}, ${users} users pausing ${thinkMs} ms on average between reads`, fixture, paced, single, ours));
    }
  } finally {
    await app?.stop();
    await handle.close();
    await database.drop();
  }
  return lines;
}

async function main(): Promise<void> {
  const out: string[] = [`bench:web — production build (next start), loopback, ${os.cpus().length} CPU cores shared by server, database and load generator`];
  if (flags.database === 'embedded' || flags.database === 'both') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-bench-web-'));
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), passwordFile: path.join(root, 'pg-password') });
    try {
      out.push(...(await measure('embedded PostgreSQL 18', server.url)));
    } finally {
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  if (flags.database === 'postgres' || flags.database === 'both') {
    out.push(...(await measure('PostgreSQL 15 (TEST_DATABASE_URL)', env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')));
  }
  console.log(out.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
