/**
 * Finds the GraphQL documents written in TypeScript sources and checks them against the schema, for
 * scripts/lib/graphql-documents.test.ts. A document is the text of a `graphql(...)` call, or any other string
 * that reads as an operation (`query …`, `mutation …`, `{ … }`); in app/ every document must be a
 * `graphql(...)` call, so gql.tada types it.
 */
import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, type GraphQLSchema, Kind, parse, validate, visit } from 'graphql';
import ts from 'typescript';

export interface FoundDocument {
  file: string;
  line: number;
  text: string;
  /** Written as `graphql(...)` (typed by gql.tada), not as a bare string. */
  tagged: boolean;
}

export interface DocumentProblem {
  file: string;
  line: number;
  message: string;
}

const OPERATION_START = /^\s*(query|mutation|subscription|fragment)\b/;

function isGraphqlCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'graphql';
}

/** Every document in one source file; `problems` gets the ones that cannot be checked (built from pieces). */
export function findDocuments(file: string, source: string, problems: DocumentProblem[] = []): FoundDocument[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: FoundDocument[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visitNode = (node: ts.Node): void => {
    if (isGraphqlCall(node)) {
      const [first] = node.arguments;
      if (first && (ts.isNoSubstitutionTemplateLiteral(first) || ts.isStringLiteral(first))) {
        found.push({ file, line: lineOf(first), text: first.text, tagged: true });
      } else {
        problems.push({ file, line: lineOf(node), message: 'graphql(...) takes one literal document (no ${…}); compose with fragments' });
      }
      for (const arg of node.arguments.slice(1)) ts.forEachChild(arg, visitNode);
      return;
    }
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) {
      const text = node.text;
      if (OPERATION_START.test(text) || /^\s*\{/.test(text)) {
        try {
          const doc = parse(text);
          if (doc.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION)) {
            found.push({ file, line: lineOf(node), text, tagged: false });
          }
        } catch (e) {
          if (OPERATION_START.test(text)) problems.push({ file, line: lineOf(node), message: `does not parse: ${(e as Error).message}` });
        }
      }
    } else if (ts.isTemplateExpression(node) && OPERATION_START.test(node.head.text)) {
      problems.push({ file, line: lineOf(node), message: 'a document built from pieces (${…}) cannot be checked; write it whole' });
    }
    ts.forEachChild(node, visitNode);
  };
  visitNode(sf);
  return found;
}

/** `@_unmask` tells gql.tada to type a fragment's fields inline; gql.tada removes it before the document is sent. */
function withoutClientDirectives(doc: DocumentNode): DocumentNode {
  // biome-ignore lint/correctness/noComponentHookFactories: a graphql-js visitor key, not a React component
  return visit(doc, { Directive: (d) => (d.name.value === '_unmask' ? null : undefined) });
}

function fragmentSpreads(node: DocumentNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  // biome-ignore lint/correctness/noComponentHookFactories: a graphql-js visitor key, not a React component
  visit(node, { FragmentSpread: (s) => void names.push(s.name.value) });
  return names;
}

/**
 * Validates every operation with the fragments it spreads (gql.tada passes them along in the same request).
 * Fragments are matched by name across all documents, and a name must be unique.
 */
export function validateDocuments(schema: GraphQLSchema, documents: FoundDocument[]): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const parsed = documents.map((d) => ({ d, doc: withoutClientDirectives(parse(d.text)) }));
  const fragments = new Map<string, { def: FragmentDefinitionNode; at: FoundDocument }>();
  for (const { d, doc } of parsed) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.FRAGMENT_DEFINITION) continue;
      const seen = fragments.get(def.name.value);
      if (seen) problems.push({ file: d.file, line: d.line, message: `fragment ${def.name.value} is also defined at ${seen.at.file}:${seen.at.line}` });
      else fragments.set(def.name.value, { def, at: d });
    }
  }
  const used = new Set<string>();
  for (const { d, doc } of parsed) {
    const operations = doc.definitions.filter((def) => def.kind === Kind.OPERATION_DEFINITION);
    if (operations.length === 0) continue;
    const own = new Set(doc.definitions.flatMap((def) => (def.kind === Kind.FRAGMENT_DEFINITION ? [def.name.value] : [])));
    const extra: FragmentDefinitionNode[] = [];
    const queue = fragmentSpreads(doc);
    while (queue.length > 0) {
      const name = queue.pop() as string;
      used.add(name);
      if (own.has(name)) continue;
      own.add(name);
      const fragment = fragments.get(name);
      if (!fragment) continue; // validate() reports the unknown fragment
      extra.push(fragment.def);
      queue.push(...fragmentSpreads(fragment.def));
    }
    const errors: readonly GraphQLError[] = validate(schema, { ...doc, definitions: [...doc.definitions, ...extra] });
    for (const error of errors) problems.push({ file: d.file, line: d.line, message: error.message });
  }
  for (const [name, { at }] of fragments) {
    if (!used.has(name)) problems.push({ file: at.file, line: at.line, message: `fragment ${name} is spread by no operation, so nothing checks it` });
  }
  return problems;
}
