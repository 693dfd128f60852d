import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { FormatError } from '../formats/errors';
import { parseGeneNames } from '../formats/gene-names';
import { edgesToMatrix } from '../formats/network-convert';
import { parseNetwork, type NetworkFileKind } from '../formats/network-file';
import type { NamedEdge, SquareMatrix } from '../types';
import { CliUsageError } from './cli-errors';

/** Reads a text file (gunzipped when it ends in .gz); errors name the file. */
export function readTextFile(file: string): string {
  try {
    const bytes = readFileSync(file);
    return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new CliUsageError(`cannot read ${file}: ${reason}`);
  }
}

/** Runs a parser on a file's text, prefixing format errors with the file name. */
export function parseFile<T>(file: string, parse: (text: string) => T): T {
  const text = readTextFile(file);
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof FormatError) throw new CliUsageError(`${file}: ${e.message}`);
    throw e;
  }
}

export function readGeneFile(file: string): string[] {
  return parseFile(file, parseGeneNames);
}

export const networkKindSchema = z.enum(['matrix', 'edges', 'sif']);

/** A network file (dense matrix, edge list or SIF) as named edges. */
export function readNetworkFile(
  file: string,
  options: { genes?: readonly string[]; kind?: NetworkFileKind } = {},
): { kind: NetworkFileKind; edges: NamedEdge[] } {
  return parseFile(file, (text) => parseNetwork(text, { genes: options.genes, kind: options.kind, fileName: file.replace(/\.gz$/, '') }));
}

/** A network file placed on a gene list; `value` chooses signs (priors, gold standards) or weights (effects). */
export function readNetworkOnGenes(
  file: string,
  genes: readonly string[],
  value: 'sign' | 'weight',
  kind?: NetworkFileKind,
): { matrix: SquareMatrix; unknownGenes: string[]; outsideEdges: number } {
  const { edges } = readNetworkFile(file, { genes, kind });
  return edgesToMatrix(edges, genes, value);
}

/** Parses argv with node:util's parseArgs, turning its errors into usage errors that show the usage text. */
export function usageFailure(message: string, usage: string): CliUsageError {
  return new CliUsageError(`${message}\n\n${usage}`);
}

/** Formats zod issues as one line per flag. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `--${issue.path.join('.') || '?'}: ${issue.message}`).join('\n');
}
