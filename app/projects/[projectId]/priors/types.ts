import { type EnumOf, graphql, type ResultOf } from '@/app/lib/graphql';

export type PriorFormat = EnumOf<'PriorFormat'>;

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

export const VERSION_FIELDS = graphql(`
  fragment PriorVersionFields on PriorVersion @_unmask { id number kind message parentNumber authorName createdAt edgeCount isHead }
`);
export type VersionSummary = ResultOf<typeof VERSION_FIELDS>;

export const PRIOR_EDGE_FIELDS = graphql(`fragment PriorEdgeFields on PriorEdge @_unmask { regulator target sign weight evidence }`);
export type PriorEdge = ResultOf<typeof PRIOR_EDGE_FIELDS>;
