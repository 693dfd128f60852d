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

/**
 * Module specifiers in static imports/exports, side-effect imports, dynamic import() and vi.mock(), where
 * nothing before them on their line is quoted (so source text inside a string, as in a test, stays as it is).
 */
const specifier = /^([^'"`\n]*?(?:\bfrom\s+|\bimport\s+|\bimport\(\s*|\bvi\.mock\(\s*))(['"])((?:\.\.\/){2,}[^'"\n]*)\2/gm;

const repoPath = (file: string, relative: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), relative));

/**
 * The source with its deep relative imports rewritten, and how many; `file` is relative to the repository
 * root. One import per line (the pattern starts at the line's start), as the codebase writes them.
 */
export function aliasDeepImports(file: string, source: string): { text: string; rewritten: number } {
  let rewritten = 0;
  const text = source.replace(specifier, (whole, lead: string, quote: string, relative: string) => {
    const target = repoPath(file, relative);
    if (target.startsWith('..')) return whole; // above the repository: not ours to alias
    rewritten += 1;
    return `${lead}${quote}@/${target}${quote}`;
  });
  return { text, rewritten };
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
    const { text, rewritten } = aliasDeepImports(file, before);
    if (!rewritten) continue;
    files += 1;
    imports += rewritten;
    if (check) console.log(`${file}: ${rewritten}`);
    else fs.writeFileSync(full, text);
  }
  console.log(`${check ? 'would rewrite' : 'rewrote'} ${imports} deep relative imports in ${files} files`);
  if (check && imports > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
