import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { buildRequestContext } from '../graphql/context';
import { getDatabase } from '../db';
import { isDomainError, type DomainErrorCode } from '../errors';
import { createLogger } from '../log';
import { exportVersion } from './service';

const log = createLogger('prior-export');

const statusOf: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

const problem = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ error: { message, code, ...extra } }, { status });

/**
 * GET /api/priors/{versionId}/export?format=csv|sif|graphml|cytoscape_json: the version as a download.
 * Authorised like GraphQL (session cookie or bearer token) through the same service.
 */
export async function handlePriorExport(request: Request, versionId: string, db: Database = getDatabase()): Promise<Response> {
  try {
    const ctx = await buildRequestContext(db, log, request.headers);
    const format = new URL(request.url).searchParams.get('format') ?? 'csv';
    const file = await exportVersion(ctx, versionId, format);
    return new Response(file.content, {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    return exportErrorResponse(e, log, 'Prior export failed');
  }
}

/** A download route's failure as JSON with the HTTP status of its DomainError code (unexpected ones masked and logged). */
export function exportErrorResponse(e: unknown, logger: typeof log, what: string): Response {
  if (isDomainError(e)) return problem(statusOf[e.code], e.code, e.message, e.details.field ? { field: e.details.field } : {});
  const extensions = (e as { extensions?: { code?: string } }).extensions;
  if (extensions?.code === 'UNAUTHENTICATED') return problem(401, 'UNAUTHENTICATED', (e as Error).message);
  const errorId = randomUUID();
  logger.error(what, { errorId, error: e instanceof Error ? e : new Error(String(e)) });
  return problem(500, 'INTERNAL_SERVER_ERROR', `Internal server error (id ${errorId}).`, { errorId });
}
