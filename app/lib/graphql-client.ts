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
  return send<TData>('/api/graphql', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
}

/**
 * An upload mutation whose variables hold File objects: sent to /api/uploads as a GraphQL multipart
 * request, the files streamed as they are (no JSON string, its own size limit); same answer as gql.
 */
export async function gqlUpload<TData>(query: string, variables: Record<string, unknown>): Promise<TData> {
  const files: [string, Blob][] = [];
  const withoutFiles = takeFiles(variables, 'variables', files);
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: withoutFiles }));
  form.append('map', JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))));
  files.forEach(([, blob], i) => form.append(String(i), blob));
  return send<TData>('/api/uploads', { headers: { 'apollo-require-preflight': 'true' }, body: form });
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
    throw new GraphQLRequestError(
      first.message,
      String(ext.code ?? 'INTERNAL_SERVER_ERROR'),
      typeof ext.field === 'string' ? ext.field : undefined,
      ext,
    );
  }
  return body.data as TData;
}
