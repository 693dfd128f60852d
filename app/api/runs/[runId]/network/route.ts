import { handleRunNetworkExport } from '@/server/reviews/export-route';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params;
  return handleRunNetworkExport(request, runId);
}
