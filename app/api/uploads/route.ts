import { handleUpload } from '@/server/uploads/route';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return handleUpload(request);
}
