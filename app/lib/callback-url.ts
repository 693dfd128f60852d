/**
 * Where to go after signing in: only a path on this site. next-auth passes absolute URLs of this site, so an
 * absolute URL keeps just its path; anything else unusable falls back. This closes the open redirect
 * that a raw ?callbackUrl= would be.
 */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = '/'): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, 'http://this.site');
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/signin') || path.startsWith('/signup')) {
    return fallback;
  }
  return path;
}
