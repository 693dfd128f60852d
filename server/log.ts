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
    const line = { t: new Date().toISOString(), level, scope, msg, ...serialiseLogData(data) };
    (level === 'error' || level === 'warn' ? console.error : console.log)(JSON.stringify(line));
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

/**
 * What a log line may hold of `data`. Logs go to files and log services that more people read than the
 * database: no secret (password hashes, tokens) and no uploaded content (files, GraphQL variables).
 * drizzle's errors quote every bound value of the failed query ("params: …"), so a failed sign-up logged
 * the password hash and a failed upload the file; those values go, the query text stays.
 */
export function serialiseLogData(data?: Record<string, unknown>): Record<string, unknown> {
  if (!data) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = redactValue(k, v, 0);
  return out;
}

const SECRET_KEY = /pass(word)?|hash|secret|token|cookie|authori[sz]ation|variables|params|^(text|data|genes|pseudotime|content|file)$/i;
const MAX_TEXT = 2_000;

function redactValue(key: string, v: unknown, depth: number): unknown {
  if (v instanceof Error) return describeError(v, depth);
  if (SECRET_KEY.test(key) && v !== undefined && v !== null) return '[redacted]';
  if (typeof v === 'string') return clip(v);
  if (depth >= 4 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.length > 50 ? `[${v.length} items]` : v.map((x) => redactValue('', x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = redactValue(k, x, depth + 1);
  return out;
}

function describeError(e: Error, depth = 0): Record<string, unknown> {
  return {
    name: e.name,
    message: clip(withoutParams(e.message)),
    stack: e.stack === undefined ? undefined : clip(withoutParams(e.stack)),
    cause: depth >= 4 ? undefined : e.cause instanceof Error ? describeError(e.cause, depth + 1) : redactValue('cause', e.cause, depth + 1),
  };
}

/** Cuts drizzle's "\nparams: v1,v2,…" (up to the stack's first frame, if any). */
function withoutParams(text: string): string {
  const start = text.indexOf('\nparams: ');
  if (start < 0) return text;
  const frames = text.indexOf('\n    at ', start);
  return `${text.slice(0, start)}\nparams: [redacted]${frames < 0 ? '' : text.slice(frames)}`;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters not logged)` : text;
}
