export { dopri5, rk4, euler, type Tableau } from './tableaux';
export { rkStep, type OdeFunction, type StepResult } from './stepper';
export { integrateFixed, integrateAdaptive, type AdaptiveOptions, type AdaptiveResult } from './integrate';
export { float64Ops, type VectorOps } from './vector-ops';
export { tensorOps } from './tensor-ops';
