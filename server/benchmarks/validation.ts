import { z } from 'zod';
import { BENCHMARK_FIELDS, benchmarkNumberSchema, benchmarkTimesSchema } from '@/compute';

/** Bounds and messages come from compute's field table (BENCHMARK_FIELDS), as the form's hints do. */
export const createSyntheticBenchmarkInput = z.object({
  projectId: z.string(),
  priorVersionId: z.string(),
  name: z.string().trim().min(1, 'Give the benchmark a name.').max(120, 'Benchmark names are at most 120 characters.'),
  trajectories: benchmarkNumberSchema('trajectories').default(BENCHMARK_FIELDS.trajectories.default),
  timePoints: benchmarkTimesSchema().default([...BENCHMARK_FIELDS.timePoints.default]),
  noise: benchmarkNumberSchema('noise').default(BENCHMARK_FIELDS.noise.default),
  seed: benchmarkNumberSchema('seed').default(BENCHMARK_FIELDS.seed.default),
});
export type CreateSyntheticBenchmarkInput = z.input<typeof createSyntheticBenchmarkInput>;
