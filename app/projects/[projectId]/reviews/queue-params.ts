'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { STATUSES, type EdgeRef, type EdgeReviewStatus } from './types';

/** The queue's filters, page and current edge: all in the URL, so a view can be shared and survives reload. */
export interface QueueParams {
  run: string | null;
  /** A pruning level of the run: its network's edges instead of the kept model's (null: the kept model). */
  level: number | null;
  /** A list of the run's replicate analysis instead of its network. */
  list: ReplicateList | null;
  /** Empty: every status. */
  statuses: EdgeReviewStatus[];
  gene: string;
  novelty: 'NOVEL' | 'IN_PRIOR' | null;
  gold: string | null;
  inGold: boolean | null;
  order: 'EFFECT' | 'CONFIDENCE';
  page: number;
  edge: EdgeRef | null;
}

export type ReplicateList = 'UNSUPPORTED' | 'CANDIDATES';

export const PAGE_SIZE = 50;

export function parseQueueParams(q: URLSearchParams): QueueParams {
  const statuses = (q.get('status') ?? '').split(',').filter((s): s is EdgeReviewStatus => (STATUSES as string[]).includes(s));
  const novelty = q.get('novelty');
  const inGold = q.get('inGold');
  const [regulator, target] = (q.get('edge') ?? '').split('>');
  const level = q.get('level');
  const list = q.get('list');
  return {
    run: q.get('run') || null,
    level: level !== null && /^\d{1,6}$/.test(level) ? Number(level) : null,
    list: list === 'UNSUPPORTED' || list === 'CANDIDATES' ? list : null,
    statuses,
    gene: (q.get('gene') ?? '').trim(),
    novelty: novelty === 'NOVEL' || novelty === 'IN_PRIOR' ? novelty : null,
    gold: q.get('gold') || null,
    inGold: inGold === 'yes' ? true : inGold === 'no' ? false : null,
    order: q.get('order') === 'CONFIDENCE' ? 'CONFIDENCE' : 'EFFECT',
    page: Math.max(0, Math.floor(Number(q.get('page')) || 0)),
    edge: regulator && target ? { regulator, target } : null,
  };
}

export function queueSearch(p: QueueParams): string {
  const q = new URLSearchParams();
  if (p.run) q.set('run', p.run);
  if (p.list) q.set('list', p.list);
  else if (p.level !== null) q.set('level', String(p.level));
  if (p.statuses.length) q.set('status', p.statuses.join(','));
  if (p.gene) q.set('gene', p.gene);
  if (p.novelty) q.set('novelty', p.novelty);
  if (p.gold) q.set('gold', p.gold);
  if (p.gold && p.inGold !== null) q.set('inGold', p.inGold ? 'yes' : 'no');
  if (p.order !== 'EFFECT') q.set('order', p.order);
  if (p.page) q.set('page', String(p.page));
  if (p.edge) q.set('edge', `${p.edge.regulator}>${p.edge.target}`);
  return q.toString();
}

/** The GraphQL filter for these parameters. */
export function queueFilter(p: QueueParams) {
  return {
    statuses: p.statuses.length ? p.statuses : null,
    gene: p.gene || null,
    novelty: p.novelty,
    goldStandardId: p.gold,
    inGold: p.gold ? p.inGold : null,
  };
}

export function useQueueParams(): [QueueParams, (patch: Partial<QueueParams>) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => parseQueueParams(new URLSearchParams(search?.toString() ?? '')), [search]);
  const update = useCallback(
    (patch: Partial<QueueParams>) => {
      const next = queueSearch({ ...params, ...patch });
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return [params, update];
}
