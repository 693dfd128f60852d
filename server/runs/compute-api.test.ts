import { describe, expect, it } from 'vitest';
import { packagesReached } from '@/scripts/lib/import-graph';

describe('compute-api: what the server loads from compute', () => {
  it('the test itself sees a module that does load TensorFlow.js', () => {
    expect([...packagesReached('compute/training/trainer.ts').keys()]).toContain('@tensorflow/tfjs');
  });

  it("the runs domain's compute gateway loads no TensorFlow.js (only workers do, through loadTrainer)", () => {
    const heavy = [...packagesReached('server/runs/compute-api.ts')].filter(([pkg]) => pkg.startsWith('@tensorflow/'));
    expect(heavy.map(([pkg, trail]) => `${pkg} via ${trail.join(' → ')}`)).toEqual([]);
  });
});
