import { env } from '@/server/env';
import { reachedOverHttps, securityHeaders } from '@/server/security-headers';
import { handleUpload } from '@/server/uploads/route';

export const dynamic = 'force-dynamic';

/** The proxy skips this route (so Next does not buffer the body): the security headers are set here. */
export async function POST(request: Request): Promise<Response> {
  const response = await handleUpload(request);
  const https = reachedOverHttps(request.url, request.headers.get('x-forwarded-proto'), env.TRUST_PROXY);
  for (const [name, value] of Object.entries(securityHeaders({ https, development: env.NODE_ENV === 'development' }))) response.headers.set(name, value);
  return response;
}
