/**
 * The browser's way to talk to the API: every page reads and writes through /api/graphql,
 * so authorisation is enforced in one place (the services) for the UI and for scripts alike.
 */
import { print } from 'graphql';
import type { ResultOf, TadaDocumentNode, VariablesOf } from './graphql';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

// biome-ignore lint/suspicious/noExplicitAny: any document, its own result and variables types
type AnyDocument = TadaDocumentNode<any, any>;

/** Documents without variables need no second argument; others must get exactly theirs. */
type VariablesArg<D extends AnyDocument> = Record<string, never> extends VariablesOf<D> ? [variables?: VariablesOf<D>] : [variables: VariablesOf<D>];

const printed = new WeakMap<AnyDocument, string>();
function queryText(document: AnyDocument): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

/** Sends one document; its result and variables are typed by the document (see app/lib/graphql.ts). */
export function gql<D extends AnyDocument>(document: D, ...[variables]: VariablesArg<D>): Promise<ResultOf<D>> {
  return request(document, variables as VariablesOf<D> | undefined);
}

/** `gql` for generic callers (e.g. useGql), where the variables' optionality is not known. */
export function request<D extends AnyDocument>(document: D, variables: VariablesOf<D> | undefined): Promise<ResultOf<D>> {
  return send<ResultOf<D>>('/api/graphql', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: queryText(document), variables: variables ?? {} }),
  });
}

/**
 * An upload mutation whose variables hold File objects where the document takes the file's text: sent to
 * /api/uploads as a GraphQL multipart request, the files streamed as they are (no JSON string, its own size
 * limit); same answer as gql.
 */
export function gqlUpload<D extends AnyDocument>(document: D, variables: Record<string, unknown>): Promise<ResultOf<D>> {
  const files: [string, Blob][] = [];
  const withoutFiles = takeFiles(variables, 'variables', files);
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: queryText(document), variables: withoutFiles }));
  form.append('map', JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))));
  files.forEach(([, blob], i) => form.append(String(i), blob));
  return send<ResultOf<D>>('/api/uploads', { headers: { 'apollo-require-preflight': 'true' }, body: form });
}

/** A copy of `value` with each file replaced by null, its path (variables.input.text) added to `files`. */
function takeFiles(value: unknown, path: string, files: [string, Blob][]): unknown {
  if (value instanceof Blob) {
    files.push([path, value]);
    return null;
  }
  if (Array.isArray(value)) return value.map((v, i) => takeFiles(v, `${path}.${i}`, files));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, takeFiles(v, `${path}.${k}`, files)]));
  return value;
}

async function send<TData>(url: string, init: { headers: Record<string, string>; body: BodyInit }): Promise<TData> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', credentials: 'same-origin', ...init });
  } catch {
    throw new GraphQLRequestError('Could not reach the server. Check your connection and try again.', 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as {
    data?: TData;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
  if (!body) throw new GraphQLRequestError(`The server answered ${res.status} without a readable body.`, 'NETWORK');
  const first = body.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    throw new GraphQLRequestError(first.message, String(ext.code ?? 'INTERNAL_SERVER_ERROR'), typeof ext.field === 'string' ? ext.field : undefined, ext);
  }
  return body.data as TData;
}
