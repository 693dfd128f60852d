export { hillActivation } from './hill';
export { compileRate, hillTerms, parseRateExpression, type RateExpr } from './expression';
export { networkDerivative, truthMatrix, inputGenes, type KineticEdge, type KineticNetwork } from './network';
export { randomKinetics, type RandomKineticsOptions } from './random-kinetics';
export { parseOdeEquations, parseEdgesKinetics, verifyKinetics, type NamedKineticEdge } from './sim-files';
export { writeOdeEquations, writeEdgesKinetics } from './write-sim-files';
export { integrateAt, type Tolerances } from './integrate';
export {
  simulateTrajectory,
  simulateDataset,
  DEFAULT_SIMULATION_TOLERANCES,
  type SimulateDatasetOptions,
  type SimulatedDataset,
} from './simulate';
