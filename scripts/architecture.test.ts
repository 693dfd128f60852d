import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasDeepImports } from './codemods/alias-imports';
import { repoRoot, sourceFiles } from './lib/import-graph';
import {
  domainsImportedBy,
  domainTies,
  filesImportedAcross,
  layerViolations,
  serverOnlyLeaks,
  tableWritersOtherThan,
  tsxEntryPoints,
  type Sources,
} from './lib/layers';

/** Every TypeScript source of the repository, by path relative to its root. */
function treeSources(): Map<string, string> {
  const files = sourceFiles(repoRoot, ['app', 'server', 'db', 'compute', 'scripts', 'tests']);
  files.push(path.join(repoRoot, 'proxy.ts'));
  return new Map(files.map((f) => [path.relative(repoRoot, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]));
}

const planted = (extra: Record<string, string>): Sources =>
  new Map(
    Object.entries({
      'db/client.ts': "import pg from 'pg';\n",
      'server/db.ts': "import 'server-only';\nimport { connect } from '@/db/client';\n",
      'server/runs/service.ts': "import { getDatabase } from '../db';\n",
      'compute/model/ode.ts': "import * as tf from '@tensorflow/tfjs';\n",
      'app/page.tsx': "import { listRuns } from '@/server/runs/service';\n",
      ...extra,
    }),
  );

describe('architecture: the layer rules', () => {
  it('the rules find each kind of planted violation, and nothing in a clean tree', () => {
    expect(layerViolations(planted({}))).toEqual([]);
    expect(
      layerViolations(
        planted({
          'compute/metrics.ts':
            "import type { Database } from '@/db/client';\nimport { useState } from 'react';\nconst m = await import('../server/runs/service');\n",
          'db/seed.ts': "import { listRuns } from '../server/runs/service';\n",
          'server/x.ts': "export { Page } from '@/app/page';\n",
          'app/other.tsx': "import { connect } from '@/db/client';\n",
        }),
      ),
    ).toEqual([
      'compute/metrics.ts (compute) → ../server/runs/service',
      'compute/metrics.ts (compute) → @/db/client',
      'compute/metrics.ts (compute) → react',
      'db/seed.ts (db) → ../server/runs/service',
      'server/x.ts (server) → @/app/page',
    ]);
  });

  it('app → server → db one way; compute imports nothing from db, server, app, Next or React', () => {
    expect(layerViolations(treeSources())).toEqual([]);
  });
});

describe('architecture: server domains', () => {
  it('finds two domains that import each other, and what a folder depends on', () => {
    const sources = planted({
      'server/projects/service.ts': "import { recordAudit } from '../audit/service';\nimport { builder } from '../graphql/builder';\n",
      'server/audit/service.ts': "import type { ProjectRole } from '@/server/projects/service';\n",
      'server/graphql/schema.ts': "import '../projects/service';\n",
    });
    expect(domainTies(sources)).toEqual(['audit ↔ projects']);
    expect(domainsImportedBy(sources, 'projects')).toEqual(['audit', 'graphql']);
  });

  it('authorisation (server/authz) depends on no domain', () => {
    expect(domainsImportedBy(treeSources(), 'authz')).toEqual([]);
  });

  // A ratchet: these ties exist (issue 13 broke projects ↔ audit and projects ↔ accounts); a new one fails
  // here, and breaking one of these means deleting its line.
  it('no two domains import each other, beyond the ties known today', () => {
    expect(domainTies(treeSources())).toEqual(['datasets ↔ uploads', 'gold-standards ↔ uploads', 'priors ↔ uploads', 'reviews ↔ runs']);
  });
});

describe('architecture: runs, their definition and their execution', () => {
  // server/runs (the API: schema, services, store) knows nothing of how runs are executed; the worker
  // (server/run-execution) reads and writes runs through the definition's store, never its schema or services.
  it('server/runs imports nothing from server/run-execution', () => {
    expect(domainsImportedBy(treeSources(), 'runs')).not.toContain('run-execution');
  });

  it('server/run-execution uses only the store-side modules of server/runs', () => {
    expect(filesImportedAcross(treeSources(), 'run-execution', 'runs')).toEqual([
      'server/runs/code-version.ts',
      'server/runs/liveness.ts',
      'server/runs/scores.ts',
      'server/runs/store.ts',
      'server/runs/writes.ts',
    ]);
  });

  it('finds writes to the runs table in drizzle and in SQL text, and leaves reads, other tables and tests alone', () => {
    const sources = planted({
      'server/runs/writes.ts': 'await db.update(runs).set({ status });\n',
      'server/a.ts': 'await tx\n  .update(runs)\n  .set({ status });\n',
      'server/b.ts': 'await tx.insert(schema.runs).values(row);\n',
      'server/c.ts': 'await db.delete( runs ).where(x);\n',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text planted for the rule, not a template
      'server/d.ts': 'await tx.execute(sql`UPDATE ${runs} SET status = 1`);\n',
      'scripts/e.ts': 'await h.query(`delete from runs where id = $1`, [id]);\n',
      'server/reads.ts': 'await db.select().from(runs);\nawait tx.update(runEpochs).set({});\nawait tx.insert(runsArchive).values(r);\n',
      'server/prose.ts': '// update run_epochs here; select from runs\n',
      'server/x.test.ts': 'await db.update(runs).set({ status });\n',
      'tests/integration/f.test.ts': "await h.query(`update runs set status = 'succeeded'`);\n",
    });
    expect(tableWritersOtherThan(sources, 'runs', 'server/runs/writes.ts')).toEqual([
      'scripts/e.ts',
      'server/a.ts',
      'server/b.ts',
      'server/c.ts',
      'server/d.ts',
    ]);
  });

  it('one module writes the runs table: server/runs/writes.ts', () => {
    const sources = treeSources();
    expect(tableWritersOtherThan(sources, 'runs', 'server/runs/writes.ts')).toEqual([]);
    // The owner itself is found by the same rule, so the rule is not passing for want of matching anything.
    expect(tableWritersOtherThan(sources, 'runs', 'none')).toEqual(['server/runs/writes.ts']);
  });
});

describe('architecture: server-only modules stay out of client bundles and tsx scripts', () => {
  it('finds a client module and a script that reach a server-only module, and the path', () => {
    const sources = planted({
      'app/widget.tsx': "'use client';\nimport { listRuns } from '@/server/runs/service';\n",
      'app/typed.tsx': "'use client';\nimport type { RunRecord } from '@/server/runs/service';\n",
      'scripts/worker.ts': "import { listRuns } from '../server/runs/service';\n",
    });
    expect(serverOnlyLeaks(sources, ['scripts/worker.ts'])).toEqual([
      'app/widget.tsx → server/runs/service.ts → server/db.ts',
      'scripts/worker.ts → server/runs/service.ts → server/db.ts',
    ]);
  });

  it('no client component and no `npm run` tsx script loads a server-only module', () => {
    const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const scripts = tsxEntryPoints(packageJson);
    expect(scripts).toContain('scripts/start.ts');
    expect(scripts).toContain('scripts/worker.ts');
    expect(serverOnlyLeaks(treeSources(), scripts)).toEqual([]);
  });

  it('the pool and the Next entry points are marked server-only', () => {
    const sources = treeSources();
    for (const file of ['server/db.ts', 'server/auth/session.ts', 'server/auth/handler.ts', 'server/graphql/handler.ts']) {
      expect(sources.get(file), file).toMatch(/^import 'server-only';$/m);
    }
  });
});

describe('architecture: imports name the repository root', () => {
  it('no import climbs two or more folders (`npm run codemod:alias-imports` rewrites them to @/)', () => {
    const deep = [...treeSources()].filter(([file, source]) => aliasDeepImports(file, source).rewritten > 0).map(([file]) => file);
    expect(deep).toEqual([]);
  });
});
