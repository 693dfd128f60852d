/**
 * Butcher tableaux for explicit Runge–Kutta methods. One stepper (./stepper.ts) runs all of them.
 */
export interface Tableau {
  name: string;
  /** Order of the propagated solution (`b`). */
  order: number;
  /** Stage nodes c_i. */
  c: number[];
  /** Strictly lower-triangular stage coefficients: a[i] has i entries. */
  a: number[][];
  /** Weights of the propagated solution. */
  b: number[];
  /** Weights of the embedded solution of lower order (`bHat`), when the method has an error estimate. */
  bHat?: number[];
  /** Order of the embedded solution. */
  errorOrder?: number;
  /** First-same-as-last: the last stage is f at the new state, so it seeds the next step's first stage. */
  fsal?: boolean;
}

/** The classic fourth-order Runge–Kutta method. */
export const rk4: Tableau = {
  name: 'rk4',
  order: 4,
  c: [0, 1 / 2, 1 / 2, 1],
  a: [[], [1 / 2], [0, 1 / 2], [0, 0, 1]],
  b: [1 / 6, 1 / 3, 1 / 3, 1 / 6],
};

/** Dormand–Prince 5(4): fifth-order solution, embedded fourth-order error estimate, FSAL. */
export const dopri5: Tableau = {
  name: 'dopri5',
  order: 5,
  errorOrder: 4,
  fsal: true,
  c: [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1],
  a: [
    [],
    [1 / 5],
    [3 / 40, 9 / 40],
    [44 / 45, -56 / 15, 32 / 9],
    [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
    [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
    [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
  ],
  b: [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0],
  bHat: [5179 / 57600, 0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40],
};

/** The explicit Euler method (first order); useful as the simplest check of the stepper. */
export const euler: Tableau = {
  name: 'euler',
  order: 1,
  c: [0],
  a: [[]],
  b: [1],
};
