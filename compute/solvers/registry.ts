/**
 * The ODE solvers a training may use, in one registry: the config schema, the CLI's --solver, GraphQL's
 * Solver enum and the launch form read it. Plain data: loads no TensorFlow.js.
 */
export const SOLVERS = {
  rk4: { label: 'RK4', description: 'Classic fixed-step Runge–Kutta 4 with enough steps per interval (the default; exact discrete adjoint).' },
  dopri5: { label: 'Dormand–Prince 5(4)', description: 'Adaptive Dormand–Prince 5(4) with rtol/atol.' },
} as const satisfies Record<string, { label: string; description: string }>;

export type SolverId = keyof typeof SOLVERS;
export const SOLVER_IDS = Object.keys(SOLVERS) as [SolverId, ...SolverId[]];
