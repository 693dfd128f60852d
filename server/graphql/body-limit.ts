import { MAX_FILE_BYTES } from '../file-input';

/**
 * The largest /api/graphql body: one upload's files (MAX_FILE_BYTES in all) travel as JSON strings,
 * where escaping (\n, \", \t) adds a few percent; a quarter more, plus a MiB for the rest of the request.
 * Checked before anything is parsed: a 250 MB body used to be read and parsed in full.
 */
export const MAX_GRAPHQL_BODY_BYTES = Math.ceil(MAX_FILE_BYTES * 1.25) + 1024 * 1024;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function tooLarge(maxBytes: number, seen: string): Response {
  const message = `The request body is ${seen}; the limit is ${mib(maxBytes)}. Upload smaller files.`;
  return Response.json({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes } }] }, { status: 413 });
}

/**
 * Reads a request's body up to `maxBytes`: refused at once when Content-Length says it is larger, and
 * refused as soon as the streamed bytes pass the limit (a body may lie about, or omit, its length).
 * Gives the body as text, or the 413 response to send.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<{ text: string } | { refused: Response }> {
  const read = await readBytesWithin(request, maxBytes);
  return 'refused' in read ? read : { text: new TextDecoder().decode(read.bytes) };
}

/** readBodyWithin's bytes, undecoded (a multipart body is parsed from them). */
export async function readBytesWithin(request: Request, maxBytes: number): Promise<{ bytes: Uint8Array } | { refused: Response }> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { refused: tooLarge(maxBytes, mib(declared)) };
  }
  if (!request.body) return { bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { refused: tooLarge(maxBytes, `over ${mib(maxBytes)}`) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes };
}

/** Wraps a route handler so it only ever sees bodies within the limit (replayed from memory). */
export function withBodyLimit<R extends Request>(
  handler: (request: R) => Promise<Response>,
  rebuild: (request: R, body: string) => R,
  maxBytes = MAX_GRAPHQL_BODY_BYTES,
): (request: R) => Promise<Response> {
  return async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return handler(request);
    const read = await readBodyWithin(request, maxBytes);
    if ('refused' in read) return read.refused;
    return handler(rebuild(request, read.text));
  };
}
