import { describe, expect, it } from 'vitest';
import { describeEvent, eventHref } from './describe-event';
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
    expect(describeEvent(event('dataset.reindex', { name: 'expr.csv' }))).toBe('dataset reindex: expr.csv');
    expect(describeEvent(event('run.archive'))).toBe('run archive');
  });
});

describe('describeEvent names the object of run, data and prior events', () => {
  const on = (action: string, objectType: string, objectId: string | null, details: Record<string, unknown>) => ({
    ...event(action, details),
    objectType,
    objectId,
  });

  it('says which run was cancelled and which version was reverted, with links to them', () => {
    const cancel = on('run.cancel', 'run', 'r1', { name: 'DASH λ (0.5, 0.05)', statusAfter: 'cancelled' });
    expect(describeEvent(cancel)).toBe('cancelled run “DASH λ (0.5, 0.05)”');
    expect(eventHref(cancel, 'p1')).toBe('/projects/p1/runs/r1');
    const revert = on('prior.version_create', 'prior_version', 'v3', { priorId: 'pr1', prior: 'Literature', number: 3, kind: 'revert', revertedTo: 1 });
    expect(describeEvent(revert)).toBe('reverted prior network “Literature” to v1 (saved as v3)');
    expect(eventHref(revert, 'p1')).toBe('/projects/p1/priors/pr1');
  });

  it('names uploads, imports and launches, and links what still exists', () => {
    const upload = on('dataset.upload', 'dataset', 'd1', { name: 'SIM350' });
    expect(describeEvent(upload)).toBe('uploaded dataset “SIM350”');
    expect(eventHref(upload, 'p1')).toBe('/projects/p1/datasets/d1');
    expect(describeEvent(on('run.launch', 'run', 'r2', { name: 'IMP', strategy: 'imp' }))).toBe('launched run “IMP” (imp)');
    expect(describeEvent(on('sweep.launch', 'sweep', 's1', { name: 'Grid', runs: 9 }))).toBe('launched sweep “Grid” of 9 runs');
    expect(describeEvent(on('gold_standard.import', 'gold_standard', 'g1', { name: 'Ref', edgeCount: 12 }))).toBe('imported gold standard “Ref” (12 edges)');
    const queued = on('synthetic_benchmark.create', 'synthetic_benchmark', 'b1', { name: 'SIM' });
    expect(describeEvent(queued)).toBe('queued synthetic benchmark “SIM”');
    expect(eventHref(queued, 'p1')).toBe('/projects/p1/datasets/synthetic');
    const stored = on('synthetic_benchmark.store', 'dataset', 'd2', { name: 'SIM' });
    expect(describeEvent(stored)).toBe('stored synthetic benchmark “SIM” (dataset and true network)');
    expect(eventHref(stored, 'p1')).toBe('/projects/p1/datasets/d2');
    const deleted = on('dataset.delete', 'dataset', 'd1', { name: 'Old' });
    expect(describeEvent(deleted)).toBe('deleted dataset “Old”');
    expect(eventHref(deleted, 'p1')).toBeNull();
  });

  it('still reads sensibly for a cancel recorded before runs named themselves', () => {
    expect(describeEvent(on('run.cancel', 'run', 'r1', { statusAfter: 'running' }))).toBe('cancelled run (stopping)');
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
