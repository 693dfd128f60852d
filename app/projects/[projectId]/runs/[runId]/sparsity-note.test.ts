import { describe, expect, it } from 'vitest';
import { sparsityNote } from './sparsity-note';

describe('sparsityNote', () => {
  it('explains weights against gene pairs with the run’s own numbers', () => {
    const text = sparsityNote(0.9384, 15894)!;
    expect(text).toContain('Sparsity (93.8%) counts the model’s individual weights');
    expect(text).toContain('any path through the hidden units');
    expect(text).toContain('15,894 inferred edges');
  });

  it('says nothing before the run has both numbers', () => {
    expect(sparsityNote(null, 10)).toBeNull();
    expect(sparsityNote(0.5, null)).toBeNull();
  });
});
