import {
  FormatError,
  parseGeneNames,
  parseMatrixWithPseudotime,
  parseTidyCsv,
  parseTrajectoryCsv,
  detectDelimiter,
  parseDelimited,
  writeRow,
  type ExpressionData,
  utf8Length,
} from '@/compute';
import { badInput, DomainError } from '../errors';
import { checkFileSize, MAX_FILE_BYTES, parseFile } from '../file-input';
import type { DatasetFormat } from './validation';

export interface DatasetFiles {
  format: DatasetFormat;
  data: string;
  genes?: string;
  pseudotime?: string;
  testData?: string;
  testPseudotime?: string;
}

/** The expression data of an upload, split into training and test trajectories. */
export interface ParsedDataset {
  genes: string[];
  train: ExpressionData['trajectories'];
  test: ExpressionData['trajectories'];
}

const fileLabels = {
  data: 'data file',
  genes: 'gene names file',
  pseudotime: 'pseudotime file',
  testData: 'test data file',
  testPseudotime: 'test pseudotime file',
} as const;

/** All files of one upload together stay under the limit, so one request cannot hold several maximal files. */
function checkSizes(files: DatasetFiles): void {
  const present = (Object.keys(fileLabels) as (keyof typeof fileLabels)[]).filter((f) => files[f] !== undefined);
  for (const field of present) checkFileSize(files[field]!, field, fileLabels[field]);
  const total = present.reduce((sum, field) => sum + utf8Length(files[field]!), 0);
  if (total > MAX_FILE_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The files of this upload add up to more than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit.`, {
      field: 'data',
    });
  }
}

function parseOne(files: DatasetFiles, dataField: 'data' | 'testData', timeField: 'pseudotime' | 'testPseudotime', genes?: string[]): ExpressionData {
  const text = files[dataField] ?? '';
  const label = fileLabels[dataField];
  switch (files.format) {
    case 'trajectory-csv':
      return parseFile(dataField, label, () => parseTrajectoryCsv(text, genes));
    case 'tidy-csv':
      return parseFile(dataField, label, () => parseTidyCsv(text));
    case 'matrix-pseudotime': {
      const times = files[timeField] ?? '';
      try {
        return parseMatrixWithPseudotime(text, times);
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        // The parser reads both files; blame the pseudotime file only when the matrix reads on its own.
        const culprit = matrixReadsAlone(text) ? timeField : dataField;
        return parseFile(culprit, fileLabels[culprit], () => {
          throw e;
        });
      }
    }
  }
}

/** Reorders a test file's gene columns to the training file's order; the gene sets must be equal. */
function alignGenes(genes: string[], test: ExpressionData): ExpressionData['trajectories'] {
  const position = new Map(test.genes.map((g, i) => [g, i]));
  const missing = genes.filter((g) => !position.has(g));
  const extra = test.genes.filter((g) => !genes.includes(g));
  if (missing.length || extra.length) {
    const parts = [missing.length ? `lacks ${listSome(missing)}` : '', extra.length ? `has genes the data file does not: ${listSome(extra)}` : ''].filter(
      Boolean,
    );
    throw badInput(`The test data file must have the same genes as the data file; it ${parts.join(' and ')}.`, { field: 'testData' });
  }
  const order = genes.map((g) => position.get(g)!);
  return test.trajectories.map((t) => ({ times: t.times, values: t.values.map((row) => order.map((i) => row[i])) }));
}

/** Whether a genes × samples matrix parses when paired with a one-cell pseudotime file. */
function matrixReadsAlone(matrixText: string): boolean {
  const header = parseDelimited(matrixText, detectDelimiter(matrixText))[0];
  const firstCell = header?.cells[1]?.trim();
  if (!firstCell) return false;
  try {
    parseMatrixWithPseudotime(matrixText, `cell,t\n${writeRow([firstCell])},0\n`);
    return true;
  } catch {
    return false;
  }
}

export const listSome = (names: string[], max = 5): string => names.slice(0, max).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');

/** Parses every file of an upload; any problem throws before anything is stored. */
export function parseDatasetFiles(files: DatasetFiles, testLastTrajectories: number): ParsedDataset {
  checkSizes(files);
  const geneNames = files.genes !== undefined ? parseFile('genes', fileLabels.genes, () => parseGeneNames(files.genes!)) : undefined;
  const data = parseOne(files, 'data', 'pseudotime', geneNames);
  let train = data.trajectories;
  let test: ExpressionData['trajectories'] = [];
  if (files.testData !== undefined) {
    test = alignGenes(data.genes, parseOne(files, 'testData', 'testPseudotime', geneNames));
  } else if (testLastTrajectories > 0) {
    if (testLastTrajectories >= train.length) {
      throw badInput(
        `The data has ${train.length} trajector${train.length === 1 ? 'y' : 'ies'}; hold out fewer than that for testing so some are left to train on.`,
        { field: 'testLastTrajectories' },
      );
    }
    test = train.slice(train.length - testLastTrajectories);
    train = train.slice(0, train.length - testLastTrajectories);
  }
  return { genes: data.genes, train, test };
}
