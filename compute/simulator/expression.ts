import { FormatError } from '../formats/errors';
import { hillActivation } from './hill';

/** A rate expression over gene levels; `hill` is the simulator's fAct(regulator, EC50, n). */
export type RateExpr =
  | { op: 'num'; value: number }
  | { op: 'gene'; gene: number }
  | { op: 'hill'; gene: number; ec50: number; n: number }
  | { op: '+' | '-' | '*' | '/' | 'or'; left: RateExpr; right: RateExpr }
  | { op: 'neg'; arg: RateExpr };

/** Compiles to a closure over the state vector (no eval: equation files may come from users). */
export function compileRate(e: RateExpr): (x: Float64Array) => number {
  switch (e.op) {
    case 'num': {
      const v = e.value;
      return () => v;
    }
    case 'gene': {
      const g = e.gene;
      return (x) => x[g];
    }
    case 'hill': {
      const f = hillActivation(e.ec50, e.n);
      const g = e.gene;
      return (x) => f(x[g]);
    }
    case 'neg': {
      const a = compileRate(e.arg);
      return (x) => -a(x);
    }
    default: {
      const a = compileRate(e.left);
      const b = compileRate(e.right);
      switch (e.op) {
        case '+':
          return (x) => a(x) + b(x);
        case '-':
          return (x) => a(x) - b(x);
        case '*':
          return (x) => a(x) * b(x);
        case '/':
          return (x) => a(x) / b(x);
        case 'or':
          return (x) => {
            const p = a(x);
            const q = b(x);
            return p + q - p * q;
          };
      }
    }
  }
}

/** Every Hill term of an expression, in reading order. */
export function hillTerms(e: RateExpr): Extract<RateExpr, { op: 'hill' }>[] {
  switch (e.op) {
    case 'hill':
      return [e];
    case 'num':
    case 'gene':
      return [];
    case 'neg':
      return hillTerms(e.arg);
    default:
      return [...hillTerms(e.left), ...hillTerms(e.right)];
  }
}

type Token = { kind: 'num'; value: number; at: number } | { kind: 'name'; name: string; at: number } | { kind: 'sym'; sym: string; at: number };

const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_.]*|`[^`]+`)|([-+*/(),]))/y;

/**
 * Parses the simulator's equation text: numbers, gene names, fAct(gene, EC50, n), + − * /, unary
 * minus and parentheses, e.g. `((1 * fAct(GAL11, 0.408, 1.695)) * 1 - 1 * A1_ALPHA2) / 1`; a gene
 * name that is not a plain identifier is written in backticks (`HLA-A`).
 * `resolve` maps a gene name to its index (or returns undefined). Errors point at the line, the
 * equation's column and the character within it.
 */
export function parseRateExpression(text: string, resolve: (name: string) => number | undefined, where: { line: number; column: number }): RateExpr {
  const tokens = tokenize(text, where);
  let pos = 0;
  const fail = (message: string, at = tokens[pos]?.at ?? text.length): never => {
    throw new FormatError('invalid-value', `${message} at character ${at + 1} of the equation`, where);
  };
  const peekSym = (sym: string) => {
    const t = tokens[pos];
    return t !== undefined && t.kind === 'sym' && t.sym === sym;
  };
  const expectSym = (sym: string) => {
    if (!peekSym(sym)) fail(`expected '${sym}'`);
    pos++;
  };
  const gene = (name: string, at: number): number => resolve(name) ?? fail(`unknown gene '${name}'`, at);
  const signedNumber = (): number => {
    let sign = 1;
    if (peekSym('-') || peekSym('+')) {
      sign = (tokens[pos] as { sym: string }).sym === '-' ? -1 : 1;
      pos++;
    }
    const t = tokens[pos];
    if (t?.kind !== 'num') return fail('expected a number');
    pos++;
    return sign * t.value;
  };

  const expression = (): RateExpr => {
    let left = term();
    while (peekSym('+') || peekSym('-')) {
      const op = (tokens[pos++] as { sym: '+' | '-' }).sym;
      left = { op, left, right: term() };
    }
    return left;
  };
  const term = (): RateExpr => {
    let left = unary();
    while (peekSym('*') || peekSym('/')) {
      const op = (tokens[pos++] as { sym: '*' | '/' }).sym;
      left = { op, left, right: unary() };
    }
    return left;
  };
  const unary = (): RateExpr => {
    if (peekSym('-')) {
      pos++;
      return { op: 'neg', arg: unary() };
    }
    if (peekSym('+')) {
      pos++;
      return unary();
    }
    return primary();
  };
  const primary = (): RateExpr => {
    const t = tokens[pos];
    if (t === undefined) return fail('unexpected end');
    pos++;
    if (t.kind === 'num') return { op: 'num', value: t.value };
    if (t.kind === 'sym') {
      if (t.sym !== '(') return fail(`unexpected '${t.sym}'`, t.at);
      const inner = expression();
      expectSym(')');
      return inner;
    }
    if (t.name === 'fAct' && peekSym('(')) {
      pos++;
      const arg = tokens[pos];
      if (arg?.kind !== 'name') return fail('fAct needs a gene name first');
      pos++;
      const regulator = gene(arg.name, arg.at);
      expectSym(',');
      const ec50 = signedNumber();
      expectSym(',');
      const n = signedNumber();
      expectSym(')');
      if (!(ec50 > 0 && n > 0)) fail('fAct needs a positive EC50 and Hill coefficient', arg.at);
      return { op: 'hill', gene: regulator, ec50, n };
    }
    return { op: 'gene', gene: gene(t.name, t.at) };
  };

  const result = expression();
  if (pos < tokens.length) fail('unexpected text after the end of the expression');
  return result;
}

function tokenize(text: string, where: { line: number; column: number }): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (text.slice(at).trim() !== '') {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) {
      const bad = at + (text.slice(at).length - text.slice(at).trimStart().length);
      throw new FormatError('invalid-value', `unexpected character '${text[bad]}' at character ${bad + 1} of the equation`, where);
    }
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]), at: start });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', name: m[2].startsWith('`') ? m[2].slice(1, -1) : m[2], at: start });
    else tokens.push({ kind: 'sym', sym: m[3], at: start });
    at = TOKEN.lastIndex;
  }
  return tokens;
}
