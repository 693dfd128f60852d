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
type VariablesArg<D extends AnyDocument> = Record<string, never> extends VariablesOf<D>
  ? [variables?: VariablesOf<D>]
  : [variables: VariablesOf<D>];

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
export async function request<D extends AnyDocument>(document: D, variables: VariablesOf<D> | undefined): Promise<ResultOf<D>> {
  let res: Response;
  try {
    res = await fetch('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: queryText(document), variables: variables ?? {} }),
      credentials: 'same-origin',
    });
  } catch {
    throw new GraphQLRequestError('Could not reach the server. Check your connection and try again.', 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as {
    data?: ResultOf<D>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
  if (!body) throw new GraphQLRequestError(`The server answered ${res.status} without a readable body.`, 'NETWORK');
  const first = body.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    throw new GraphQLRequestError(
      first.message,
      String(ext.code ?? 'INTERNAL_SERVER_ERROR'),
      typeof ext.field === 'string' ? ext.field : undefined,
      ext,
    );
  }
  return body.data as ResultOf<D>;
}
