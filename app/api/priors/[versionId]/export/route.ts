import { handlePriorExport } from '@/server/priors/export-route';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ versionId: string }> }): Promise<Response> {
  const { versionId } = await params;
  return handlePriorExport(request, versionId);
}
