/**
 * `tsx scripts/bench/cpu-summary.ts FILE.cpuprofile [top]`: where a CPU profile's time went, by self time, grouped
 * by package (node_modules, also inside Next's bundled chunks), our own folders, Node internals and the VM
 * (garbage collector, idle), then the top functions. For `npm run bench:web -- --cpu-profile`.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/) ?? url.match(/\[project\]\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:internal';
  const ours = url.match(/\/(server|db|app|compute|scripts)\/([^/]+)/);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.includes('/.next/')) return '.next (bundled, unattributed)';
  return url.split('/').slice(-2).join('/');
}

function top(totals: Map<string, number>, all: number, n: number): string {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / all).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n');
}

const [file, count = '30'] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byModule = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfTime) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const mod = moduleOf(url, functionName);
  if (functionName !== '(idle)') busy += us;
  byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  const fn = `${functionName || '(anonymous)'}  ${url.split('/').slice(-3).join('/')}:${lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
byModule.delete('(idle)');
console.log(`${file}: ${(busy / 1000).toFixed(0)} ms on the CPU (idle excluded); shares of that\n\nby module:\n${top(byModule, busy, 25)}`);
console.log(`\nby function:\n${top(byFunction, busy, Number(count))}`);
