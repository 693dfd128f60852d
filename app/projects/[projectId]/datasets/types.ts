import { type EnumOf, graphql, type ResultOf } from '@/app/lib/graphql';

export type DatasetFormat = EnumOf<'DatasetFormat'>;

export const FORMAT_LABELS: Record<DatasetFormat, string> = {
  trajectory_csv: 'Trajectory CSV + gene names',
  tidy_csv: 'Tidy long CSV',
  matrix_pseudotime: 'Matrix + pseudotime',
};

export const DATASETS = graphql(`
  query Datasets($projectId: ID!) {
    datasets(projectId: $projectId) {
      id name description format geneCount trajectoryCount testTrajectoryCount isSynthetic createdAt createdByName
    }
  }
`);
export type DatasetSummary = ResultOf<typeof DATASETS>['datasets'][number];
