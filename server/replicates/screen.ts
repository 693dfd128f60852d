import { byExplained, DEFAULT_RESIDUAL_SCREEN_OPTIONS, screenTargets, type ScreenedPair, type SparseEffects } from '@/compute';
import type { Database } from '@/db/client';
import { loadDatasetExpression } from '@/server/datasets/load';

/**
 * The data's residual screen for a run's dataset and prior version (compute/analysis/residual-screen.ts).
 * `noiseStd` is the run's training noise (added to noise-free synthetic data; 0 for measured data). Dataset and
 * prior version are immutable, so a screen is cached by the three; it hands the event loop back every few
 * milliseconds, so a genome-scale screen slows its own request, not other users'.
 */
const cache = new Map<string, ScreenedPair[]>();
const CACHED_SCREENS = 16;
const SLICE_MS = 10;

export async function datasetScreen(db: Database, datasetId: string, priorVersionId: string, prior: SparseEffects, noiseStd: number): Promise<ScreenedPair[]> {
  const key = `${datasetId}/${priorVersionId}/${noiseStd}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const { data } = await loadDatasetExpression(db, datasetId);
  const pairs: ScreenedPair[] = [];
  let sliceStart = Date.now();
  for (const targetPairs of screenTargets(data, prior, { ...DEFAULT_RESIDUAL_SCREEN_OPTIONS, noiseStd })) {
    pairs.push(...targetPairs);
    if (Date.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  pairs.sort(byExplained);
  cache.set(key, pairs);
  if (cache.size > CACHED_SCREENS) cache.delete(cache.keys().next().value!);
  return pairs;
}
