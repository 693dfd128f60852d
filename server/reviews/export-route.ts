import 'server-only';
import type { Database } from '@/db/client';
import { getDatabase } from '../db';
import { buildRequestContext } from '../graphql/context';
import { createLogger } from '../log';
import { exportErrorResponse } from '../priors/export-route';
import { exportProjectReviews, exportRunNetwork, type ExportFile } from './export';

const log = createLogger('review-export');

const download = (file: ExportFile) =>
  new Response(file.body, {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'private, no-store',
    },
  });

/** GET /api/runs/{runId}/network?format=csv|sif|graphml — authorised like GraphQL (session cookie or bearer token). */
export async function handleRunNetworkExport(request: Request, runId: string, db: Database = getDatabase()): Promise<Response> {
  try {
    const ctx = await buildRequestContext(db, log, request.headers);
    return download(await exportRunNetwork(ctx, runId, new URL(request.url).searchParams.get('format')));
  } catch (e) {
    return exportErrorResponse(e, log, 'Network export failed');
  }
}

/** GET /api/projects/{projectId}/reviews/export?format=csv[&status=REJECTED]. */
export async function handleReviewsExport(request: Request, projectId: string, db: Database = getDatabase()): Promise<Response> {
  try {
    const ctx = await buildRequestContext(db, log, request.headers);
    const params = new URL(request.url).searchParams;
    return download(await exportProjectReviews(ctx, projectId, { format: params.get('format'), status: params.get('status') }));
  } catch (e) {
    return exportErrorResponse(e, log, 'Reviews export failed');
  }
}
