'use client';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { graphql } from '@/app/lib/graphql';

const MISMATCH = graphql(`
  query LaunchGeneMismatch($versionId: ID!, $datasetId: ID!) {
    geneMismatch(versionId: $versionId, datasetId: $datasetId) { priorGeneCount matchedGeneCount missingGenes droppedEdgeCount keptEdgeCount }
  }
`);

/**
 * States a partial overlap of the chosen prior with the chosen dataset before launch: the run silently
 * trains on the shared genes only, so a prior that is mostly outside the data guides little of it.
 */
export function PriorOverlapNote({ versionId, datasetId }: { versionId: string; datasetId: string }) {
  const { data } = useGql(MISMATCH, versionId && datasetId ? { versionId, datasetId } : null);
  const m = data?.geneMismatch;
  if (!versionId || !datasetId || !m || m.missingGenes.length === 0) return null;
  const shown = m.missingGenes.slice(0, 5).join(', ') + (m.missingGenes.length > 5 ? ', …' : '');
  return (
    <p className="alert alert-warning small" role="status" data-testid="launch-prior-overlap">
      Only {m.matchedGeneCount} of the prior’s {m.priorGeneCount} genes are in this dataset (missing e.g. {shown}). The run uses {m.keptEdgeCount} of its{' '}
      {m.keptEdgeCount + m.droppedEdgeCount} edges.
    </p>
  );
}
