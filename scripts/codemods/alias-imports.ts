/**
 * Rewrites deep relative imports (two or more `../`) into `@/` imports, which tsconfig.json maps to the
 * repository root (`"@/*": ["./*"]`; vitest, Next, tsx and Playwright all read it). Same-folder and one-up
 * imports (`./x`, `../x`) stay: they say "a neighbour", which is worth keeping.
 *
 *   npm run codemod:alias-imports                        rewrite every tracked .ts/.tsx file
 *   npm run codemod:alias-imports -- --check             only list what would change; exit 1 if anything would
 *
 * Safe to re-run (after merging branches): an import already on `@/` is left alone.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Module specifiers in static imports/exports, side-effect imports, dynamic import() and vi.mock(). */
const specifier = /(\bfrom\s+|\bimport\s+|\bimport\(\s*|\bvi\.mock\(\s*)(['"])((?:\.\.\/){2,}[^'"]*)\2/g;

/** The source with its deep relative imports rewritten; `file` is relative to the repository root. */
export function aliasDeepImports(file: string, source: string): string {
  return source.replace(specifier, (whole, lead: string, quote: string, relative: string) => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), relative));
    if (target.startsWith('..')) return whole; // outside the repository: not ours to alias
    return `${lead}${quote}@/${target}${quote}`;
  });
}

function trackedSources(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && !f.startsWith('node_modules/'));
}

function main(): void {
  const check = process.argv.includes('--check');
  let files = 0;
  let imports = 0;
  for (const file of trackedSources()) {
    const full = path.join(root, file);
    const before = fs.readFileSync(full, 'utf8');
    const after = aliasDeepImports(file, before);
    if (after === before) continue;
    const changed = [...before.matchAll(specifier)].filter((m) => !path.posix.join(path.posix.dirname(file), m[3]).startsWith('..')).length;
    files += 1;
    imports += changed;
    if (check) console.log(`${file}: ${changed}`);
    else fs.writeFileSync(full, after);
  }
  console.log(`${check ? 'would rewrite' : 'rewrote'} ${imports} deep relative imports in ${files} files`);
  if (check && imports > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
