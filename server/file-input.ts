import { FormatError, utf8Length } from '@/compute';
import { DomainError, badInput } from './errors';

/**
 * Uploaded files arrive as strings in GraphQL inputs. These helpers turn the compute parsers'
 * FormatError into BAD_USER_INPUT naming the input field and the line/column, and refuse files
 * over the size limit with PAYLOAD_TOO_LARGE before any parsing work is done.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function checkFileSize(text: string, field: string, what: string, maxBytes = MAX_FILE_BYTES): void {
  const bytes = utf8Length(text);
  if (bytes > maxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The ${what} is ${mib(bytes)}; the limit is ${mib(maxBytes)}.`, {
      field,
      bytes,
      maxBytes,
    });
  }
}

/** Runs a parser on one uploaded file; its FormatError becomes BAD_USER_INPUT on `field`. */
export function parseFile<T>(field: string, what: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof FormatError) {
      if (e.kind === 'too-large') throw new DomainError('PAYLOAD_TOO_LARGE', `The ${what}: ${e.message}.`, { field });
      throw badInput(`The ${what} could not be read: ${e.message}.`, {
        field,
        kind: e.kind,
        ...(e.line !== undefined ? { line: e.line } : {}),
        ...(e.column !== undefined ? { column: e.column } : {}),
      });
    }
    throw e;
  }
}
