import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { env, stdio: 'inherit' });
  const exited = new Promise<number | null>((resolve) => {
    proc.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    proc.once('error', (err) => {
      console.error(`[start] could not start ${name}: ${err.message}`);
      resolve(1);
    });
  });
  return { name, proc, exited };
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export async function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = startChild(args.join(' '), args, env);
  return (await child.exited) ?? 1;
}

/** SIGTERM first so each child can finish what it is doing; SIGKILL after the grace period. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Waits until the server answers any HTTP request (a redirect counts). */
export async function waitForHttp(url: string, timeoutMs: number, stillRunning: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stillRunning()) {
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return false;
}
