import { edgesToMatrix } from '../formats/network-convert';
import type { NamedEdge, SquareMatrix } from '../types';
import { scoreNetwork, type NetworkScores, type ScoreOptions } from './network-scores';

export interface NamedNetworkScores extends NetworkScores {
  /** Genes of the dataset: the pair universe is genes × genes. */
  genes: number;
  /** Reference edges left out because a gene of theirs is not in the dataset. */
  referenceEdgesOutside: number;
  /** Reference genes not in the dataset, sorted. */
  unknownReferenceGenes: string[];
}

/**
 * Scores predicted effects on a dataset's genes against a gold standard that names genes
 * (a ChIP-seq list, say): a reference edge counts only when both its genes are in the dataset.
 */
export function scoreNamedNetwork(effects: SquareMatrix, genes: readonly string[], gold: readonly NamedEdge[], options: ScoreOptions = {}): NamedNetworkScores {
  if (effects.n !== genes.length) throw new RangeError(`scoreNamedNetwork: ${genes.length} gene names for a ${effects.n}×${effects.n} matrix`);
  const { matrix, unknownGenes, outsideEdges } = edgesToMatrix(gold, genes);
  return {
    ...scoreNetwork(effects, matrix, options),
    genes: genes.length,
    referenceEdgesOutside: outsideEdges,
    unknownReferenceGenes: unknownGenes,
  };
}
