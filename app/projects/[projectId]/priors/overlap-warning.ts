/** How a prior version's genes meet one dataset of the project (GraphQL `PriorDatasetOverlap`). */
import { graphql, type ResultOf } from '@/app/lib/graphql';
export const DATASET_OVERLAP_FIELDS = graphql(`
  fragment DatasetOverlapFields on PriorVersion @_unmask {
    datasetOverlap { datasetName mismatch { priorGeneCount matchedGeneCount missingGenes keptEdgeCount droppedEdgeCount } }
  }
`);
export type DatasetOverlap = ResultOf<typeof DATASET_OVERLAP_FIELDS>['datasetOverlap'][number];

const EXAMPLES = 5;
const examples = (genes: string[]) => genes.slice(0, EXAMPLES).join(', ') + (genes.length > EXAMPLES ? ', …' : '');

/**
 * The warning an import shows, or null when every prior gene is in every dataset (or there are no
 * datasets yet, when nothing can be checked). The prior is stored either way: a lab may import its
 * prior before the data it belongs to, and the warning names the genes so wrong identifiers are caught.
 */
export function overlapWarning(overlaps: DatasetOverlap[]): string | null {
  const partial = overlaps.filter((o) => o.mismatch.missingGenes.length > 0);
  if (partial.length === 0) return null;
  const noneAnywhere = overlaps.every((o) => o.mismatch.matchedGeneCount === 0);
  if (noneAnywhere) {
    const { priorGeneCount, missingGenes } = overlaps[0].mismatch;
    return (
      `None of the ${priorGeneCount} prior genes appear in any dataset of this project (e.g. ${examples(missingGenes)}). ` +
      'Check the gene identifiers (symbols or Ensembl ids?): runs on these datasets would use none of its edges.'
    );
  }
  return partial
    .map(
      ({ datasetName, mismatch: m }) =>
        `Only ${m.matchedGeneCount} of ${m.priorGeneCount} prior genes are in dataset “${datasetName}” (missing e.g. ${examples(m.missingGenes)}); ` +
        `a run on it keeps ${m.keptEdgeCount} of ${m.keptEdgeCount + m.droppedEdgeCount} edges.`,
    )
    .join(' ');
}
