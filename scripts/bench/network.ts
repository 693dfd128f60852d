/**
 * `npm run bench:network [-- --edges 20000 --seconds 8 --cases auto,cytoscape-webgl --profile --screenshot docs/screenshots/network-20k-webgl.png]`:
 * the run network view's picture (network-drawing.tsx: the app's WebGL renderer past 2,000 edges, cytoscape
 * below) on a synthetic GRN of 20,000 edges in Debian's Chromium. A case is a renderer ('auto': what the view
 * uses; 'cytoscape-webgl', 'cytoscape-canvas') with optional knobs after '+' (see network/page.tsx), e.g.
 * 'cytoscape-webgl+pr1+hublabels'. For each: the time until the layout is done,
 * the longest the page went without a frame meanwhile (a frozen page shows as a long gap), and frames/s while
 * panning and zooming programmatically every frame (goal ≥ 15). Headless Chromium has no GPU here: WebGL runs
 * on SwiftShader, a software rasteriser, so a real GPU does better. A benchmark, not a test.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';

const { values: flags } = parseArgs({
  options: {
    edges: { type: 'string', default: '20000' },
    genes: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '8' },
    screenshot: { type: 'string' },
    cases: { type: 'string', default: 'auto,cytoscape-webgl' },
    // CPU profile of the pan+zoom phase (Chrome DevTools protocol): the functions with the most self time.
    profile: { type: 'boolean', default: false },
  },
  strict: true,
});
const root = path.resolve(import.meta.dirname, '..', '..');
const goalFps = 15;

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'network', 'page.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    minify: !flags.profile,
    jsx: 'automatic',
    alias: { '@': root },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

function serve(script: string): Promise<{ url: string; close(): void }> {
  const css = fs.readFileSync(path.join(root, 'app', 'globals.css'), 'utf8');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style><style>body{margin:0;padding:8px}.network{height:640px}</style></head>
<body><div id="root"></div><script type="module" src="/bench.js"></script></body></html>`;
  const server = http.createServer((req, res) => {
    const isScript = req.url?.startsWith('/bench.js');
    res.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
    res.end(isScript ? script : html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

interface CaseResult {
  renderer: string;
  nodes: number;
  edges: number;
  layoutSeconds: number;
  longestFrameGapMs: number;
  fps: number;
  p95FrameMs: number;
}

async function main(): Promise<void> {
  const { url, close } = await serve(await bundle());
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // No GPU: ANGLE on SwiftShader gives WebGL 2 in software.
    args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-first-run'],
  });
  const results: CaseResult[] = [];
  let emptyFps = 0;
  try {
    // The ceiling: frames/s this headless browser gives a page that draws nothing.
    const blank = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // A string, not a function: tsx's transform would add helpers (__name) that the page does not have.
    emptyFps = (await blank.evaluate(`new Promise((resolve) => {
      const frames = [];
      const step = (t) => {
        frames.push(t);
        if (t - frames[0] < ${Number(flags.seconds)} * 1000) requestAnimationFrame(step);
        else resolve((frames.length - 1) / ((frames.at(-1) - frames[0]) / 1000));
      };
      requestAnimationFrame(step);
    })`)) as number;
    await blank.close();
    for (const name of flags.cases.split(',')) {
      const [renderer, ...knobs] = name.split('+');
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const t0 = Date.now();
      await page.goto(`${url}?edges=${flags.edges}&genes=${flags.genes}&renderer=${renderer}&knobs=${knobs.join(',')}`, { waitUntil: 'commit' });
      await page.locator('[data-layout="done"]').waitFor({ timeout: 300_000 });
      const layoutSeconds = (Date.now() - t0) / 1000;
      const info = await page.evaluate(() => {
        const b = (window as unknown as { bench: { network: { nodes: number; edges: number }; frameGaps: { longest: number; stop: boolean } } }).bench;
        b.frameGaps.stop = true;
        return { ...b.network, longestFrameGapMs: b.frameGaps.longest };
      });
      const drawnEdges = Number(await page.locator('[data-layout]').getAttribute('data-edges'));
      const cdp = flags.profile ? await page.context().newCDPSession(page) : null;
      if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      const run = await page.evaluate(
        (seconds) =>
          (window as unknown as { bench: { panZoom(s: number): Promise<{ fps: number; p95FrameMs: number; renderer: string }> } }).bench.panZoom(seconds),
        Number(flags.seconds),
      );
      if (cdp) printProfile(name, (await cdp.send('Profiler.stop')).profile);
      if (errors.length) throw new Error(`The page failed: ${errors.join('; ')}`);
      console.log(`${name}: ${JSON.stringify(run)}`);
      results.push({
        renderer: `${run.renderer}${knobs.length ? `+${knobs.join('+')}` : ''}`,
        nodes: info.nodes,
        edges: drawnEdges,
        layoutSeconds,
        longestFrameGapMs: info.longestFrameGapMs,
        fps: run.fps,
        p95FrameMs: run.p95FrameMs,
      });
      if (renderer === 'auto' && flags.screenshot) {
        await page.evaluate(() => (window as unknown as { bench: { fit(): void } }).bench.fit());
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.resolve(root, flags.screenshot) });
        // And 4× closer on the middle, where the hub names, heads and dashes can be read.
        await page.evaluate(() => (window as unknown as { bench: { zoomIn(k: number): void } }).bench.zoomIn(4));
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.resolve(root, flags.screenshot.replace(/\.png$/, '-zoomed.png')) });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    close();
  }
  const load = os.loadavg()[0].toFixed(1);
  console.log(
    `\nRun network view, synthetic GRN, Chromium ${browser.version()} headless, software GL (SwiftShader), ${os.cpus().length} cores, load average ${load} (a shared machine: figures are noisy).`,
  );
  console.log('renderer | genes | edges drawn* | until laid out | longest frame gap while loading | pan+zoom frames/s (goal ≥ 15) | p95 frame');
  for (const r of results) {
    const verdict = r.fps >= goalFps ? 'meets' : 'misses';
    console.log(
      `${r.renderer.padEnd(8)} | ${r.nodes} | ${r.edges} | ${r.layoutSeconds.toFixed(1)} s | ${r.longestFrameGapMs.toFixed(0)} ms | ${r.fps.toFixed(1)} (${verdict} the goal) | ${r.p95FrameMs.toFixed(0)} ms`,
    );
  }
  console.log(`(an empty page gets ${emptyFps.toFixed(1)} frames/s in this browser: the ceiling of any row)`);
  console.log("* elements of the graph that are edges: the network's edges plus one halo per reviewed edge past 2,000 edges (1 in 97 here).");
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The 15 functions with the most self time while panning and zooming. */
function printProfile(name: string, profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'}${f.url ? `:${f.lineNumber}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nprofile ${name}: self time while panning and zooming (${(total / 1000).toFixed(1)} s sampled)`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
