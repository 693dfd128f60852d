import { graphql, type ResultOf } from '@/app/lib/graphql';

export const BENCHMARK_OPTIONS = graphql(`
  query BenchmarkOptions($projectId: ID!) {
    priorNetworks(projectId: $projectId) { id name versions { id number message isHead edgeCount } }
  }
`);
export type BenchmarkPriors = ResultOf<typeof BENCHMARK_OPTIONS>['priorNetworks'];

export const BENCHMARKS = graphql(`
  query SyntheticBenchmarks($projectId: ID!) {
    syntheticBenchmarks(projectId: $projectId) {
      id name status error progress { phase trajectoriesDone trajectories }
      priorId priorName priorVersionId priorVersionNumber trajectories timePoints noise seed
      datasetId datasetName goldStandardId goldStandardName geneCount edgeCount createdAt createdByName
    }
  }
`);
export type BenchmarkSummary = ResultOf<typeof BENCHMARKS>['syntheticBenchmarks'][number];

export const CREATE_BENCHMARK = graphql(`
  mutation CreateSyntheticBenchmark($projectId: ID!, $priorVersionId: ID!, $name: String!, $trajectories: Int, $timePoints: [Float!], $noise: Float, $seed: Int) {
    createSyntheticBenchmark(projectId: $projectId, priorVersionId: $priorVersionId, name: $name, trajectories: $trajectories, timePoints: $timePoints, noise: $noise, seed: $seed) {
      id name
    }
  }
`);

/** "0, 2, 3.5" → numbers; null when a part is not a number (the server checks order and bounds). */
export function parseTimes(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  return parts.length > 0 && values.every(Number.isFinite) ? values : null;
}
