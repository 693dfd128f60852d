/** Replicate analysis and per-level networks: light modules (no TensorFlow.js), safe for the server to import. */
export { edgeAgreement, pairAgreement, ranksByMagnitude, type EdgeAgreement, type PairAgreement } from './replicates';
export {
  DEFAULT_REVIEW_LIST_OPTIONS,
  reviewLists,
  type CandidateEdge,
  type ReviewListOptions,
  type ReviewLists,
  type UnsupportedPriorEdge,
} from './review-lists';
export { byExplained, DEFAULT_RESIDUAL_SCREEN_OPTIONS, residualScreen, screenTargets, type ResidualScreenOptions, type ScreenedPair } from './residual-screen';
export { edgeSetScores, scoreReviewLists, type EdgeSetScores, type ListScores } from './list-scores';
export { checkSparseEffects, toDenseEffects, toSparseEffects, type SparseEffects } from './sparse-effects';
export { LevelEffectsRecorder, type LevelEffects } from './level-effects';
export { compareEdgeSets, type EdgeOverlap, type OwnEdge, type SharedEdge, type TopKOverlap } from './edge-overlap';
export { frontierSteps, paretoFrontier, type TradeOffPoint } from './pareto';
