import { describe, expect, it } from 'vitest';
import type { PhoenixParams } from '../model/params';
import type { EpochReport } from '../training/types';
import { LevelEffectsRecorder } from './level-effects';
import { scoreReviewLists } from './list-scores';
import { edgeAgreement, pairAgreement, ranksByMagnitude } from './replicates';
import type { ScreenedPair } from './residual-screen';
import { reviewLists } from './review-lists';
import { checkSparseEffects, toDenseEffects, toSparseEffects, type SparseEffects } from './sparse-effects';

// Three genes a, b, c; pair index e = 3·regulator + target.
// Prior: a→b (+), b→c (−), c→a (+). Reference: a→b, b→c, a→c. So c→a is the prior's wrong edge and
// a→c the edge it lacks.
const matrix = (entries: Record<number, number>) => {
  const data = new Float64Array(9);
  for (const [e, v] of Object.entries(entries)) data[Number(e)] = v;
  return { n: 3, data };
};
const sparse = (entries: [number, number][]): SparseEffects => ({ n: 3, index: entries.map((x) => x[0]), value: entries.map((x) => x[1]) });
const prior = sparse([
  [1, 1],
  [5, -1],
  [6, 1],
]);
const reference = sparse([
  [1, 1],
  [2, 1],
  [5, -1],
]);
// Seed 1 prunes c→a; seed 2 keeps it weakly. Both rank a→c first.
const seed1 = sparse([
  [1, 0.5],
  [2, 0.9],
  [5, -0.3],
]);
const seed2 = sparse([
  [1, 0.4],
  [2, 0.6],
  [5, -0.2],
  [6, 0.05],
]);

describe('edgeAgreement', () => {
  it('gives each pair its survival, mean rank (pruned = after the seed’s last edge) and mean effect', () => {
    const a = edgeAgreement([seed1, seed2]);
    const at = (e: number) => pairAgreement(a, e);
    expect([1, 2, 5, 6, 0].map((e) => at(e).survival)).toEqual([1, 1, 1, 0.5, 0]);
    // Ranks: seed 1 a→c 1, a→b 2, b→c 3 (absent 4); seed 2 the same, then c→a 4 (absent 5).
    expect([2, 1, 5, 6, 0].map((e) => at(e).meanRank)).toEqual([1, 2, 3, 4, 4.5]);
    expect(at(2).meanEffect).toBeCloseTo(0.75);
    expect(at(6).meanEffect).toBeCloseTo(0.025);
    expect(at(5).positive).toBe(0);
    expect(a.pairs.has(0)).toBe(false);
  });

  it('refuses replicates of different sizes and an empty group', () => {
    expect(() => edgeAgreement([])).toThrow(/no replicates/);
    expect(() => edgeAgreement([seed1, { n: 4, index: [], value: [] }])).toThrow(/different gene counts/);
  });

  it('ranks by magnitude, largest first, ties in index order', () => {
    expect(Array.from(ranksByMagnitude([0.1, -0.5, 0.5, 0.2]))).toEqual([4, 1, 2, 3]);
  });
});

// The data's screen: a→c explains 0.8 of what c's prior leaves unexplained (accepted at 0.5); b→a 0.1;
// a→b is a prior pair and is never a candidate.
const screen: ScreenedPair[] = [
  { index: 2, explained: 0.8, sign: 1 },
  { index: 1, explained: 0.7, sign: 1 },
  { index: 3, explained: 0.1, sign: -1 },
];
const options = { flagAt: 0.5, acceptAt: 0.5 };

