import { parseDelimited, parseNumberCell, truncate } from '../formats/csv';
import { FormatError, checkInput, type ParseOptions } from '../formats/errors';
import { compileRate, hillTerms, parseRateExpression, type RateExpr } from './expression';
import type { KineticEdge, KineticNetwork } from './network';

const INPUT_GENE = 'input gene';

/**
 * sim350's `ode_equations.csv` (`node,eqn`): each gene's dx/dt, or `input gene`.
 * With `genes` (genes.csv), genes follow that order; sim350 names an input gene `X` in the equations
 * but `X_input` in genes.csv, so a name not in the list is looked up with the `_input` suffix.
 * Edges come from the fAct terms (one edge per regulator, with its first term's EC50 and n); the sign
 * is whether raising the regulator's Hill terms raises the rate (the simulator's AND/OR logic is
 * monotone in each regulator).
 */
export function parseOdeEquations(text: string, genes?: readonly string[], options: ParseOptions = {}): KineticNetwork {
  checkInput(text, 'equations file', options);
  const [header, ...rows] = parseDelimited(text);
  if (header.cells.length !== 2 || header.cells[0].trim() !== 'node' || header.cells[1].trim() !== 'eqn') {
    throw new FormatError('wrong-header', `expected the header 'node,eqn', found '${truncate(header.cells.join(','))}'`, { line: header.line });
  }
  const nodeNames = rows.map((row) => {
    if (row.cells.length !== 2) throw new FormatError('ragged-row', `expected 2 cells (node, eqn), found ${row.cells.length}`, { line: row.line });
    return row.cells[0].trim();
  });
  const order = genes ? [...genes] : nodeNames;
  const resolve = geneResolver(order);
  const indexOfRow = rows.map((row, r) => {
    const index = resolve(nodeNames[r]);
    if (index === undefined) throw new FormatError('unknown-gene', `gene '${nodeNames[r]}' is not in the gene list`, { line: row.line, column: 1 });
    return index;
  });
  const rates: (RateExpr | null | undefined)[] = new Array(order.length).fill(undefined);
  rows.forEach((row, r) => {
    const i = indexOfRow[r];
    if (rates[i] !== undefined) throw new FormatError('duplicate-gene', `gene '${nodeNames[r]}' has a second equation`, { line: row.line, column: 1 });
    const eqn = row.cells[1].trim();
    rates[i] = eqn === INPUT_GENE ? null : parseRateExpression(eqn, resolve, { line: row.line, column: 2 });
  });
  const missing = order.filter((_, i) => rates[i] === undefined);
  if (missing.length > 0) throw new FormatError('wrong-shape', `no equation for ${missing.length} genes, e.g. '${missing[0]}'`);
  const complete = rates as (RateExpr | null)[];
  return { genes: order, rates: complete, edges: edgesOf(complete) };
}

function geneResolver(genes: readonly string[]): (name: string) => number | undefined {
  const index = new Map(genes.map((g, i) => [g, i]));
  return (name) => index.get(name) ?? index.get(`${name}_input`);
}

function edgesOf(rates: (RateExpr | null)[]): KineticEdge[] {
  const probe = new Float64Array(rates.length).fill(0.5);
  const edges: KineticEdge[] = [];
  rates.forEach((rate, target) => {
    if (rate === null) return;
    const firstTerm = new Map<number, Extract<RateExpr, { op: 'hill' }>>();
    for (const term of hillTerms(rate)) if (!firstTerm.has(term.gene)) firstTerm.set(term.gene, term);
    for (const [regulator, term] of firstTerm) {
      // OR is written out as a + b − a·b, so a regulator appears more than once: vary all its terms
      // together (the terms, not the gene, so a self-loop's decay term cannot flip the sign).
      const high = compileRate(setTerms(rate, regulator, 0.9))(probe);
      const low = compileRate(setTerms(rate, regulator, 0.1))(probe);
      edges.push({ regulator, target, sign: high >= low ? 1 : -1, ec50: term.ec50, hill: term.n });
    }
  });
  return edges;
}

