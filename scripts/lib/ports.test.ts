import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, freePortSync, portIsFree } from './ports';

describe('ports', () => {
  it('hands out ports that can be listened on', async () => {
    for (const port of [await freePort(), freePortSync()]) {
      expect(port).toBeGreaterThan(0);
      expect(await portIsFree(port)).toBe(true);
    }
  });

  it('says a port in use is not free', async () => {
    const srv = net.createServer();
    await new Promise<void>((resolve) => srv.listen(0, resolve));
    const { port } = srv.address() as net.AddressInfo;
    try {
      expect(await portIsFree(port)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => srv.close(() => resolve()));
    }
  });
});
