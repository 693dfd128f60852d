/**
 * `npm test`: lint, typecheck, unit, integration and end-to-end tests in that order, all of them even when one fails,
 * then one last line `N passed, N failed[, N skipped]` and a non-zero exit when anything failed.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childProcessEnv, env } from '@/server/env';
import { runToEnd } from './lib/processes';
import { enforceCiFloor, playwrightCounts, vitestCounts, type Counts } from './lib/test-counts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const tscBin = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const biomeBin = path.join(path.dirname(require.resolve('@biomejs/biome/package.json')), 'bin', 'biome');
const playwrightBin = path.join(path.dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
// Report files named per run: another `npm test` in the same checkout must not overwrite the counts we read.
const reports = path.join(root, '.test-data', 'reports', `run-${process.pid}`);

interface Stage {
  name: string;
  /** Tests this stage had when the floor was last raised (less a margin); CI fails below it. */
  minimum: number;
  run(): Promise<Counts>;
}

function vitestStage(project: 'unit' | 'integration', minimum: number): Stage {
  const report = path.join(reports, `${project}.json`);
  return {
    name: `vitest ${project}`,
    minimum,
    async run() {
      const args = [vitestBin, 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
      return vitestCounts(report, await runToEnd(args, childProcessEnv({ NODE_ENV: 'test' })));
    },
  };
}

/** A check that passes or fails as a whole: one test in the summary line. */
function commandStage(name: string, args: string[], failure: string): Stage {
  return {
    name,
    minimum: 1,
    async run() {
      const code = await runToEnd(args, childProcessEnv({}));
      return code === 0 ? { passed: 1, failed: 0, skipped: 0, notes: [] } : { passed: 0, failed: 1, skipped: 0, notes: [failure] };
    },
  };
}

/** Biome's linter (biome.jsonc): errors fail the run; warnings are printed and pass. */
const lintStage = commandStage('lint', [biomeBin, 'lint', '--config-path', root, root], 'biome lint reported errors (see above; `npm run lint`)');

/** `next build` skips type errors (so a half-finished file elsewhere never blocks `npm start`); they fail here. */
const typecheckStage = commandStage('typecheck', [tscBin, '--noEmit', '-p', root], 'tsc --noEmit reported type errors (see above)');

const e2eStage: Stage = {
  name: 'playwright e2e',
  minimum: 22,
  async run() {
    const report = path.join(reports, 'e2e.json');
    return playwrightCounts(report, await runToEnd([playwrightBin, 'test'], childProcessEnv({ GRN_E2E_REPORT: report })));
  },
};

async function main(): Promise<void> {
  fs.mkdirSync(reports, { recursive: true });
  process.on('exit', () => fs.rmSync(reports, { recursive: true, force: true }));
  const results: [string, Counts][] = [];
  // Floors (December 2026): unit 271, integration 601 (both database variants), e2e 14.
  for (const stage of [lintStage, typecheckStage, vitestStage('unit', 470), vitestStage('integration', 1150), e2eStage]) {
    console.log(`\n=== ${stage.name} ===\n`);
    const counts = await stage.run();
    results.push([stage.name, env.CI ? enforceCiFloor(counts, stage.minimum) : counts]);
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  console.log('\n=== summary ===');
  for (const [name, c] of results) {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    console.log(`${name.padEnd(18)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    for (const note of c.notes) console.log(`  ! ${note}`);
  }
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed > 0 ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
