import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * compute has two front doors (compute/README.md, "Front doors"): compute/index.ts (light: config,
 * registries, formats, metrics, effects; no TensorFlow.js, no Node built-ins) and compute/train.ts
 * (heavy: training). The server, the app, the scripts and the tests reach compute through them alone.
 */
const root = path.resolve(__dirname, '..');
const FRONT_DOORS = ['compute/index.ts', 'compute/train.ts'];
const OUTSIDE_COMPUTE = ['server', 'app', 'scripts', 'tests', 'db'];

/** Every module specifier a source names: static and type imports, re-exports, import() and vi.mock(). */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\b(?:import|vi\.mock)\s*\(\s*['"]([^'"]+)['"]/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** The repo path (no extension) a specifier names, or null for a package. */
function targetOf(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}

/** `from` → specifier for every import of compute that is not one of its front doors. */
function importsPastFrontDoors(files: readonly { file: string; source: string }[]): string[] {
  const doors = new Set(FRONT_DOORS.flatMap((d) => [d, d.replace(/\.ts$/, ''), ...(d.endsWith('/index.ts') ? [path.posix.dirname(d)] : [])]));
  const bad: string[] = [];
  for (const { file, source } of files) {
    for (const specifier of specifiersOf(source)) {
      const target = targetOf(file, specifier);
      if (target && (target === 'compute' || target.startsWith('compute/')) && !doors.has(target)) bad.push(`${file} → ${specifier}`);
    }
  }
  return bad;
}

function sourcesUnder(dir: string): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(root, relative))) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const child = path.posix.join(relative, name);
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (/\.(ts|tsx|mts)$/.test(name)) out.push({ file: child, source: readFileSync(path.join(root, child), 'utf8') });
    }
  };
  if (existsSync(path.join(root, dir))) walk(dir);
  return out;
}

/** Static value imports (type-only imports and import() load nothing when the module loads). */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue;
    if (m[1] === 'export' && !m[3]) continue;
    specifiers.push(m[4]);
  }
  return specifiers;
}

function resolveFile(from: string, specifier: string): string | null {
  const target = targetOf(from, specifier);
  if (target === null) return null;
  for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) if (existsSync(path.join(root, candidate))) return candidate;
  throw new Error(`${from}: cannot resolve '${specifier}'`);
}

/** Every package a module loads, directly or through the repo's own modules, with the path that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...trail, file];
    for (const specifier of valueImports(readFileSync(path.join(root, file), 'utf8'))) {
      const target = resolveFile(file, specifier);
      if (target) visit(target, here);
      else if (!reached.has(specifier)) reached.set(specifier, here);
    }
  };
  visit(entry, []);
  return reached;
}

const heavyPackages = (entry: string) =>
  [...packagesReached(entry)]
    .filter(([pkg]) => pkg.startsWith('@tensorflow/') || pkg.startsWith('node:') || ['fs', 'path', 'os', 'worker_threads', 'child_process'].includes(pkg))
    .map(([pkg, trail]) => `${pkg} via ${trail.join(' → ')}`);

describe('the walker', () => {
  it('flags a planted import of compute past its front doors, in every spelling', () => {
    const planted = [
      { file: 'server/x/a.ts', source: "import { quoteCell } from '@/compute/formats/csv';" },
      { file: 'app/p/b.tsx', source: "import type { SquareMatrix } from '../../compute/types';" },
      { file: 'server/x/c.ts', source: "const t = await import('@/compute/training/trainer');" },
      { file: 'scripts/d.ts', source: "export { train } from '../compute/training/trainer';" },
      { file: 'tests/e.ts', source: "vi.mock('@/compute/backend');" },
    ];
    expect(importsPastFrontDoors(planted)).toEqual([
      'server/x/a.ts → @/compute/formats/csv',
      'app/p/b.tsx → ../../compute/types',
      'server/x/c.ts → @/compute/training/trainer',
      'scripts/d.ts → ../compute/training/trainer',
      'tests/e.ts → @/compute/backend',
    ]);
  });

  it('lets the front doors and non-compute modules through', () => {
    const fine = [
      { file: 'server/x/a.ts', source: "import { quoteCell, type SquareMatrix } from '@/compute';\nimport { train } from '@/compute/train';" },
      { file: 'app/p/b.tsx', source: "import { x } from '../../compute';\nimport { y } from '@/server/computed';\nimport 'zod';" },
      { file: 'scripts/c.ts', source: "const { train } = await import('../compute/train');" },
    ];
    expect(importsPastFrontDoors(fine)).toEqual([]);
  });

  it('sees TensorFlow.js behind a module that loads it', () => {
    expect(heavyPackages('compute/training/trainer.ts').some((p) => p.startsWith('@tensorflow/tfjs '))).toBe(true);
    expect(heavyPackages('compute/train.ts').some((p) => p.startsWith('@tensorflow/'))).toBe(true);
  });
});

describe('compute front doors', () => {
  it(`${OUTSIDE_COMPUTE.join(', ')} import compute only through ${FRONT_DOORS.join(' and ')}`, () => {
    const files = OUTSIDE_COMPUTE.flatMap(sourcesUnder);
    expect(files.length).toBeGreaterThan(100);
    expect(importsPastFrontDoors(files)).toEqual([]);
  });

  it('the light door loads neither TensorFlow.js nor Node built-ins (the browser and API processes import it)', () => {
    expect(heavyPackages('compute/index.ts')).toEqual([]);
  });
});
