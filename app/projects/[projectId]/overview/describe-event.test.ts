import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe-event';
import type { ActivityEvent } from './types';

const event = (action: string, details: Record<string, unknown> = {}): ActivityEvent => ({
  id: '1',
  action,
  objectType: 'project',
  objectId: null,
  actorName: 'Ada',
  details,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('describeEvent', () => {
  it('says what a membership change did', () => {
    expect(describeEvent(event('member.add', { email: 'bob@x.org', role: 'viewer' }))).toBe('added bob@x.org as viewer');
    expect(describeEvent(event('member.role_change', { email: 'bob@x.org', from: 'viewer', to: 'editor' }))).toBe(
      "changed bob@x.org's role from viewer to editor",
    );
    expect(describeEvent(event('invitation.cancel', { email: 'c@x.org' }))).toBe('cancelled the invitation for c@x.org');
    expect(describeEvent(event('invitation.renew', { email: 'c@x.org' }))).toBe('made a new invitation link for c@x.org');
    expect(describeEvent(event('invitation.decline', { role: 'editor' }))).toBe('declined an invitation as editor');
  });

  it('names only what a project update changed', () => {
    expect(describeEvent(event('project.update', { name: { from: 'A', to: 'B' } }))).toBe('renamed the project to “B”');
    expect(describeEvent(event('project.update', { description: { from: '', to: 'x' } }))).toBe('changed the description');
    expect(describeEvent(event('project.update', { name: { from: 'A', to: 'B' }, description: { from: '', to: 'x' } }))).toBe(
      'renamed the project to “B” and changed the description',
    );
  });

  it('reads sensibly for actions it does not know', () => {
    expect(describeEvent(event('dataset.upload', { name: 'expr.csv' }))).toBe('dataset upload: expr.csv');
    expect(describeEvent(event('run.cancel'))).toBe('run cancel');
  });
});

describe('describeEvent on review events', () => {
  const edge = { regulator: 'G1', target: 'G2' };
  it('names the verdict, its reason and the edge', () => {
    expect(describeEvent(event('review.verdict', { ...edge, verdict: 'ACCEPTED' }))).toBe('accepted G1 → G2');
    expect(describeEvent(event('review.verdict', { ...edge, verdict: 'REJECTED', reason: 'WRONG_SIGN' }))).toBe('rejected G1 → G2 (wrong sign)');
    expect(describeEvent(event('review.verdict', { ...edge, to: 'NEEDS_EVIDENCE' }))).toBe('marked G1 → G2 as needs evidence');
    expect(describeEvent(event('review.settle', { ...edge, settledStatus: 'rejected', note: 'no binding site' }))).toBe(
      'settled G1 → G2 as rejected: “no binding site”',
    );
  });

  it('says what happened in a thread and in the prior', () => {
    expect(describeEvent(event('comment.add', edge))).toBe('commented on G1 → G2');
    expect(describeEvent(event('comment.resolve', { ...edge, resolved: false }))).toBe('reopened a thread on G1 → G2');
    expect(describeEvent(event('prior.version_from_reviews', { priorName: 'Chain', versionNumber: 3 }))).toBe('committed v3 of “Chain” from reviews');
  });

  it('reads sensibly without the edge', () => {
    expect(describeEvent(event('review.withdraw'))).toBe('withdrew their verdict on an edge');
  });
});
