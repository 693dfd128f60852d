import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryLimitRules } from './limits';

const schema = buildSchema(`
  type Query { node: Node, nodes(limit: Int): [Node!]!, search(first: Int): [Node!], page(limit: Int = 30): Page! }
  type Page { total: Int!, items: [Node!]! }
  type Mutation { touch: Node }
  type Node { id: ID!, name: String, child: Node, children(limit: Int): [Node!]! }
`);
const limits = { maxDepth: 3, maxCost: 100, defaultListSize: 10, maxMutationFields: 3, maxAliases: 40 };

function problems(query: string, variables?: Record<string, unknown>): string[] {
  return validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(limits, variables)]).map((e) => e.message);
}

describe('query depth limit', () => {
  it('accepts queries up to the limit and refuses deeper ones with the depth named', () => {
    expect(problems(`{ node { child { child { id } } } }`)).toEqual([]);
    expect(problems(`query Deep { node { child { child { child { id } } } } }`)).toEqual([
      'The operation "Deep" is nested 4 levels deep; the limit is 3. Split it into smaller queries.',
    ]);
  });

  it('counts depth through named and inline fragments', () => {
    const viaFragments = `
      query { node { ...A } }
      fragment A on Node { child { ... on Node { child { child { id } } } } }`;
    expect(problems(viaFragments)).toEqual([expect.stringMatching(/nested 4 levels deep/)]);
  });

  it('does not loop on fragment cycles (graphql reports the cycle itself)', () => {
    const cyclic = `query { node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }`;
    expect(problems(cyclic).some((m) => /Cannot spread fragment "A" within itself/.test(m))).toBe(true);
  });

  it('applies to mutations too; introspection lists are not multiplied', () => {
    expect(problems(`mutation { touch { child { child { child { id } } } } }`)).toEqual([expect.stringMatching(/4 levels/)]);
    expect(problems(`{ __schema { types { fields { name } } } }`)).toEqual([]);
  });
});

describe('query cost limit', () => {
  it('multiplies list fields by their limit argument, or the default size', () => {
    // nodes(limit: 5): 1 + 5 × (id + name) = 11
    expect(problems(`{ nodes(limit: 5) { id name } }`)).toEqual([]);
    // nodes: 1 + 10 × (1 + children(limit 9): 1 + 9 × 1) = 1 + 10 × 11 = 111 > 100
    expect(problems(`query Big { nodes { id children(limit: 9) { id } } }`)).toEqual([
      'The operation "Big" has an estimated cost of 111; the limit is 100. Ask for fewer items or fields.',
    ]);
    // The same with 8 children costs 1 + 10 × 10 = 101; with 7, 91.
    expect(problems(`{ nodes { id children(limit: 7) { id } } }`)).toEqual([]);
    expect(problems(`{ search(first: 50) { id name } }`)).toEqual([expect.stringMatching(/estimated cost of 101/)]);
  });

  it("uses a variable limit's real value, and the default size when the variable is not given", () => {
    expect(problems(`query($n: Int) { nodes(limit: $n) { id children { id } } }`)).toEqual([expect.stringMatching(/estimated cost of 121/)]);
    // 1 + 1000 × (id) = 1001: a variable is no way around the limit.
    expect(problems(`query($n: Int) { nodes(limit: $n) { id } }`, { n: 1000 })).toEqual([expect.stringMatching(/estimated cost of 1001/)]);
    expect(problems(`query($n: Int) { nodes(limit: $n) { id } }`, { n: 4 })).toEqual([]);
  });

  it('counts every alias and every introspection field', () => {
    const typenames = Array.from({ length: 101 }, () => '__typename').join(' ');
    expect(problems(`{ ${typenames} }`)).toEqual([expect.stringMatching(/estimated cost of 101/)]);
    const aliases = Array.from({ length: 34 }, (_, i) => `n${i}: node { id name }`).join(' ');
    expect(problems(`{ ${aliases} }`)).toEqual([expect.stringMatching(/estimated cost of 102/)]);
    expect(problems(`{ __type(name: "Node") { name fields { name } } }`)).toEqual([]);
  });
});

describe('paged objects', () => {
  it("size the lists inside them by the page's limit, or its default", () => {
    // page: 1 + (total 1 + items: 1 + 30 × id) = 33
    expect(problems(`{ page { total items { id } } }`)).toEqual([]);
    expect(problems(`query($n: Int) { page(limit: $n) { total items { id name } } }`, { n: 60 })).toEqual([expect.stringMatching(/estimated cost of 123/)]);
  });
});

describe('alias cap', () => {
  it('refuses more aliases than the cap, however cheap the fields', () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
    expect(problems(`{ ${aliases(40)} }`)).toEqual([]);
    expect(problems(`query Many { node { ${aliases(41)} } }`)).toEqual(['The operation "Many" uses 41 aliases; the limit is 40.']);
  });
});

describe('mutation field cap', () => {
  it('refuses more aliased mutations than the cap, counting fragments', () => {
    expect(problems(`mutation { a: touch { id } b: touch { id } c: touch { id } }`)).toEqual([]);
    expect(problems(`mutation Many { a: touch { id } b: touch { id } ...F } fragment F on Mutation { c: touch { id } d: touch { id } }`)).toEqual([
      'The mutation "Many" runs 4 mutations; at most 3 may run in one request.',
    ]);
  });
});
