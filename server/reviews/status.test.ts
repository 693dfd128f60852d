import { describe, expect, it } from 'vitest';
import { edgeStatus, type VerdictKind } from './status';

const v = (...kinds: VerdictKind[]) => kinds.map((verdict) => ({ verdict }));

describe('edgeStatus', () => {
  it('is unreviewed without verdicts', () => {
    expect(edgeStatus([])).toBe('unreviewed');
  });
  it('is accepted when there are accepts and no rejects, whatever needs-evidence says', () => {
    expect(edgeStatus(v('accepted'))).toBe('accepted');
    expect(edgeStatus(v('accepted', 'needs_evidence', 'accepted'))).toBe('accepted');
  });
  it('is rejected when there are rejects and no accepts', () => {
    expect(edgeStatus(v('rejected', 'needs_evidence'))).toBe('rejected');
  });
  it('is disputed when reviewers both accept and reject', () => {
    expect(edgeStatus(v('accepted', 'rejected'))).toBe('disputed');
    expect(edgeStatus(v('rejected', 'accepted', 'accepted', 'needs_evidence'))).toBe('disputed');
  });
  it('needs evidence when that is all reviewers said', () => {
    expect(edgeStatus(v('needs_evidence', 'needs_evidence'))).toBe('needs_evidence');
  });
  it('follows an owner’s settlement over any verdicts', () => {
    expect(edgeStatus(v('accepted', 'rejected'), 'rejected')).toBe('rejected');
    expect(edgeStatus(v('rejected'), 'accepted')).toBe('accepted');
    expect(edgeStatus([], 'accepted')).toBe('accepted');
  });
});
