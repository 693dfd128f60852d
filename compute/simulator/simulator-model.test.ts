import { describe, expect, it } from 'vitest';
import { loadSim350Network, readSim350File } from '../fixtures/sim350';
import { parseDenseMatrix } from '../formats/dense-matrix';
import { FormatError } from '../formats/errors';
import { compileRate, parseRateExpression } from './expression';
import { hillActivation } from './hill';
import { networkDerivative, truthMatrix } from './network';
import { randomKinetics } from './random-kinetics';
import { parseEdgesKinetics, parseOdeEquations, verifyKinetics } from './sim-files';

describe('hillActivation', () => {
  it('passes through 0, ½ at EC50 and 1 at 1', () => {
    for (const [ec50, n] of [
      [0.4, 1.01],
      [0.5, 1.39],
      [0.6, 1.7],
    ]) {
      const f = hillActivation(ec50, n);
      expect(f(0)).toBe(0);
      expect(f(ec50)).toBeCloseTo(0.5, 12);
      expect(f(1)).toBeCloseTo(1, 12);
    }
  });

  it('matches B xⁿ / ((B − 1) + xⁿ) by hand: EC50 0.4, n 1 → B = −0.6/−0.2 = 3, f(0.2) = 0.6/2.2', () => {
    expect(hillActivation(0.4, 1)(0.2)).toBeCloseTo(0.6 / 2.2, 12);
  });

  it('treats negative levels as 0 and handles EC50ⁿ = ½ (B infinite) as xⁿ', () => {
    expect(hillActivation(0.5, 1.2)(-0.1)).toBe(0);
    const ec50 = 0.5 ** (1 / 1.3);
    expect(hillActivation(ec50, 1.3)(0.7)).toBeCloseTo(0.7 ** 1.3, 9);
  });
});

describe('parseRateExpression', () => {
  const genes = ['X', 'Y', 'Z'];
  const resolve = (name: string) => (genes.includes(name) ? genes.indexOf(name) : undefined);
  const at = { line: 7, column: 2 };

  it('evaluates the simulator grammar with the usual precedence', () => {
    const e = parseRateExpression('((1 - 1 * fAct(X, 0.4, 1)) * 1 - 1 * Z) / 2 + -Y * 2', resolve, at);
    const x = Float64Array.from([0.2, 0.1, 0.3]);
    // fAct(X=0.2) = 0.6/2.2 (see above); ((1 − 0.6/2.2) − 0.3)/2 − 0.2
    expect(compileRate(e)(x)).toBeCloseTo((1 - 0.6 / 2.2 - 0.3) / 2 - 0.2, 12);
  });

  it('reports unknown genes and syntax errors with line, column and character', () => {
    const unknown = (() => {
      try {
        parseRateExpression('1 * fAct(W, 0.5, 1.2)', resolve, at);
      } catch (e) {
        return e as FormatError;
      }
    })();
    expect(unknown?.message).toBe("line 7, column 2: unknown gene 'W' at character 10 of the equation");
    expect(() => parseRateExpression('(X + 1', resolve, at)).toThrow(/expected '\)'/);
    expect(() => parseRateExpression('X ^ 2', resolve, at)).toThrow(/unexpected character '\^' at character 3/);
    expect(() => parseRateExpression('X Y', resolve, at)).toThrow(/unexpected text after the end/);
    expect(() => parseRateExpression('fAct(X, 0, 1)', resolve, at)).toThrow(/positive EC50/);
  });
});

