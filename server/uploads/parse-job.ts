import { parseDatasetFiles, type DatasetFiles } from '../datasets/parse';
import { parseGoldStandardFile, type GoldEdge } from '../gold-standards/parse';
import type { PriorEdge } from '../priors/edges';
import { parsePriorFile } from '../priors/parse';
import type { PriorFormat } from '../priors/validation';

/** One upload's parse, as data, so it can run in this thread or in a parse thread. */
export type ParseJob =
  | { kind: 'dataset'; files: DatasetFiles; testLastTrajectories: number }
  | { kind: 'prior'; format: PriorFormat; text: string; genes?: string }
  | { kind: 'gold'; format: 'edge_list' | 'dense_matrix'; text: string; genes?: string };

/**
 * A parsed dataset in the form it is stored: each trajectory's times and values already as JSON text.
 * Millions of numbers in nested arrays cost the receiving thread seconds to copy in and to stringify
 * again for the insert; text crosses threads as one block and goes to jsonb as it is.
 */
export interface PreparedDataset {
  genes: string[];
  trainCount: number;
  testCount: number;
  trajectories: { index: number; role: 'train' | 'test'; timesJson: string; valuesJson: string; size: number }[];
}

export interface ParseResults {
  dataset: PreparedDataset;
  prior: PriorEdge[];
  gold: GoldEdge[];
}

export function runParseJob(job: ParseJob): ParseResults[ParseJob['kind']] {
  if (job.kind === 'dataset') return prepareDataset(job.files, job.testLastTrajectories);
  if (job.kind === 'prior') return inKeyOrder(parsePriorFile(job.format, job.text, job.genes));
  return parseGoldStandardFile(job.format, job.text, job.genes);
}

/**
 * Edges stored in primary-key order sit in the table in the order edge pages and diffs read them, so those
 * scans touch each table page once. Sorted here, off the request's thread; the order is otherwise unimportant.
 */
function inKeyOrder(edges: PriorEdge[]): PriorEdge[] {
  return edges.sort((a, b) => (a.regulator < b.regulator ? -1 : a.regulator > b.regulator ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

/** Characters of input: what decides whether a parse is long enough to leave the request's thread. */
export function jobSize(job: ParseJob): number {
  if (job.kind !== 'dataset') return job.text.length + (job.genes?.length ?? 0);
  const f = job.files;
  return [f.data, f.genes, f.pseudotime, f.testData, f.testPseudotime].reduce((n, s) => n + (s?.length ?? 0), 0);
}

function prepareDataset(files: DatasetFiles, testLastTrajectories: number): PreparedDataset {
  const parsed = parseDatasetFiles(files, testLastTrajectories);
  const all = [...parsed.train.map((t) => ({ t, role: 'train' as const })), ...parsed.test.map((t) => ({ t, role: 'test' as const }))];
  return {
    genes: parsed.genes,
    trainCount: parsed.train.length,
    testCount: parsed.test.length,
    trajectories: all.map(({ t, role }, index) => ({
      index,
      role,
      timesJson: JSON.stringify(t.times),
      valuesJson: JSON.stringify(t.values),
      size: t.times.length * parsed.genes.length,
    })),
  };
}
