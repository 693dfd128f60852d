import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Static value imports of a TypeScript module (type-only imports and dynamic import() load nothing). */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue; // `import type …` / `export type …`
    if (m[1] === 'export' && !m[3]) continue;
    specifiers.push(m[4]);
  }
  return specifiers;
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(root, from)}: cannot resolve '${specifier}'`);
}

/** Every package a module loads, directly or through the repo's own modules, with the path that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...trail, path.relative(root, file)];
    for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
      const target = resolve(file, specifier);
      if (target) visit(target, here);
      else if (!reached.has(specifier)) reached.set(specifier, here);
    }
  };
  visit(path.join(root, entry), []);
  return reached;
}

describe('compute-api: what the server loads from compute', () => {
  it('the test itself sees a module that does load TensorFlow.js', () => {
    expect([...packagesReached('compute/training/trainer.ts').keys()]).toContain('@tensorflow/tfjs');
  });

  it("the runs domain's compute gateway loads no TensorFlow.js (only workers do, through loadTrainer)", () => {
    const heavy = [...packagesReached('server/runs/compute-api.ts')].filter(([pkg]) => pkg.startsWith('@tensorflow/'));
    expect(heavy.map(([pkg, trail]) => `${pkg} via ${trail.join(' → ')}`)).toEqual([]);
  });
});