describe('sim350 equations', () => {
  it('parse into the true network: 550 signed edges, 73 inputs, agreeing with edges_kinetics.csv and the truth matrix', () => {
    const network = loadSim350Network();
    expect(network.edges).toHaveLength(550);
    expect(network.rates.filter((r) => r === null)).toHaveLength(73);
    expect(network.edges.filter((e) => e.sign > 0)).toHaveLength(374);
    const truth = parseDenseMatrix(readSim350File('prior_matrix_noise_0.0.csv.gz'), network.genes).matrix;
    expect(Array.from(truthMatrix(network).data)).toEqual(Array.from(truth.data));
  });

  it('refuses kinetics that disagree with the equations', () => {
    const network = parseOdeEquations('node,eqn\nA,input gene\nB,"(1 * fAct(A, 0.5, 1.2)) * 1 - 1 * B"\n');
    expect(network.edges).toEqual([{ regulator: 0, target: 1, sign: 1, ec50: 0.5, hill: 1.2 }]);
    const kinetics = (activation: string, ec50: string) => parseEdgesKinetics(`from,to,weight,activation,EC50,n\nA,B,1,${activation},${ec50},1.2\n`);
    expect(() => verifyKinetics(network, kinetics('TRUE', '0.5'))).not.toThrow();
    expect(() => verifyKinetics(network, kinetics('FALSE', '0.5'))).toThrow(/disagrees/);
    expect(() => verifyKinetics(network, kinetics('TRUE', '0.45'))).toThrow(/disagrees/);
  });

  it('reports a wrong header, unknown genes and missing equations', () => {
    expect(() => parseOdeEquations('gene,equation\nA,input gene\n')).toThrow(/expected the header 'node,eqn'/);
    expect(() => parseOdeEquations('node,eqn\nA,input gene\n', ['A', 'B'])).toThrow(/no equation for 1 genes, e.g. 'B'/);
    expect(() => parseOdeEquations('node,eqn\nA,"1 - Q"\n')).toThrow("line 2, column 2: unknown gene 'Q' at character 5 of the equation");
    const unknownNode = (() => {
      try {
        parseOdeEquations('node,eqn\nA,input gene\nZ,input gene\n', ['A']);
      } catch (e) {
        return e as FormatError;
      }
    })();
    expect([unknownNode?.kind, unknownNode?.line, unknownNode?.column]).toEqual(['unknown-gene', 3, 1]);
  });
});

describe('networkDerivative', () => {
  it('computes R(x) − x for targets and 0 for inputs', () => {
    // A input; B activated by A (EC50 0.4, n 1); C repressed by B (EC50 0.4, n 1), OR-combined with A.
    const network = parseOdeEquations(
      'node,eqn\nA,input gene\nB,"fAct(A, 0.4, 1) - B"\nC,"((1 - fAct(B, 0.4, 1)) + fAct(A, 0.4, 1) - (1 - fAct(B, 0.4, 1)) * fAct(A, 0.4, 1)) - C"\n',
    );
    const dy = networkDerivative(network)(0, Float64Array.from([0.2, 0.2, 0.5]));
    const f = 0.6 / 2.2; // fAct(0.2) with EC50 0.4, n 1
    expect(dy[0]).toBe(0);
    expect(dy[1]).toBeCloseTo(f - 0.2, 12);
    expect(dy[2]).toBeCloseTo(1 - f + f - (1 - f) * f - 0.5, 12);
    expect(network.edges.map((e) => [e.regulator, e.target, e.sign])).toEqual([
      [0, 1, 1],
      [1, 2, -1],
      [0, 2, 1],
    ]);
  });
});

describe('randomKinetics', () => {
  const signed = { n: 4, data: Float64Array.from([0, 1, -1, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0]) };
  const genes = ['A', 'B', 'C', 'D'];

  it('gives every edge kinetics in the sim350 ranges, keeps signs, and makes regulator-free genes inputs', () => {
    const network = randomKinetics(genes, signed, 3);
    expect(Array.from(truthMatrix(network).data)).toEqual(Array.from(signed.data));
    expect(network.rates.map((r) => r === null)).toEqual([true, false, false, false]);
    for (const e of network.edges) {
      expect(e.ec50).toBeGreaterThanOrEqual(0.4);
      expect(e.ec50).toBeLessThanOrEqual(0.6);
      expect(e.hill).toBeGreaterThanOrEqual(1.01);
      expect(e.hill).toBeLessThanOrEqual(1.7);
    }
  });

  it('is reproducible from its seed and differs between seeds', () => {
    expect(randomKinetics(genes, signed, 3)).toEqual(randomKinetics(genes, signed, 3));
    expect(randomKinetics(genes, signed, 3).edges[0].ec50).not.toBe(randomKinetics(genes, signed, 4).edges[0].ec50);
  });

  it('keeps every regulation in [0, 1] so dx/dt = R − x pulls levels into [0, 1]', () => {
    const derivative = networkDerivative(randomKinetics(genes, signed, 5));
    for (const level of [0, 0.3, 1]) {
      const dy = derivative(0, new Float64Array(4).fill(level));
      for (let i = 1; i < 4; i++) {
        expect(dy[i] + level).toBeGreaterThanOrEqual(-1e-12);
        expect(dy[i] + level).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  });
});
