import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's own import graph, read from the sources with a regular expression (no compiler):
 * enough for the architecture test's layer rules and for what a module loads at run time.
 */

export const repoRoot = path.resolve(import.meta.dirname, '../..');

const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Static value imports of a TypeScript module (type-only imports and dynamic import() load nothing up front). */
export function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue; // `import type …` / `export type …`
    if (m[1] === 'export' && !m[3]) continue;
    specifiers.push(m[4]);
  }
  return specifiers;
}

/** Every module a source names: value, type-only and dynamic imports (a layer may not even name another). */
export function allImports(source: string): string[] {
  const specifiers = [...source.matchAll(statement)].filter((m) => m[1] === 'import' || m[3]).map((m) => m[4]);
  return [...specifiers, ...[...source.matchAll(dynamicImport)].map((m) => m[1])];
}

/** The repository file an import names, or null for a package; throws on a relative import that names nothing. */
export function resolveImport(root: string, from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  if (existsSync(base)) return base; // CSS, JSON and other assets: leaves of the graph
  throw new Error(`${path.relative(root, from)}: cannot resolve '${specifier}'`);
}

/** Every package a module loads, directly or through the repo's own modules, with the path that reaches it. */
export function packagesReached(entry: string, root = repoRoot): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...trail, path.relative(root, file)];
    if (!/\.tsx?$/.test(file)) return;
    for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
      const target = resolveImport(root, file, specifier);
      if (target) visit(target, here);
      else if (!reached.has(specifier)) reached.set(specifier, here);
    }
  };
  visit(path.resolve(root, entry), []);
  return reached;
}

/** The TypeScript sources under `dirs` (relative to root), without node_modules and build output. */
export function sourceFiles(root: string, dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const d of dirs) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  return out;
}
