'use client';
import { useState, type FormEvent } from 'react';
import type { QueueLevel, RunChoice } from './queries';
import type { QueueParams } from './queue-params';
import { STATUS_LABELS, STATUSES, type EdgeReviewStatus } from './types';

interface Props {
  params: QueueParams;
  runs: RunChoice[];
  runId: string;
  goldStandards: { id: string; name: string }[];
  /** The run's pruning levels with a stored network (empty for runs trained before issue 16). */
  levels: QueueLevel[];
  onChange(patch: Partial<QueueParams>): void;
}

const LIST_LABELS = { UNSUPPORTED: 'replicates: prior edges the data does not support', CANDIDATES: 'replicates: candidates the prior lacks' } as const;

const REVIEWED: EdgeReviewStatus[] = STATUSES.filter((s) => s !== 'UNREVIEWED');
const STATUS_CHOICES = [
  { value: '', label: 'any status' },
  { value: REVIEWED.join(','), label: 'reviewed (any verdict)' },
  ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];

function networkValue(p: QueueParams): string {
  return p.list ? `list:${p.list}` : p.level !== null ? `level:${p.level}` : '';
}

function networkChoice(value: string): Partial<QueueParams> {
  const [kind, what] = value.split(':');
  if (kind === 'level') return { level: Number(what), list: null };
  if (kind === 'list') return { level: null, list: what as QueueParams['list'] };
  return { level: null, list: null };
}

/** Every change goes to the URL at once and the queue starts again at its first page. */
export function QueueFilters({ params, runs, runId, goldStandards, levels, onChange }: Props) {
  const [gene, setGene] = useState(params.gene);
  const set = (patch: Partial<QueueParams>) => onChange({ ...patch, page: 0, edge: null });
  const statusValue = params.statuses.join(',');
  const applyGene = (e: FormEvent) => {
    e.preventDefault();
    set({ gene: gene.trim() });
  };
  return (
    <form className="form-row queue-filters" aria-label="Queue filters" onSubmit={applyGene}>
      <div className="field">
        <label htmlFor="q-run">Run</label>
        <select id="q-run" value={runId} onChange={(e) => set({ run: e.target.value, level: null, list: null })}>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.strategyLabel})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-network">Edges of</label>
        <select id="q-network" value={networkValue(params)} onChange={(e) => set(networkChoice(e.target.value))}>
          <option value="">the kept model</option>
          {levels.map((l) => (
            <option key={l.level} value={`level:${l.level}`}>
              level {l.level} · sparsity {(l.sparsity * 100).toFixed(1)}% · {l.edgeCount.toLocaleString('en-US')} edges{l.kept ? ' (kept)' : ''}
            </option>
          ))}
          {(['UNSUPPORTED', 'CANDIDATES'] as const).map((list) => (
            <option key={list} value={`list:${list}`}>
              {LIST_LABELS[list]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-status">Status</label>
        <select
          id="q-status"
          value={STATUS_CHOICES.some((c) => c.value === statusValue) ? statusValue : ''}
          onChange={(e) => set({ statuses: (e.target.value ? e.target.value.split(',') : []) as EdgeReviewStatus[] })}
        >
          {STATUS_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-gene">Gene</label>
        <input
          id="q-gene"
          type="text"
          placeholder="regulator or target"
          value={gene}
          onChange={(e) => setGene(e.target.value)}
          onBlur={() => gene.trim() !== params.gene && set({ gene: gene.trim() })}
        />
      </div>
      <div className="field">
        <label htmlFor="q-novelty">Prior</label>
        <select id="q-novelty" value={params.novelty ?? ''} onChange={(e) => set({ novelty: (e.target.value || null) as QueueParams['novelty'] })}>
          <option value="">novel or in the prior</option>
          <option value="NOVEL">novel only</option>
          <option value="IN_PRIOR">in the run’s prior only</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-gold">Gold standard</label>
        <select id="q-gold" value={params.gold ?? ''} onChange={(e) => set({ gold: e.target.value || null })}>
          <option value="">none</option>
          {goldStandards.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      {params.gold ? (
        <div className="field">
          <label htmlFor="q-ingold">In the gold standard</label>
          <select
            id="q-ingold"
            value={params.inGold === null ? '' : params.inGold ? 'yes' : 'no'}
            onChange={(e) => set({ inGold: e.target.value === '' ? null : e.target.value === 'yes' })}
          >
            <option value="">in or out</option>
            <option value="yes">in it</option>
            <option value="no">not in it</option>
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="q-order">Rank by</label>
        <select id="q-order" value={params.order} onChange={(e) => set({ order: e.target.value as QueueParams['order'] })}>
          <option value="EFFECT">{params.list ? 'the list’s order' : '|effect|'}</option>
          <option value="CONFIDENCE">{params.list ? 'the list’s confidence' : 'confidence across seeds'}</option>
        </select>
      </div>
    </form>
  );
}
