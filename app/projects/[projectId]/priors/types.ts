export type PriorFormat = 'edge_list' | 'sif' | 'dense_matrix';

export const PRIOR_FORMAT_OPTIONS: readonly { value: PriorFormat; label: string }[] = [
  { value: 'edge_list', label: 'Edge list (CSV/TSV)' },
  { value: 'sif', label: 'SIF (Simple Interaction Format)' },
  { value: 'dense_matrix', label: 'Dense matrix with gene names' },
];

export const PRIOR_FORMAT_HINTS: Record<PriorFormat, string> = {
  edge_list: 'Columns regulator,target[,sign,weight,evidence]; a header row is optional. Sign: 1/-1/0, +/-, activation/repression.',
  sif: 'Lines “source relation target…”; activates/inhibits give the sign, other relations an unknown sign.',
  dense_matrix: 'Square regulator × target matrix; entry [i, j] ≠ 0 is an edge with its sign. Names in a header/first column, or a gene names file.',
};

export interface VersionSummary {
  id: string;
  number: number;
  kind: 'import' | 'edit' | 'revert' | 'review';
  message: string;
  parentNumber: number | null;
  authorName: string | null;
  createdAt: string;
  edgeCount: number;
  isHead: boolean;
}

export interface PriorEdge {
  regulator: string;
  target: string;
  sign: number;
  weight: number;
  evidence: string;
}

export const VERSION_FIELDS = `id number kind message parentNumber authorName createdAt edgeCount isHead`;
