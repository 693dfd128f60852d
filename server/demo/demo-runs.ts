import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { type EpochReport, type TrainResult, STRATEGY_IDS } from '@/compute';
import type { RunConfig } from '../runs/config';
import type { Strategy } from '../runs/validation';

/** The finished runs of the demo project, trained offline by scripts/precompute-demo.ts. */
export const DEMO_RUNS: readonly { id: string; name: string; strategy: Strategy; seed: number }[] = [
  { id: 'dash', name: 'DASH λ (0.5, 0.05) · SIM350, 5% noise prior', strategy: 'dash', seed: 0 },
  { id: 'imp', name: 'IMP · SIM350 (no prior in the scores)', strategy: 'imp', seed: 0 },
];

// Not `new URL(folder, import.meta.url)`, which Next's bundler cannot resolve; the app runs from the repository root.
export const DEMO_RUNS_DIR = path.join(process.cwd(), 'compute', 'fixtures', 'demo-runs');

export interface DemoRunFile {
  format: 'grn-studio/demo-run';
  version: 1;
  id: string;
  name: string;
  strategy: Strategy;
  config: RunConfig;
  seed: number;
  inputs: { dataset: string; prior: string; gold: string };
  trainedWith: string;
  backend: string;
  codeVersion: string;
  trainedAt: string;
  wallSeconds: number;
  summary: TrainResult['summary'];
  history: EpochReport[];
  model: TrainResult['model'];
}

const fileSchema = z.object({
  format: z.literal('grn-studio/demo-run'),
  version: z.literal(1),
  id: z.string(),
  name: z.string(),
  strategy: z.enum(STRATEGY_IDS),
  config: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  inputs: z.object({ dataset: z.string(), prior: z.string(), gold: z.string() }),
  trainedWith: z.string(),
  backend: z.string(),
  codeVersion: z.string(),
  trainedAt: z.string(),
  wallSeconds: z.number(),
  summary: z.record(z.string(), z.unknown()),
  history: z.array(z.record(z.string(), z.unknown())),
  model: z.record(z.string(), z.unknown()),
});

export function writeDemoRunFile(file: DemoRunFile, dir = DEMO_RUNS_DIR): string {
  const target = path.join(dir, `${file.id}.json.gz`);
  fs.writeFileSync(target, gzipSync(JSON.stringify(file), { level: 9 }));
  return target;
}

/** The precomputed runs that exist (the seed works with whichever are there). */
export function readDemoRunFiles(dir = DEMO_RUNS_DIR): DemoRunFile[] {
  const out: DemoRunFile[] = [];
  for (const spec of DEMO_RUNS) {
    const file = path.join(dir, `${spec.id}.json.gz`);
    if (!fs.existsSync(file)) continue;
    const parsed = fileSchema.parse(JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')));
    out.push(parsed as unknown as DemoRunFile);
  }
  return out;
}
