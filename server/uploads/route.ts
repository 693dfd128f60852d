import type { ApolloServer } from '@apollo/server';
import { Kind, parse, type DocumentNode } from 'graphql';
import type { Database } from '@/db/client';
import { getDatabase } from '../db';
import { env } from '../env';
import { readBytesWithin } from '../graphql/body-limit';
import type { GraphQLContext } from '../graphql/builder';
import { buildRequestContext } from '../graphql/context';
import { createApolloServer } from '../graphql/server';
import { createLogger } from '../log';

const log = createLogger('uploads');

/** The mutations that take files; only these may run through the upload route. */
export const uploadMutations = ['uploadDataset', 'importPrior', 'importPriorVersion', 'importGoldStandard'] as const;

/** HTTP status of a refused upload, by the first error's code; GraphQL itself answers 200 with errors. */
const statusOf: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

const refuse = (status: number, code: string, message: string) => Response.json({ errors: [{ message, extensions: { code } }] }, { status });

class UploadRequestError extends Error {}

export interface UploadDeps {
  db?: Database;
  server?: ApolloServer<GraphQLContext>;
  maxBytes?: number;
}

let sharedServer: ApolloServer<GraphQLContext> | undefined;

/**
 * POST /api/uploads: one upload mutation (uploadDataset, importPrior, importPriorVersion, importGoldStandard)
 * as a GraphQL multipart request (`operations`, `map`, then the files; the graphql-multipart-request-spec).
 * Files skip the JSON string escaping and the /api/graphql body limit: the body is streamed and refused with
 * 413 as soon as it passes UPLOAD_MAX_BYTES, never buffered past it. Signed-out callers are refused before
 * a byte is read. The mutation then runs through the same Apollo Server as /api/graphql (same services,
 * authorisation, validation, limits and answer), with each file's text in the variable the map names.
 */
export async function handleUpload(request: Request, deps: UploadDeps = {}): Promise<Response> {
  const cancelBody = () => request.body?.cancel().catch(() => undefined);
  // A form on another site can post multipart/form-data; it cannot set this header without a preflight.
  if (!request.headers.get('apollo-require-preflight')) {
    await cancelBody();
    return refuse(400, 'BAD_REQUEST', 'Uploads need the Apollo-Require-Preflight header (a guard against cross-site requests).');
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    await cancelBody();
    return refuse(415, 'BAD_REQUEST', 'Send the upload as multipart/form-data (operations, map, files).');
  }
  let ctx: GraphQLContext;
  try {
    ctx = await buildRequestContext(deps.db ?? getDatabase(), log, request.headers);
  } catch (e) {
    await cancelBody();
    return refuse(401, 'UNAUTHENTICATED', (e as Error).message);
  }
  if (!ctx.viewer) {
    await cancelBody();
    return refuse(401, 'UNAUTHENTICATED', 'Sign in to upload files.');
  }
  const read = await readBytesWithin(request, deps.maxBytes ?? env.UPLOAD_MAX_BYTES);
  if ('refused' in read) return read.refused;
  let operation: { query: string; variables: Record<string, unknown> };
  try {
    const form = await new Response(new Blob([read.bytes as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': contentType } }).formData().catch(() => {
      throw new UploadRequestError('The multipart body could not be read.');
    });
    operation = await readOperation(form);
  } catch (e) {
    if (e instanceof UploadRequestError) return refuse(400, 'BAD_REQUEST', e.message);
    throw e;
  }
  sharedServer ??= createApolloServer({ log });
  const response = await (deps.server ?? sharedServer).executeOperation(operation, { contextValue: ctx });
  if (response.body.kind !== 'single') return refuse(500, 'INTERNAL_SERVER_ERROR', 'Incremental responses are not supported.');
  const result = response.body.singleResult;
  const code = result.errors?.[0]?.extensions?.code;
  const status = typeof code === 'string' && statusOf[code] ? statusOf[code] : (response.http.status ?? 200);
  return Response.json(result, { status });
}

/** The operation of a multipart request, each mapped file's text set at its variable path. */
async function readOperation(form: FormData): Promise<{ query: string; variables: Record<string, unknown> }> {
  const operations = jsonField(form, 'operations') as { query?: unknown; variables?: unknown };
  const map = jsonField(form, 'map');
  if (typeof operations?.query !== 'string') throw new UploadRequestError('`operations` needs a query string.');
  const variables = (operations.variables ?? {}) as Record<string, unknown>;
  if (typeof variables !== 'object' || Array.isArray(variables)) throw new UploadRequestError('`operations.variables` must be an object.');
  checkUploadMutation(operations.query);
  if (!map || typeof map !== 'object' || Array.isArray(map)) throw new UploadRequestError('`map` must be an object of file names to variable paths.');
  for (const [name, paths] of Object.entries(map)) {
    const part = form.get(name);
    if (part === null) throw new UploadRequestError(`The map names a file "${name}" the request does not carry.`);
    if (!Array.isArray(paths)) throw new UploadRequestError(`The map's entry "${name}" must be a list of paths.`);
    const text = typeof part === 'string' ? part : await part.text();
    for (const path of paths) setVariable(variables, String(path), text);
  }
  return { query: operations.query, variables };
}

function jsonField(form: FormData, name: string): unknown {
  const value = form.get(name);
  if (typeof value !== 'string') throw new UploadRequestError(`The upload needs a \`${name}\` field.`);
  try {
    return JSON.parse(value);
  } catch {
    throw new UploadRequestError(`The \`${name}\` field is not JSON.`);
  }
}

/** One mutation, selecting one of the upload mutations: the route's larger body limit buys nothing else. */
function checkUploadMutation(query: string): void {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (e) {
    throw new UploadRequestError(`The query could not be parsed: ${(e as Error).message}`);
  }
  // The app's typed documents carry their fragments along; anything else beside the one operation is refused.
  const operations = document.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION);
  const [definition] = operations;
  const fields = definition?.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation' ? definition.selectionSet.selections : [];
  const [field] = fields;
  const allowed =
    operations.length === 1 && fields.length === 1 && field.kind === Kind.FIELD && (uploadMutations as readonly string[]).includes(field.name.value);
  if (!allowed) throw new UploadRequestError(`The upload route runs one mutation of: ${uploadMutations.join(', ')}.`);
}

/** Sets `variables.a.b` (the spec's paths) where the operation left null for the file. */
function setVariable(variables: Record<string, unknown>, path: string, text: string): void {
  const segments = path.split('.');
  if (segments[0] !== 'variables' || segments.length < 2 || segments.some((s) => ['__proto__', 'constructor', 'prototype'].includes(s))) {
    throw new UploadRequestError(`"${path}" is not a variable path (variables.input.field).`);
  }
  let parent: unknown = variables;
  for (const segment of segments.slice(1, -1)) {
    parent = parent && typeof parent === 'object' && Object.hasOwn(parent, segment) ? (parent as Record<string, unknown>)[segment] : undefined;
  }
  const last = segments[segments.length - 1];
  if (!parent || typeof parent !== 'object' || !Object.hasOwn(parent, last) || (parent as Record<string, unknown>)[last] !== null) {
    throw new UploadRequestError(`The variable at "${path}" must be present and null, for the file to fill.`);
  }
  (parent as Record<string, unknown>)[last] = text;
}
