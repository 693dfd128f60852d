import { describe, expect, it } from 'vitest';
import { MAX_GRAPHQL_BODY_BYTES, withBodyLimit } from './body-limit';

const echo = async (request: Request) => new Response(`got ${(await request.text()).length} characters`);
const limited = withBodyLimit(echo, (req, body) => new Request(req.url, { method: req.method, headers: req.headers, body }), 1000);

/** A body streamed in chunks without a Content-Length, counting how much of it was pulled. */
function streamed(chunks: number, size: number): { request: Request; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= chunks) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
  const request = new Request('http://localhost/api/graphql', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => sent };
}

describe('the /api/graphql body limit', () => {
  it('passes bodies within the limit through, intact', async () => {
    const request = new Request('http://localhost/api/graphql', { method: 'POST', body: 'é'.repeat(400) });
    expect(await (await limited(request)).text()).toBe('got 400 characters');
  });

  it('refuses a declared Content-Length over the limit with 413 before reading anything', async () => {
    const { request, pulled } = streamed(1000, 1000);
    const lying = new Request(request, { headers: { 'content-length': String(250 * 1024 * 1024) } });
    const response = await limited(lying);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toMatchObject({
      message: 'The request body is 250.0 MiB; the limit is 0.0 MiB. Upload smaller files.',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(pulled()).toBeLessThanOrEqual(2);
  });

  it('stops reading a streamed body without a length as soon as it passes the limit', async () => {
    const { request, pulled } = streamed(100_000, 300);
    const response = await limited(request);
    expect(response.status).toBe(413);
    expect(pulled()).toBeLessThan(10);
  });

  it('allows one maximal upload with JSON escaping', () => {
    expect(MAX_GRAPHQL_BODY_BYTES).toBeGreaterThan(64 * 1024 * 1024 * 1.2);
  });
});
