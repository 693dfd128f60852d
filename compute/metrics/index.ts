export { scoreNetwork, rowsWithEdges, type NetworkScores, type ScoreOptions } from './network-scores';
export { scoreNamedNetwork, type NamedNetworkScores } from './named-scores';
export { rankingMetrics } from './ranking';
export { mse, fractionZero } from './mse';
export { pruningPath, type PathEpoch, type PruningLevel, type EpochScores } from './pruning-path';
