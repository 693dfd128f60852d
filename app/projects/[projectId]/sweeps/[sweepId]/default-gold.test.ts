import { describe, expect, it } from 'vitest';
import { defaultGoldStandard } from './default-gold';

const run = (...best: string[]) => ({ storedMetrics: best.map((goldStandardId) => ({ goldStandardId })) });

describe('defaultGoldStandard', () => {
  it('takes the best fit of most runs; ties go to the one listed first', () => {
    expect(defaultGoldStandard([run('b', 'a'), run('b'), run('a')], [{ id: 'a' }, { id: 'b' }])).toBe('b');
    expect(defaultGoldStandard([run('b'), run('a')], [{ id: 'a' }, { id: 'b' }])).toBe('a');
  });
  it('falls back to the first gold standard, or none', () => {
    expect(defaultGoldStandard([run()], [{ id: 'x' }])).toBe('x');
    expect(defaultGoldStandard([], [])).toBeNull();
  });
});
