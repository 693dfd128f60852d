/**
 * Every strategy the compute engine trains, in one registry: the config schema, the CLI (`train`,
 * `sweep`), the server's launch validation, GraphQL's Strategy enum and the launch form all read it,
 * so a strategy added here reaches all of them. Plain data: the server loads it without TensorFlow.js.
 */

/** Hard-concrete gates (Louizos, Welling & Kingma 2018) on the input units of each layer. */
export interface GateSettings {
  /** β, the concrete distribution's temperature. */
  temperature: number;
  /** Initial drop rates of the first layers' (per gene) and second layers' (per hidden unit) gates. */
  dropInit: readonly [number, number];
}

/** A training loss penalty in place of pruning events (the paper's Table 1 penalty baselines). */
export interface PenaltySettings {
  gates: GateSettings | null;
  /** Weight of the expected number of active gated weights (Louizos' L0 term). */
  l0: number;
  /** Weight of the path L1 term mean(|W₁|·|W₂|) over both branches (C-NODE). */
  pathL1: number;
  /** Weight of PathReg's gate path term mean(|Z₁|·|Z₂|) over both branches (Aliee et al. 2022). */
  pathReg: number;
}

export interface StrategyInfo {
  label: string;
  description: string;
  /** Uses the prior network (in its pruning scores or its loss). */
  needsPrior: boolean;
  /** How it sparsifies: pruning events, a loss penalty, or not at all. */
  kind: 'unpruned' | 'pruning' | 'penalty';
  /**
   * The (λ₁, λ₂) its pruning scores use (spec §5 table): 'chosen' (DASH: the user's pair), a fixed pair,
   * or null when it never prunes by scores.
   */
  lambda: 'chosen' | readonly [number, number] | null;
  /** Trains with PHOENIX's prior loss (weighted by λ_d, the `pinnLambda` option). */
  priorLoss: boolean;
  /** Penalty strategies: the paper's settings (sources in compute/README.md, "Penalty baselines"). */
  penalty?: PenaltySettings;
}

// The authors' baseline script (DASH repo, ode_net/code/train_pathreg_cnode_L0_simu.py) and their
// L0_MLP (pathreg_helper_PHX.py): temperature 2/3 for PathReg and C-NODE, 1/50 for L0; gate drop
// rates 0.2 (first layers) and 0.5 (second); λ_L1 = 1e-3, λ_PathReg = 1e-4; L0_MLP's λ = 1 over N = 50,000.
const AUTHORS_GATES: GateSettings = { temperature: 2 / 3, dropInit: [0.2, 0.5] };

export const STRATEGIES = {
  none: { label: 'PHOENIX (unpruned)', description: 'PHOENIX without pruning.', needsPrior: false, kind: 'unpruned', lambda: null, priorLoss: false },
  imp: { label: 'IMP', description: 'Iterative magnitude pruning (λ = (0, 0)).', needsPrior: false, kind: 'pruning', lambda: [0, 0], priorLoss: false },
  bioprune: { label: 'BioPrune', description: 'Pruning by the prior alone (λ = (1, 1)).', needsPrior: true, kind: 'pruning', lambda: [1, 1], priorLoss: false },
  dash: { label: 'DASH', description: 'Pruning by data and prior, λ = (λ₁, λ₂).', needsPrior: true, kind: 'pruning', lambda: 'chosen', priorLoss: false },
  pinn: { label: 'PINN', description: 'PHOENIX’s prior loss, unpruned.', needsPrior: true, kind: 'unpruned', lambda: null, priorLoss: true },
  'pinn-mp': { label: 'PINN + MP', description: 'The prior loss with magnitude pruning.', needsPrior: true, kind: 'pruning', lambda: [0, 0], priorLoss: true },
  l0: {
    label: 'L0 gates',
    description: 'Hard-concrete L0 gates (Louizos et al. 2018) on every layer’s inputs, with the expected-L0 penalty.',
    needsPrior: false,
    kind: 'penalty',
    lambda: null,
    priorLoss: false,
    penalty: { gates: { temperature: 1 / 50, dropInit: [0.2, 0.5] }, l0: 1 / 50_000, pathL1: 0, pathReg: 0 },
  },
  'path-l1': {
    label: 'C-NODE (path L1)',
    description: 'C-NODE-style L1 penalty on the input-output paths, mean(|W₁|·|W₂|), with the authors’ gates.',
    needsPrior: false,
    kind: 'penalty',
    lambda: null,
    priorLoss: false,
    penalty: { gates: AUTHORS_GATES, l0: 0, pathL1: 1e-3, pathReg: 0 },
  },
  pathreg: {
    label: 'PathReg',
    description: 'PathReg (Aliee et al. 2022): L0 gates with a penalty on the gated input-output paths, plus path L1.',
    needsPrior: false,
    kind: 'penalty',
    lambda: null,
    priorLoss: false,
    penalty: { gates: AUTHORS_GATES, l0: 0, pathL1: 1e-3, pathReg: 1e-4 },
  },
} as const satisfies Record<string, StrategyInfo>;

export type StrategyId = keyof typeof STRATEGIES;
export const STRATEGY_IDS = Object.keys(STRATEGIES) as [StrategyId, ...StrategyId[]];

export function strategyInfo(id: StrategyId): StrategyInfo {
  return STRATEGIES[id];
}

export const PENALTY_STRATEGIES = STRATEGY_IDS.filter((id) => STRATEGIES[id].kind === 'penalty');

/** Options of the training config that only some strategies read (the field table's `scope`). */
export type OptionScope = 'lambda' | 'pinnLambda' | 'pruning' | 'prior';

/** Which of the scoped options a strategy reads: DASH's λ, PINN's λ_d, the pruning schedule, the prior. */
export function strategyReads(id: StrategyId, scope: OptionScope): boolean {
  const s: StrategyInfo = STRATEGIES[id];
  if (scope === 'lambda') return s.lambda === 'chosen';
  if (scope === 'pinnLambda') return s.priorLoss;
  if (scope === 'pruning') return s.kind === 'pruning';
  return s.needsPrior;
}

/** (λ₁, λ₂) as a strategy's pruning scores use them: DASH's chosen pair, or the pair a baseline is defined by. */
export function strategyLambdas(id: StrategyId, chosen?: readonly [number, number] | null): [number, number] | null {
  const rule: StrategyInfo['lambda'] = STRATEGIES[id].lambda;
  if (rule === 'chosen') return chosen ? [chosen[0], chosen[1]] : null;
  return rule ? [rule[0], rule[1]] : null;
}
