/**
 * The one rule that turns an edge's verdicts into its review status (stated in README "Reviewing edges"):
 * 1. settled by an owner → the settled status (accepted or rejected) until an owner unsettles it;
 * 2. else accepts and rejects both present → disputed;
 * 3. else any accept → accepted; any reject → rejected; any needs-evidence → needs_evidence;
 * 4. else unreviewed.
 */
export type EdgeStatus = 'unreviewed' | 'accepted' | 'rejected' | 'needs_evidence' | 'disputed';
export type VerdictKind = 'accepted' | 'rejected' | 'needs_evidence';
export type SettledStatus = 'accepted' | 'rejected';

export function edgeStatus(verdicts: readonly { verdict: VerdictKind }[], settled: SettledStatus | null = null): EdgeStatus {
  if (settled) return settled;
  const accepts = verdicts.filter((v) => v.verdict === 'accepted').length;
  const rejects = verdicts.filter((v) => v.verdict === 'rejected').length;
  if (accepts > 0 && rejects > 0) return 'disputed';
  if (accepts > 0) return 'accepted';
  if (rejects > 0) return 'rejected';
  if (verdicts.some((v) => v.verdict === 'needs_evidence')) return 'needs_evidence';
  return 'unreviewed';
}
