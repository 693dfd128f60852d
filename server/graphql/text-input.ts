import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * Text the database cannot store as given: NUL (PostgreSQL refuses it, which surfaced as an internal
 * error) and lone UTF-16 surrogates (silently turned into U+FFFD on the way to UTF-8). Checked on every
 * string variable and literal before resolvers run. Strings longer than FILE_SIZED are uploaded files,
 * which their parsers check (off the request thread, with line and column).
 */
const FILE_SIZED = 64 * 1024;

export function badTextInput(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | null {
  const found = variables ? findInValue(variables, 'variables') : null;
  if (found) return found;
  let literal: GraphQLError | null = null;
  visit(document, {
    StringValue(node) {
      literal ??= checkString(node.value, 'a string in the query');
    },
  });
  return literal;
}

function findInValue(value: unknown, path: string): GraphQLError | null {
  if (typeof value === 'string') return checkString(value, path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findInValue(v, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findInValue(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

function checkString(s: string, where: string): GraphQLError | null {
  if (s.length > FILE_SIZED) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return refuse(where, i, 'a NUL character', 'binary-content');
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return refuse(where, i, 'a lone UTF-16 surrogate', 'invalid-text');
    }
    if (c >= 0xdc00 && c <= 0xdfff) return refuse(where, i, 'a lone UTF-16 surrogate', 'invalid-text');
  }
  return null;
}

function refuse(where: string, index: number, what: string, kind: string): GraphQLError {
  const field = where.startsWith('variables.') ? where.split('.').at(-1) : undefined;
  return new GraphQLError(`${where} contains ${what} (at character ${index + 1}), which is not text that can be stored.`, {
    extensions: { code: 'BAD_USER_INPUT', kind, ...(field ? { field } : {}), http: { status: 400 } },
  });
}