function setTerms(e: RateExpr, regulator: number, value: number): RateExpr {
  switch (e.op) {
    case 'hill':
      return e.gene === regulator ? { op: 'num', value } : e;
    case 'num':
    case 'gene':
      return e;
    case 'neg':
      return { op: 'neg', arg: setTerms(e.arg, regulator, value) };
    default:
      return { op: e.op, left: setTerms(e.left, regulator, value), right: setTerms(e.right, regulator, value) };
  }
}

export interface NamedKineticEdge {
  regulator: string;
  target: string;
  sign: 1 | -1;
  ec50: number;
  hill: number;
}

/** sim350's `edges_kinetics.csv`: `from,to,weight,activation,EC50,n` (activation TRUE/FALSE). */
export function parseEdgesKinetics(text: string, options: ParseOptions = {}): NamedKineticEdge[] {
  checkInput(text, 'kinetics file', options);
  const [header, ...rows] = parseDelimited(text);
  const names = header.cells.map((c) => c.trim());
  const column = (name: string) => {
    const at = names.indexOf(name);
    if (at < 0)
      throw new FormatError('wrong-header', `the header must have a '${name}' column (found '${truncate(header.cells.join(','))}')`, { line: header.line });
    return at;
  };
  const [from, to, activation, ec50, hill] = ['from', 'to', 'activation', 'EC50', 'n'].map(column);
  return rows.map((row) => {
    if (row.cells.length !== header.cells.length) {
      throw new FormatError('ragged-row', `expected ${header.cells.length} cells like the header, found ${row.cells.length}`, { line: row.line });
    }
    const act = row.cells[activation].trim().toUpperCase();
    if (act !== 'TRUE' && act !== 'FALSE') {
      throw new FormatError('invalid-value', `activation must be TRUE or FALSE, found '${truncate(row.cells[activation])}'`, {
        line: row.line,
        column: activation + 1,
      });
    }
    return {
      regulator: row.cells[from].trim(),
      target: row.cells[to].trim(),
      sign: act === 'TRUE' ? 1 : -1,
      ec50: parseNumberCell(row.cells[ec50], row.line, ec50 + 1),
      hill: parseNumberCell(row.cells[hill], row.line, hill + 1),
    };
  });
}

/**
 * Checks that the equations and the kinetics table describe the same edges (same regulator, target,
 * sign, EC50 and n); throws a FormatError naming the first disagreement.
 */
export function verifyKinetics(network: KineticNetwork, kinetics: readonly NamedKineticEdge[]): void {
  const resolve = geneResolver(network.genes);
  const key = (r: number, t: number) => `${r}>${t}`;
  const fromEquations = new Map(network.edges.map((e) => [key(e.regulator, e.target), e]));
  const describe = (e: NamedKineticEdge) => `${e.regulator} → ${e.target}`;
  for (const k of kinetics) {
    const r = resolve(k.regulator);
    const t = resolve(k.target);
    if (r === undefined || t === undefined) throw new FormatError('unknown-gene', `kinetics edge ${describe(k)} names a gene not in the network`);
    const e = fromEquations.get(key(r, t));
    if (!e) throw new FormatError('invalid-value', `kinetics edge ${describe(k)} has no fAct term in the equations`);
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    if (e.sign !== k.sign || !close(e.ec50, k.ec50) || !close(e.hill, k.hill)) {
      throw new FormatError('invalid-value', `kinetics edge ${describe(k)} disagrees with the equations (sign, EC50 or n)`);
    }
    fromEquations.delete(key(r, t));
  }
  const extra = [...fromEquations.values()][0];
  if (extra) {
    throw new FormatError(
      'invalid-value',
      `the equations have an edge ${network.genes[extra.regulator]} → ${network.genes[extra.target]} missing from the kinetics table`,
    );
  }
}
