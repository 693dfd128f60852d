export interface RunLevel {
  level: number;
  firstEpoch: number;
  lastEpoch: number;
  bestEpoch: number;
  sparsity: number;
  valMse: number;
  valSe: number | null;
  testMse: number | null;
  edgeCount: number;
  kept: boolean;
}

export interface LevelEdge {
  regulator: string;
  target: string;
  effect: number;
  rank: number;
}

/** The level selector's option text: where it is on the path, and whether the run kept it. */
export function levelLabel(l: RunLevel): string {
  return `level ${l.level} · epochs ${l.firstEpoch}–${l.lastEpoch} · sparsity ${(l.sparsity * 100).toFixed(1)}% · ${l.edgeCount.toLocaleString('en-US')} edges${l.kept ? ' · kept model' : ''}`;
}

/** A level's network as a tab-separated edge list (rank, regulator, target, effect) with a header. */
export function levelTsv(rows: readonly LevelEdge[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]/g, ' ');
  return ['rank\tregulator\ttarget\teffect', ...rows.map((r) => `${r.rank}\t${clean(r.regulator)}\t${clean(r.target)}\t${r.effect}`)].join('\n') + '\n';
}