describe('reviewLists', () => {
  it('flags the prior edge half the seeds drop, proposes the missing edge, and the consensus recovers the reference', () => {
    const lists = reviewLists([seed1, seed2], edgeAgreement([seed1, seed2]), prior, screen, options);
    expect(lists.priorEdges.map((p) => [p.index, p.confidence, p.flagged])).toEqual([
      [6, 0.5, true],
      [5, 0, false],
      [1, 0, false],
    ]);
    expect(lists.candidates.map((c) => [c.index, c.confidence, c.accepted, c.survival])).toEqual([
      [2, 0.8, true, 1],
      [3, 0.1, false, 0],
    ]);
    expect(lists.consensus).toEqual({ n: 3, index: [1, 2, 5], value: [1, 1, -1] });
    const s = scoreReviewLists(lists, prior, reference);
    expect(s.flagged).toEqual({ count: 1, precision: 1, recall: 1, topPrecision: 1, chancePrecision: 1 / 3 });
    expect(s.candidates).toMatchObject({ k: 1, topPrecision: 1, topTrue: 1, accepted: 1, acceptedPrecision: 1 });
    expect(s.candidates.chancePrecision).toBeCloseTo(1 / 3);
    expect(s.prior.precision).toBeCloseTo(2 / 3);
    expect(s.consensus).toEqual({ edges: 3, precision: 1, recall: 1, f1: 1 });
  });

  it('flags pruned prior edges only; a kept edge of the opposite sign is reported, not flagged', () => {
    const flipped = sparse([
      [1, 0.4],
      [2, 0.6],
      [5, 0.2],
    ]);
    const lists = reviewLists([seed1, flipped], edgeAgreement([seed1, flipped]), prior, screen, options);
    const b_c = lists.priorEdges.find((p) => p.index === 5)!;
    expect([b_c.confidence, b_c.signDisagreement, b_c.flagged]).toEqual([0, 0.5, false]);
    expect(lists.priorEdges.find((p) => p.index === 6)?.confidence).toBe(1);
    expect(lists.flaggedCount).toBe(1);
  });

  it('takes candidates from the screen, strongest first, with the screen’s sign in the consensus', () => {
    const repressing: ScreenedPair[] = [
      { index: 3, explained: 0.2, sign: -1 },
      { index: 7, explained: 0.6, sign: -1 },
    ];
    const lists = reviewLists([seed1, seed2], edgeAgreement([seed1, seed2]), prior, repressing, options);
    expect(lists.candidates.map((c) => [c.index, c.confidence, c.sign, c.accepted])).toEqual([
      [7, 0.6, -1, true],
      [3, 0.2, -1, false],
    ]);
    expect(lists.acceptedCount).toBe(1);
    // c→a flagged (pruned by seed 1); c→b joins with the screen's sign although no seed keeps it.
    expect(lists.consensus).toEqual({ n: 3, index: [1, 5, 7], value: [1, -1, -1] });
    expect(reviewLists([seed1, seed2], edgeAgreement([seed1, seed2]), prior, [], options).candidates).toEqual([]);
  });

  it('counts 4 of 5 pruning replicates as exactly 0.8', () => {
    const keep = sparse([
      [1, 1],
      [5, -1],
      [6, 1],
    ]);
    const drop = sparse([
      [1, 1],
      [5, -1],
    ]);
    const five = [keep, drop, drop, drop, drop];
    const lists = reviewLists(five, edgeAgreement(five), prior, [], { flagAt: 0.8, acceptAt: 0.5 });
    expect(lists.priorEdges[0]).toMatchObject({ index: 6, confidence: 0.8, flagged: true });
  });

  it('treats an unsigned prior edge (value 0) as supported by either sign', () => {
    const unsigned = sparse([
      [1, 0],
      [5, -1],
      [6, 1],
    ]);
    const negative = sparse([
      [1, -0.4],
      [5, -0.2],
      [6, 0.3],
    ]);
    const lists = reviewLists([negative], edgeAgreement([negative]), unsigned, [], options);
    expect(lists.priorEdges.find((p) => p.index === 1)?.flagged).toBe(false);
    expect(lists.consensus.index).toEqual([1, 5, 6]);
  });
});

describe('sparse effects', () => {
  it('round-trips a matrix and rejects malformed lists', () => {
    const m = matrix({ 2: 0.5, 7: -1 });
    const s = toSparseEffects(m);
    expect(s).toEqual({ n: 3, index: [2, 7], value: [0.5, -1] });
    expect(Array.from(toDenseEffects(s).data)).toEqual(Array.from(m.data));
    expect(() => checkSparseEffects({ n: 3, index: [7, 2], value: [1, 1] })).toThrow(/increasing/);
    expect(() => checkSparseEffects({ n: 3, index: [9], value: [1] })).toThrow(/increasing/);
    expect(() => checkSparseEffects({ n: 3, index: [1], value: [0] })).toThrow(/nonzero/);
    expect(() => checkSparseEffects({ n: 3, index: [1, 2], value: [1] })).toThrow(/2 indices but 1 values/);
  });
});

describe('LevelEffectsRecorder', () => {
  const report = (epoch: number, valLoss: number, sparsity: number, pruned = false): EpochReport => ({
    epoch,
    totalEpochs: 10,
    trainLoss: valLoss,
    valLoss,
    sparsity,
    learningRate: 1e-3,
    seconds: 1,
    pruned,
    isBest: false,
  });
  // n = 2, h = 1: E[j, i] = Ws[j] · As[i] · relu(v_i).
  const params = (ws: [number, number], as: [number, number]): PhoenixParams => ({
    n: 2,
    h: 1,
    Ws: Float32Array.from(ws),
    bs: new Float32Array(1),
    Wp: new Float32Array(2),
    bp: new Float32Array(1),
    As: Float32Array.from(as),
    Ap: new Float32Array(2),
    v: Float32Array.from([1, 1]),
  });

  it('keeps the network of each level’s lowest-validation epoch', () => {
    const r = new LevelEffectsRecorder();
    const feed = (rep: EpochReport, p: PhoenixParams) => {
      r.onEpoch(rep);
      r.onEpochModel(rep.epoch, p);
    };
    feed(report(1, 5, 0.1), params([1, 1], [1, 1]));
    feed(report(2, 4, 0.1), params([1, 0], [2, 3]));
    feed(report(3, 4.5, 0.1), params([0, 1], [1, 1]));
    feed(report(4, 6, 0.5, true), params([0, 1], [0, 5]));
    const levels = r.result();
    expect(levels.map((l) => [l.level, l.firstEpoch, l.lastEpoch, l.bestEpoch, l.valMse])).toEqual([
      [0, 1, 3, 2, 4],
      [1, 4, 4, 4, 6],
    ]);
    expect(levels[0].effects).toEqual({ n: 2, index: [0, 1], value: [2, 3] });
    expect(levels[1].effects).toEqual({ n: 2, index: [3], value: [5] });
  });
});
