import { z } from 'zod';
import type { PhoenixMasks, PhoenixParams } from '../model/params';
import { FormatError } from './errors';

/**
 * The model weights file (documented in compute/README.md): plain JSON, readable anywhere.
 * Matrices are row-major in the spec's shapes (W_s, W_p: h×n; A_s, A_p: n×h); `data` holds the
 * effective weights (pruned entries exactly 0) and `mask` 1 for kept, 0 for pruned entries.
 */
export const WEIGHTS_FORMAT = 'grn-studio/phoenix-weights';
export const WEIGHTS_VERSION = 1;

export interface SerializedMatrix {
  shape: [number, number];
  data: number[];
  mask: number[];
}

export interface SerializedVector {
  shape: [number];
  data: number[];
}

export interface SerializedModel {
  format: typeof WEIGHTS_FORMAT;
  version: typeof WEIGHTS_VERSION;
  model: 'phoenix';
  genes: string[];
  hidden: number;
  parameters: {
    Ws: SerializedMatrix;
    bs: SerializedVector;
    Wp: SerializedMatrix;
    bp: SerializedVector;
    As: SerializedMatrix;
    Ap: SerializedMatrix;
    v: SerializedVector;
  };
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const matrixSchema = z.object({
  shape: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  data: z.array(finite),
  mask: z.array(z.union([z.literal(0), z.literal(1)])),
});
const vectorSchema = z.object({ shape: z.tuple([z.number().int().positive()]), data: z.array(finite) });
const modelSchema = z.object({
  format: z.literal(WEIGHTS_FORMAT),
  version: z.literal(WEIGHTS_VERSION),
  model: z.literal('phoenix'),
  genes: z.array(z.string().min(1)).min(1),
  hidden: z.number().int().positive(),
  parameters: z.object({ Ws: matrixSchema, bs: vectorSchema, Wp: matrixSchema, bp: vectorSchema, As: matrixSchema, Ap: matrixSchema, v: vectorSchema }),
});

const toNumbers = (a: ArrayLike<number>) => Array.from(a, (x) => (Object.is(x, -0) ? 0 : x));

/** The file form of a model; masks null means nothing pruned. Weights are written masked. */
export function serializeModel(params: PhoenixParams, masks: PhoenixMasks | null, genes: readonly string[]): SerializedModel {
  const { n, h } = params;
  if (genes.length !== n) throw new Error(`${genes.length} gene names for a model of ${n} genes`);
  const matrix = (data: Float32Array, mask: Uint8Array | undefined, shape: [number, number]): SerializedMatrix => ({
    shape,
    data: toNumbers(mask ? data.map((x, k) => (mask[k] ? x : 0)) : data),
    mask: mask ? Array.from(mask) : new Array<number>(data.length).fill(1),
  });
  return {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    model: 'phoenix',
    genes: genes.slice(),
    hidden: h,
    parameters: {
      Ws: matrix(params.Ws, masks?.Ws, [h, n]),
      bs: { shape: [h], data: toNumbers(params.bs) },
      Wp: matrix(params.Wp, masks?.Wp, [h, n]),
      bp: { shape: [h], data: toNumbers(params.bp) },
      As: matrix(params.As, masks?.As, [n, h]),
      Ap: matrix(params.Ap, masks?.Ap, [n, h]),
      v: { shape: [n], data: toNumbers(params.v) },
    },
  };
}

/** Reads a weights file (text or parsed JSON), checking every shape; FormatError names what is wrong. */
export function parseModelWeights(input: string | unknown): { genes: string[]; params: PhoenixParams; masks: PhoenixMasks } {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      throw new FormatError('invalid-value', `the weights file is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const parsed = modelSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FormatError('invalid-value', `weights file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const m = parsed.data;
  const n = m.genes.length;
  const h = m.hidden;
  const expect = (name: string, got: readonly number[], want: readonly number[], length: number, maskLength?: number) => {
    if (got.join('×') !== want.join('×')) throw new FormatError('wrong-shape', `weights file: ${name} has shape ${got.join('×')}, expected ${want.join('×')}`);
    if (length !== want.reduce((a, b) => a * b, 1))
      throw new FormatError('wrong-shape', `weights file: ${name} has ${length} values for shape ${want.join('×')}`);
    if (maskLength !== undefined && maskLength !== length)
      throw new FormatError('wrong-shape', `weights file: ${name}.mask has ${maskLength} entries, data ${length}`);
  };
  const p = m.parameters;
  expect('Ws', p.Ws.shape, [h, n], p.Ws.data.length, p.Ws.mask.length);
  expect('Wp', p.Wp.shape, [h, n], p.Wp.data.length, p.Wp.mask.length);
  expect('As', p.As.shape, [n, h], p.As.data.length, p.As.mask.length);
  expect('Ap', p.Ap.shape, [n, h], p.Ap.data.length, p.Ap.mask.length);
  expect('bs', p.bs.shape, [h], p.bs.data.length);
  expect('bp', p.bp.shape, [h], p.bp.data.length);
  expect('v', p.v.shape, [n], p.v.data.length);
  const params: PhoenixParams = {
    n,
    h,
    Ws: Float32Array.from(p.Ws.data),
    bs: Float32Array.from(p.bs.data),
    Wp: Float32Array.from(p.Wp.data),
    bp: Float32Array.from(p.bp.data),
    As: Float32Array.from(p.As.data),
    Ap: Float32Array.from(p.Ap.data),
    v: Float32Array.from(p.v.data),
  };
  const masks: PhoenixMasks = {
    Ws: Uint8Array.from(p.Ws.mask),
    Wp: Uint8Array.from(p.Wp.mask),
    As: Uint8Array.from(p.As.mask),
    Ap: Uint8Array.from(p.Ap.mask),
  };
  return { genes: m.genes, params, masks };
}
