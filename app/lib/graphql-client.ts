/**
 * The browser's way to talk to the API: every page reads and writes through /api/graphql,
 * so authorisation is enforced in one place (the services) for the UI and for scripts alike.
 */
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

export async function gql<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
  let res: Response;
  try {
    res = await fetch('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      credentials: 'same-origin',
    });
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
    throw new GraphQLRequestError(
      first.message,
      String(ext.code ?? 'INTERNAL_SERVER_ERROR'),
      typeof ext.field === 'string' ? ext.field : undefined,
      ext,
    );
  }
  return body.data as TData;
}
