export { Pruner, strategyLambdas, type PruneEvent, type PrunerState } from './pruner';
export { pruningFractionAt, referenceSchedule, type PruningSchedule } from './schedule';
export { dataScores, firstLayerPrior, secondLayerPrior, combineScores, type ScoreMatrices } from './scores';
export { pruneLowest } from './select';
export { ppiFromPrior, ppiFromMatrix, type PpiOperator } from './ppi';
export { PinnPrior } from './pinn';
