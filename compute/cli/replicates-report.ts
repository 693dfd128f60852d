import type { LevelEffects } from '../analysis/level-effects';
import { scoreReviewLists, type ListScores } from '../analysis/list-scores';
import { edgeAgreement } from '../analysis/replicates';
import { DEFAULT_RESIDUAL_SCREEN_OPTIONS, residualScreen } from '../analysis/residual-screen';
import { reviewLists, type ReviewListOptions, type ReviewLists } from '../analysis/review-lists';
import { toSparseEffects, type SparseEffects } from '../analysis/sparse-effects';
import { fixed } from './number-format';
import type { SeedFolder } from './replicates';
import type { LoadedInputs } from './train';

export interface ReplicateReport {
  seeds: number[];
  level: 'kept' | number;
  /** Per seed: the analysed model's epoch, sparsity of the effects (fraction of n² at zero) and edge count. */
  models: { seed: number; epoch: number; edges: number }[];
  options: ReviewListOptions;
  flaggedCount: number;
  acceptedCount: number;
  scores: ListScores | null;
  /** The first 20 of each list, by gene name. */
  topUnsupported: { regulator: string; target: string; confidence: number; meanRank: number }[];
  topCandidates: { regulator: string; target: string; confidence: number; meanRank: number }[];
}

/** The network analysed for one seed: its kept model, or the best model `level` pruning levels later. */
export function seedNetwork(folder: SeedFolder, level: 'kept' | number): { epoch: number; effects: SparseEffects } {
  if (level === 'kept') return { epoch: folder.keptEpoch, effects: folder.kept };
  const keptLevel = folder.levels.findIndex((l: LevelEffects) => l.firstEpoch <= folder.keptEpoch && folder.keptEpoch <= l.lastEpoch);
  const chosen = folder.levels[Math.min(folder.levels.length - 1, Math.max(0, keptLevel) + level)];
  return { epoch: chosen.bestEpoch, effects: chosen.effects };
}

export function analyseReplicateFolders(
  folders: SeedFolder[],
  inputs: LoadedInputs,
  level: 'kept' | number,
  options: ReviewListOptions,
  noiseStd = 0,
): { report: ReplicateReport; lists: ReviewLists } {
  if (!inputs.prior) throw new Error('the analysis needs a prior');
  const prior = toSparseEffects(inputs.prior);
  const networks = folders.map((f) => seedNetwork(f, level));
  const effects = networks.map((m) => m.effects);
  const lists = reviewLists(
    effects,
    edgeAgreement(effects),
    prior,
    residualScreen(inputs.data, prior, { ...DEFAULT_RESIDUAL_SCREEN_OPTIONS, noiseStd }),
    options,
  );
  const genes = inputs.data.genes;
  const named = (e: { index: number; confidence: number; meanRank: number }) => ({
    regulator: genes[Math.floor(e.index / prior.n)],
    target: genes[e.index % prior.n],
    confidence: e.confidence,
    meanRank: e.meanRank,
  });
  const report: ReplicateReport = {
    seeds: folders.map((f) => f.seed),
    level,
    models: folders.map((f, k) => ({ seed: f.seed, epoch: networks[k].epoch, edges: networks[k].effects.index.length })),
    options,
    flaggedCount: lists.flaggedCount,
    acceptedCount: lists.acceptedCount,
    scores: inputs.gold ? scoreReviewLists(lists, prior, toSparseEffects(inputs.gold)) : null,
    topUnsupported: lists.priorEdges.slice(0, 20).map(named),
    topCandidates: lists.candidates.slice(0, 20).map(named),
  };
  return { report, lists };
}

export function formatReplicateReport(r: ReplicateReport): string[] {
  const f = (x: number) => fixed(x, 3);
  const lines = [
    `seeds ${r.seeds.join(', ')}; model per seed: ${r.level === 'kept' ? 'the kept one' : `${r.level} pruning level(s) after the kept one`}`,
    ...r.models.map((m) => `  seed ${m.seed}: epoch ${m.epoch}, ${m.edges} edges`),
    `rules: flag a prior edge when ≥ ${r.options.flagAt} of the seeds pruned it; a candidate's confidence = share of its target's rate of change, unexplained by the prior, that it explains (residual screen); accept at ≥ ${r.options.acceptAt}`,
    `flagged prior edges: ${r.flaggedCount}; accepted candidates: ${r.acceptedCount}`,
  ];
  const s = r.scores;
  if (s) {
    lines.push(
      '',
      `against the reference: the prior has ${s.priorEdges} edges, ${s.wrongPriorEdges} of them wrong; ${s.missingEdges} reference edges are outside it`,
      `  flagged prior edges    precision ${f(s.flagged.precision)}  recall ${f(s.flagged.recall)}  (${s.flagged.count} flagged; top-${s.wrongPriorEdges} precision ${f(s.flagged.topPrecision)}; chance ${f(s.flagged.chancePrecision)})`,
      `  candidates, top ${s.candidates.k}    precision ${f(s.candidates.topPrecision)} (${s.candidates.topTrue} true; chance ${s.candidates.chancePrecision.toExponential(1)}); accepted ${s.candidates.accepted}, precision ${f(s.candidates.acceptedPrecision)}`,
      `  prior alone            precision ${f(s.prior.precision)}  recall ${f(s.prior.recall)}  F1 ${f(s.prior.f1)}  (${s.prior.edges} edges)`,
      `  consensus network      precision ${f(s.consensus.precision)}  recall ${f(s.consensus.recall)}  F1 ${f(s.consensus.f1)}  (${s.consensus.edges} edges)`,
    );
  }
  lines.push(
    '',
    'least supported prior edges:',
    ...r.topUnsupported.slice(0, 10).map((e) => `  ${e.regulator} → ${e.target}  confidence ${f(e.confidence)}  mean rank ${e.meanRank.toFixed(0)}`),
  );
  lines.push(
    '',
    'strongest candidates outside the prior:',
    ...r.topCandidates.slice(0, 10).map((e) => `  ${e.regulator} → ${e.target}  confidence ${f(e.confidence)}  mean rank ${e.meanRank.toFixed(0)}`),
  );
  return lines;
}
