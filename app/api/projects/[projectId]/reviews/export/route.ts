import { handleReviewsExport } from '@/server/reviews/export-route';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { projectId } = await params;
  return handleReviewsExport(request, projectId);
}
