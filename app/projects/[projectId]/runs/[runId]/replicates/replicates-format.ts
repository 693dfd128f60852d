/** What the replicate page reads (the replicateAnalysis query's shape). */
export interface Analysis {
  runId: string;
  flagAt: number;
  acceptAt: number;
  priorEdgeCount: number;
  flaggedCount: number;
  acceptedCount: number;
  replicates: { id: string; name: string; seed: number }[];
  unsupported: Paged<{
    regulator: string;
    target: string;
    priorSign: number;
    confidence: number;
    signDisagreement: number;
    meanRank: number;
    flagged: boolean;
    reviewStatus: string;
  }>;
  candidates: Paged<{
    regulator: string;
    target: string;
    confidence: number;
    sign: number;
    survival: number;
    meanRank: number;
    accepted: boolean;
    reviewStatus: string;
  }>;
  consensus: Paged<ConsensusRow>;
  scores: null | {
    priorEdges: number;
    wrongPriorEdges: number;
    missingEdges: number;
    prior: EdgeSetScores;
    consensus: EdgeSetScores;
    flagged: { count: number; precision: number; recall: number; topPrecision: number; chancePrecision: number };
    candidates: { k: number; topPrecision: number; topTrue: number; accepted: number; acceptedPrecision: number; chancePrecision: number };
  };
}
interface Paged<T> {
  total: number;
  offset: number;
  items: T[];
}
interface EdgeSetScores {
  edges: number;
  precision: number;
  recall: number;
  f1: number;
}
export interface ConsensusRow {
  regulator: string;
  target: string;
  sign: number;
  fromPrior: boolean;
}

export const fixed = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** The consensus as a tab-separated edge list (regulator, target, sign, source) with a header. */
export function consensusTsv(rows: readonly ConsensusRow[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]/g, ' ');
  return (
    [
      'regulator\ttarget\tsign\tsource',
      ...rows.map((r) => `${clean(r.regulator)}\t${clean(r.target)}\t${r.sign}\t${r.fromPrior ? 'prior' : 'candidate'}`),
    ].join('\n') + '\n'
  );
}
