import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { effectsMatrix, type EpochReport, type LevelEffects, type PhoenixParams, type TrainResult, STRATEGY_IDS, toSparseEffects } from '@/compute';
import type { RunConfig } from '../runs/config';
import type { Strategy } from '../runs/validation';

/**
 * The demo's replicate group: what "Launch replicates" gives for DASH with the synthetic preset and today's
 * rules (server/replicates/launch.ts), 3 seeds, so a newcomer finds the replicate analysis and the level networks filled.
 */
export const DEMO_REPLICATE_GROUP = 'Replicates: DASH λ (0.5, 0.05) · SIM350 × 3 seeds';

/** The finished runs of the demo project, trained offline by scripts/precompute-demo.ts. */
export const DEMO_RUNS: readonly { id: string; name: string; strategy: Strategy; seed: number; group?: string }[] = [
  { id: 'dash', name: 'DASH λ (0.5, 0.05) · SIM350, 5% noise prior', strategy: 'dash', seed: 0 },
  { id: 'imp', name: 'IMP · SIM350 (no prior in the scores)', strategy: 'imp', seed: 0 },
  ...[0, 1, 2].map((seed) => ({
    id: `dash-replicate-${seed}`,
    name: `${DEMO_REPLICATE_GROUP}: seed ${seed}`,
    strategy: 'dash' as const,
    seed,
    group: DEMO_REPLICATE_GROUP,
  })),
];

/**
 * A level network in a demo file: the level's best model (its nonzero weights; biases do not enter the effects),
 * from which the seed computes the network exactly as the worker's recorder does (compute/analysis/level-effects.ts).
 * Several times smaller than the effects: a level keeps a fraction of 4·h·n weights but its n² effects stay dense
 * far down the path. Each matrix: the nonzero positions as uint16 gaps and their float32 values, base64.
 */
export interface DemoLevelFile extends Omit<LevelEffects, 'effects'> {
  n: number;
  h: number;
  weights: Record<(typeof LEVEL_MATRICES)[number], { gaps: string; values: string }>;
  v: string;
}

const LEVEL_MATRICES = ['Ws', 'Wp', 'As', 'Ap'] as const;

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
  /** Every pruning level's best network (the replicate runs; the older two predate level networks). */
  levels?: DemoLevelFile[];
}

export function encodeLevel(stats: Omit<LevelEffects, 'effects'>, params: PhoenixParams): DemoLevelFile {
  const sparse = (data: Float32Array) => {
    const at: number[] = [];
    for (let k = 0; k < data.length; k++) if (data[k] !== 0) at.push(k);
    const gaps = Buffer.alloc(at.length * 2);
    const values = Buffer.alloc(at.length * 4);
    // A gap over 65,535 cannot happen below 65,536 weights a matrix (SIM350: 14,000); checked so a bigger model fails loudly.
    at.forEach((k, t) => {
      const gap = k - (t ? at[t - 1] : -1);
      if (gap > 0xffff) throw new RangeError(`demo level: a gap of ${gap} weights does not fit the file`);
      gaps.writeUInt16LE(gap, t * 2);
      values.writeFloatLE(data[k], t * 4);
    });
    return { gaps: gaps.toString('base64'), values: values.toString('base64') };
  };
  const weights = Object.fromEntries(LEVEL_MATRICES.map((m) => [m, sparse(params[m])])) as DemoLevelFile['weights'];
  return { ...stats, n: params.n, h: params.h, weights, v: Buffer.from(params.v.buffer, params.v.byteOffset, params.v.byteLength).toString('base64') };
}

/** The level's network, as the recorder computed it from the same weights. */
export function decodeLevel(l: DemoLevelFile): LevelEffects {
  const { n, h, weights, v, ...stats } = l;
  const dense = (m: { gaps: string; values: string }) => {
    const out = new Float32Array(n * h);
    const gaps = Buffer.from(m.gaps, 'base64');
    const values = Buffer.from(m.values, 'base64');
    let k = -1;
    for (let t = 0; t < gaps.length / 2; t++) out[(k += gaps.readUInt16LE(t * 2))] = values.readFloatLE(t * 4);
    return out;
  };
  const vBytes = Buffer.from(v, 'base64');
  const params = {
    n,
    h,
    Ws: dense(weights.Ws),
    Wp: dense(weights.Wp),
    As: dense(weights.As),
    Ap: dense(weights.Ap),
    v: new Float32Array(vBytes.buffer.slice(vBytes.byteOffset, vBytes.byteOffset + vBytes.byteLength)),
  } as PhoenixParams;
  return { ...stats, effects: toSparseEffects(effectsMatrix(params)) };
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
  levels: z
    .array(
      z.object({
        level: z.number().int().min(0),
        firstEpoch: z.number().int(),
        lastEpoch: z.number().int(),
        bestEpoch: z.number().int(),
        sparsity: z.number(),
        valMse: z.number(),
        valSe: z.number().optional(),
        testMse: z.number().optional(),
        n: z.number().int().min(1),
        h: z.number().int().min(1),
        weights: z.record(z.enum(LEVEL_MATRICES), z.object({ gaps: z.string(), values: z.string() })),
        v: z.string(),
      }),
    )
    .optional(),
});

export function writeDemoRunFile(file: DemoRunFile, dir = DEMO_RUNS_DIR): string {
  const target = path.join(dir, `${file.id}.json.gz`);
  fs.writeFileSync(target, gzipSync(JSON.stringify(file), { level: 9 }));
  return target;
}

/** A demo run as the seed reads it: the file, and the replicate group DEMO_RUNS puts it in. */
export type LoadedDemoRun = DemoRunFile & { group?: string };

/** The precomputed runs that exist (the seed works with whichever are there). */
export function readDemoRunFiles(dir = DEMO_RUNS_DIR): LoadedDemoRun[] {
  const out: LoadedDemoRun[] = [];
  for (const spec of DEMO_RUNS) {
    const file = path.join(dir, `${spec.id}.json.gz`);
    if (!fs.existsSync(file)) continue;
    const parsed = fileSchema.parse(JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')));
    out.push({ ...(parsed as unknown as DemoRunFile), group: spec.group });
  }
  return out;
}
