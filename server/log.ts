import { env } from './env';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** Structured one-line logs; errors keep their stack and cause chain. */
export function createLogger(scope: string, minLevel: Level = env.LOG_LEVEL): Logger {
  const write = (level: Level, msg: string, data?: Record<string, unknown>) => {
    if (order[level] < order[minLevel]) return;
    const line = { t: new Date().toISOString(), level, scope, msg, ...serialise(data) };
    (level === 'error' || level === 'warn' ? console.error : console.log)(JSON.stringify(line));
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

function serialise(data?: Record<string, unknown>): Record<string, unknown> {
  if (!data) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v instanceof Error ? describeError(v) : v;
  return out;
}

function describeError(e: Error): Record<string, unknown> {
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    cause: e.cause instanceof Error ? describeError(e.cause) : e.cause,
  };
}
