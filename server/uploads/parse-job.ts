import { parseDatasetFiles, type DatasetFiles, type ParsedDataset } from '../datasets/parse';
import { parseGoldStandardFile, type GoldEdge } from '../gold-standards/parse';
import type { PriorEdge } from '../priors/edges';
import { parsePriorFile } from '../priors/parse';
import type { PriorFormat } from '../priors/validation';

/** One upload's parse, as data, so it can run in this thread or in a parse thread. */
export type ParseJob =
  | { kind: 'dataset'; files: DatasetFiles; testLastTrajectories: number }
  | { kind: 'prior'; format: PriorFormat; text: string; genes?: string }
  | { kind: 'gold'; format: 'edge_list' | 'dense_matrix'; text: string; genes?: string };

export interface ParseResults {
  dataset: ParsedDataset;
  prior: PriorEdge[];
  gold: GoldEdge[];
}

export function runParseJob(job: ParseJob): ParseResults[ParseJob['kind']] {
  if (job.kind === 'dataset') return parseDatasetFiles(job.files, job.testLastTrajectories);
  if (job.kind === 'prior') return parsePriorFile(job.format, job.text, job.genes);
  return parseGoldStandardFile(job.format, job.text, job.genes);
}

/** Characters of input: what decides whether a parse is long enough to leave the request's thread. */
export function jobSize(job: ParseJob): number {
  if (job.kind !== 'dataset') return job.text.length + (job.genes?.length ?? 0);
  const f = job.files;
  return [f.data, f.genes, f.pseudotime, f.testData, f.testPseudotime].reduce((n, s) => n + (s?.length ?? 0), 0);
}
