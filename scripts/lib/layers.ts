import path from 'node:path';
import { allImports, valueImports } from './import-graph';

/**
 * The layer rules of docs/architecture.md as functions over sources (path relative to the repository root →
 * text), so the architecture test can run them on the tree and on planted violations alike.
 *
 * app → server → db, one way; compute is a library that knows nothing of the product around it.
 */
export type Layer = 'app' | 'server' | 'db' | 'compute';
export type Sources = ReadonlyMap<string, string>;

/**
 * `proxy.ts` is Next's request proxy: part of the app. Scripts, configs and tests belong to no layer (a
 * test beside the code may check how two layers fit together, e.g. the server's headers in the proxy).
 */
export function layerOf(file: string): Layer | null {
  if (file === 'proxy.ts') return 'app';
  if (/\.test\.tsx?$/.test(file)) return null;
  const top = file.split('/')[0];
  return top === 'app' || top === 'server' || top === 'db' || top === 'compute' ? top : null;
}

const packageRules: Partial<Record<Layer, RegExp>> = {
  compute: /^(next|next-auth|react|react-dom)(\/|$)/,
};

const layerRules: Record<Layer, readonly Layer[]> = {
  app: [],
  server: ['app'],
  db: ['server', 'app'],
  compute: ['db', 'server', 'app'],
};

/** The repository file a specifier names (in `sources`), null for a package, or the path of an asset. */
function resolve(sources: Sources, from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.posix.join(path.posix.dirname(from), specifier) : null;
  if (base === null) return null;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => sources.has(c)) ?? base;
}

/** Imports that cross a layer boundary the wrong way, as `file → target` lines. */
export function layerViolations(sources: Sources): string[] {
  const found: string[] = [];
  for (const [file, source] of sources) {
    const layer = layerOf(file);
    if (!layer) continue;
    for (const specifier of allImports(source)) {
      const target = resolve(sources, file, specifier);
      const targetLayer = target === null ? null : layerOf(target);
      if (target === null ? packageRules[layer]?.test(specifier) : targetLayer && layerRules[layer].includes(targetLayer)) {
        found.push(`${file} (${layer}) → ${specifier}`);
      }
    }
  }
  return found.sort();
}

/** The chain of value imports from `entry` to the first module that imports `server-only`, or null. */
export function pathToServerOnly(sources: Sources, entry: string): string[] | null {
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const source = sources.get(file);
    if (source === undefined) return null;
    const here = [...trail, file];
    const imports = valueImports(source);
    if (imports.includes('server-only')) return here;
    for (const specifier of imports) {
      const target = resolve(sources, file, specifier);
      const found = target && visit(target, here);
      if (found) return found;
    }
    return null;
  };
  return visit(entry, []);
}

const clientDirective = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/;

/** Modules that start with 'use client': Next bundles them, and all they load, for the browser. */
export const isClientModule = (source: string): boolean => clientDirective.test(source);

/**
 * Modules marked `server-only` that a client module or a script run by tsx would load: the first ends up
 * in a browser bundle (Next refuses to build), the second throws at start (plain Node has no react-server
 * condition). `scripts` are the tsx entry points.
 */
export function serverOnlyLeaks(sources: Sources, scripts: readonly string[]): string[] {
  const entries = [...[...sources].filter(([file, source]) => layerOf(file) === 'app' && isClientModule(source)).map(([file]) => file), ...scripts];
  return entries.flatMap((entry) => {
    const trail = pathToServerOnly(sources, entry);
    return trail ? [trail.join(' → ')] : [];
  });
}

/** The files that `npm run <script>` runs with tsx, from package.json's scripts. */
export function tsxEntryPoints(packageJson: { scripts?: Record<string, string> }): string[] {
  return Object.values(packageJson.scripts ?? {}).flatMap((command) => [...command.matchAll(/\btsx\s+(\S+\.ts)\b/g)].map((m) => m[1]));
}

/** The server folder a file belongs to (`server/runs/store.ts` → `runs`); files at server/'s top level have none. */
const serverDomainOf = (file: string): string | null => {
  const parts = file.split('/');
  return parts[0] === 'server' && parts.length > 2 ? parts[1] : null;
};

/**
 * Pairs of server domains that import each other (`a ↔ b`, sorted), type-only imports included. `server/graphql`
 * is left out: it is the composition root that gathers every domain's schema, and each schema uses its builder.
 */
export function domainTies(sources: Sources, compositionRoots: readonly string[] = ['graphql']): string[] {
  const edges = new Set<string>();
  for (const [file, source] of sources) {
    const from = serverDomainOf(file);
    if (!from || compositionRoots.includes(from) || layerOf(file) === null) continue;
    for (const specifier of allImports(source)) {
      const target = resolve(sources, file, specifier);
      const to = target && serverDomainOf(target);
      if (to && to !== from && !compositionRoots.includes(to)) edges.add(`${from}→${to}`);
    }
  }
  return [...edges]
    .map((edge) => edge.split('→'))
    .filter(([a, b]) => a < b && edges.has(`${b}→${a}`))
    .map(([a, b]) => `${a} ↔ ${b}`)
    .sort();
}

/** The server domains a server folder imports (e.g. what `authz` depends on). */
export function domainsImportedBy(sources: Sources, domain: string): string[] {
  const found = new Set<string>();
  for (const [file, source] of sources) {
    if (serverDomainOf(file) !== domain || layerOf(file) === null) continue;
    for (const specifier of allImports(source)) {
      const target = resolve(sources, file, specifier);
      const to = target && serverDomainOf(target);
      if (to && to !== domain) found.add(to);
    }
  }
  return [...found].sort();
}

/** The files of server domain `to` that files of domain `from` import (e.g. what the worker uses of runs). */
export function filesImportedAcross(sources: Sources, from: string, to: string): string[] {
  const found = new Set<string>();
  for (const [file, source] of sources) {
    if (serverDomainOf(file) !== from || layerOf(file) === null) continue;
    for (const specifier of allImports(source)) {
      const target = resolve(sources, file, specifier);
      if (target && serverDomainOf(target) === to) found.add(target);
    }
  }
  return [...found].sort();
}

/**
 * Statements that insert into, update or delete from a table, in drizzle (`.update(table)`, also
 * `schema.table`) or in SQL text (`UPDATE ${table}`, `DELETE FROM table`).
 */
function writesTable(source: string, table: string): boolean {
  const drizzle = new RegExp(String.raw`\.(insert|update|delete)\(\s*(?:\w+\.)?${table}\s*\)`);
  const sqlText = new RegExp(String.raw`\b(update|insert\s+into|delete\s+from)\s+(?:${table}|\$\{\s*(?:\w+\.)?${table}\s*\})(?![\w$])`, 'i');
  return drizzle.test(source) || sqlText.test(source);
}

/**
 * Source files other than `owner` that write `table` (tests, which set up rows directly, are left out): a
 * table with one writer has its state changes in one place.
 */
export function tableWritersOtherThan(sources: Sources, table: string, owner: string): string[] {
  return [...sources]
    .filter(([file, source]) => file !== owner && !file.startsWith('tests/') && !/\.test\.tsx?$/.test(file) && writesTable(source, table))
    .map(([file]) => file)
    .sort();
}
