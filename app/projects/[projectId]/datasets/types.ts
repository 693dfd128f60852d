export type DatasetFormat = 'trajectory_csv' | 'tidy_csv' | 'matrix_pseudotime';

export interface DatasetSummary {
  id: string;
  name: string;
  description: string;
  format: DatasetFormat;
  geneCount: number;
  trajectoryCount: number;
  testTrajectoryCount: number;
  isSynthetic: boolean;
  createdAt: string;
  createdByName: string | null;
}

export const FORMAT_LABELS: Record<DatasetFormat, string> = {
  trajectory_csv: 'Trajectory CSV + gene names',
  tidy_csv: 'Tidy long CSV',
  matrix_pseudotime: 'Matrix + pseudotime',
};

export const DATASETS = /* GraphQL */ `
  query Datasets($projectId: ID!) {
    datasets(projectId: $projectId) {
      id name description format geneCount trajectoryCount testTrajectoryCount isSynthetic createdAt createdByName
    }
  }
`;
