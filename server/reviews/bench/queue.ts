/**
 * `npm run bench:reviews`: reviewQueue page times at 20,000 candidate edges on the embedded database
 * (the embedded PostgreSQL, as `npm start` runs without DATABASE_URL). Seeds a project whose run has 20,000 inferred edges
 * among 150 genes, a 2,000-edge prior, a 1,000-edge gold standard and 2,000 reviewed edges, then times
 * pages: first, deep (the last one), filtered by gene, by status, and novel ∩ in-gold. Prints p50/p95.
 *
 * Options: --edges N (default 20000), --reps N (default 30), --explain (print the page query's plan).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyMigrations, connectDatabase } from '@/db/client';
import { startEmbeddedPostgres } from '@/db/embedded';
import { inferredEdges, memberships } from '@/db/schema';
import { sql } from 'drizzle-orm';
import { signUp } from '@/server/accounts/service';
import type { ServiceContext } from '@/server/context';
import { uploadDataset } from '@/server/datasets/service';
import { importGoldStandard } from '@/server/gold-standards/service';
import { createLogger } from '@/server/log';
import { importPrior } from '@/server/priors/service';
import { createProject } from '@/server/projects/service';
import { launchRun } from '@/server/runs/service';
import { markSucceededUntrained } from '@/server/runs/writes';
import { reviewQueue } from '../queue';
import { bulkSetVerdict } from '../service';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const edgeCount = option('edges', 20_000);
const reps = option('reps', 30);

/** Deterministic pseudo-random numbers, so every run of the bench seeds the same data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
  // A throwaway server under the system's temp folder (as root the server runs as `postgres`, which must reach it).
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-bench-reviews-'));
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), passwordFile: path.join(root, 'pg-password'), durable: false });
  const handle = connectDatabase(embedded.url, { max: 4 });
  const log = { ...createLogger('bench'), info: () => {}, debug: () => {} };
  try {
    await applyMigrations(handle.db);
    const base: ServiceContext = { db: handle.db, log, viewer: null };
    const owner = await signUp(base, { email: 'owner@bench.test', name: 'Owner', password: 'correct horse battery' });
    const editor = await signUp(base, { email: 'editor@bench.test', name: 'Editor', password: 'correct horse battery' });
    const ctx: ServiceContext = { ...base, viewer: { userId: owner.id, email: owner.email, name: owner.name, via: 'session' } };
    const editorCtx: ServiceContext = { ...base, viewer: { userId: editor.id, email: editor.email, name: editor.name, via: 'session' } };
    const project = await createProject(ctx, { name: 'Bench' });
    // Membership written directly: this times the queue, it does not exercise invitations.
    await handle.db.insert(memberships).values({ projectId: project.id, userId: editor.id, role: 'editor' });

    const genes = Array.from({ length: 150 }, (_, i) => `G${String(i).padStart(3, '0')}`);
    const tidy = [
      'gene,trajectory,time,value',
      ...['t1', 't2'].flatMap((t) => [0, 1].flatMap((time) => genes.map((g, i) => `${g},${t},${time},${(i % 7) / 10 + time}`))),
    ].join('\n');
    const dataset = await uploadDataset(ctx, { projectId: project.id, name: 'Bench data', format: 'tidy-csv', data: tidy });
    const random = lcg(42);
    const pairs: [string, string][] = [];
    for (const r of genes) for (const t of genes) if (r !== t) pairs.push([r, t]);
    for (let i = pairs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
    }
    const chosen = pairs.slice(0, edgeCount);
    const prior = await importPrior(ctx, {
      projectId: project.id,
      name: 'Bench prior',
      format: 'edge_list',
      text:
        'regulator,target,sign\n' +
        chosen
          .slice(0, 2000)
          .map(([r, t]) => `${r},${t},1`)
          .join('\n'),
    });
    const gold = await importGoldStandard(ctx, {
      projectId: project.id,
      name: 'Bench gold',
      text: chosen
        .filter((_, i) => i % 20 === 0)
        .map(([r, t]) => `${r},${t}`)
        .join('\n'),
    });
    const run = await launchRun(ctx, {
      projectId: project.id,
      datasetId: dataset.id,
      priorVersionId: prior.headVersionId!,
      strategy: 'dash',
      hyperparameters: { epochs: 2 },
    });
    await markSucceededUntrained(handle.db, run.id);
    const effects = chosen.map(([regulator, target]) => ({ regulator, target, effect: (random() - 0.5) * 2 }));
    effects.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
    for (let i = 0; i < effects.length; i += 5000) {
      await handle.db.insert(inferredEdges).values(effects.slice(i, i + 5000).map((e, k) => ({ runId: run.id, ...e, rank: i + k + 1 })));
    }
    // 2,000 reviewed edges spread over the ranking: accepted, rejected, needs evidence, and disputed ones.
    const reviewed = effects.filter((_, i) => i % 10 === 0).slice(0, 2000);
    const verdicts = ['accepted', 'rejected', 'needs_evidence'] as const;
    for (let i = 0; i < reviewed.length; i += 500) {
      const batch = reviewed.slice(i, i + 500);
      const verdict = verdicts[(i / 500) % 3];
      await bulkSetVerdict(editorCtx, {
        projectId: project.id,
        runId: run.id,
        verdict,
        reason: verdict === 'rejected' ? 'no_relation' : null,
        edges: batch.map((e) => ({ regulator: e.regulator, target: e.target, expectedVersion: 0 })),
      });
    }
    await bulkSetVerdict(ctx, {
      projectId: project.id,
      verdict: 'rejected',
      reason: 'indirect',
      edges: reviewed.slice(0, 300).map((e) => ({ regulator: e.regulator, target: e.target, expectedVersion: 1 })),
    });
    await handle.db.execute(sql`analyze`);

    const scenarios: [string, Parameters<typeof reviewQueue>[1]][] = [
      ['first page (50)', { projectId: project.id, runId: run.id }],
      [`deep page (offset ${edgeCount - 50})`, { projectId: project.id, runId: run.id, offset: edgeCount - 50 }],
      ['gene filter', { projectId: project.id, runId: run.id, filter: { gene: 'G042' } }],
      ['status REJECTED+DISPUTED', { projectId: project.id, runId: run.id, filter: { statuses: ['rejected', 'disputed'] } }],
      ['unreviewed, page 100', { projectId: project.id, runId: run.id, filter: { statuses: ['unreviewed'] }, offset: 5000, limit: 50 }],
      ['novel ∩ in gold', { projectId: project.id, runId: run.id, filter: { novelty: 'novel', goldStandardId: gold.id, inGold: true } }],
    ];
    console.log(`reviewQueue on the embedded PostgreSQL: ${edgeCount} inferred edges, ${reviewed.length} reviewed, ${reps} repetitions each`);
    for (const [name, input] of scenarios) {
      const first = await reviewQueue(ctx, input);
      const times: number[] = [];
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        await reviewQueue(ctx, input);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${name.padEnd(30)} p50 ${quantile(times, 0.5).toFixed(1).padStart(6)} ms   p95 ${quantile(times, 0.95).toFixed(1).padStart(6)} ms   (total ${first.total}, reviewed ${first.reviewed}, items ${first.items.length})`,
      );
    }
    if (args.includes('--explain')) {
      const plan = await handle.db.execute<{ 'QUERY PLAN': string }>(sql`explain analyze
        select ie.regulator, ie.target, ie.effect, re.status, re.version, pe.version_id is not null as in_prior from inferred_edges ie
        left join edge_reviews re on re.project_id = ${project.id} and re.regulator = ie.regulator and re.target = ie.target
        left join prior_edges pe on pe.version_id = ${prior.headVersionId} and pe.regulator = ie.regulator and pe.target = ie.target
        where ie.run_id = ${run.id} order by ie.rank offset 0 limit 50`);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  } finally {
    await handle.close();
    await embedded.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
