/** authorize() throws this message for a throttled sign-in; the sign-in page and the auth route read it back. */
export const tooManyAttemptsError = (seconds: number): string => `TooManyAttempts:${seconds}`;

export const parseTooManyAttempts = (error: string | null | undefined): number | null => {
  const m = /^TooManyAttempts:(\d+)$/.exec(error ?? '');
  return m ? Number(m[1]) : null;
};

export const tooManyAttemptsMessage = (seconds: number): string => `Too many sign-in attempts. Try again in ${seconds} s.`;

/**
 * next-auth answers a throttled credentials sign-in like a wrong password (401, or a redirect to the error
 * page); this turns it into 429 with Retry-After, whether the answer is a redirect or the JSON `{ url }`.
 */
export async function withThrottleStatus(response: Response): Promise<Response> {
  const target = response.headers.get('location') ?? (response.headers.get('content-type')?.includes('json') ? await urlInBody(response.clone()) : null);
  if (!target) return response;
  const wait = parseTooManyAttempts(new URL(target, 'http://this.site').searchParams.get('error'));
  if (wait === null) return response;
  const headers = new Headers(response.headers);
  headers.set('retry-after', String(wait));
  return new Response(response.body, { status: 429, headers });
}

async function urlInBody(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === 'string' ? body.url : null;
}
