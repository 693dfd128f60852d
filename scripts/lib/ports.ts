import { execFileSync } from 'node:child_process';
import net from 'node:net';

/**
 * The one place tests and scripts get TCP ports (embedded PostgreSQL, app instances, the e2e server,
 * benchmarks). A port the kernel just handed out and we released is free, unless another process takes it
 * in between; every caller starts its server at once and fails loudly if that race is lost.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** freePort for code that cannot wait for a promise (Playwright's config is read synchronously). */
export function freePortSync(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

/** Whether `port` can be listened on now (on every address, as the web server will). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}
