'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { useGql } from '../data-ui/use-gql';
import { ActivityList } from '../overview/activity-list';
import { useProject } from '../project-context';
import { ACTIVITY_PAGE } from '../reviews/queries';

const PAGE_SIZE = 50;

/** Families of actions (every action starting with "<kind>.") and the review actions one by one. */
const KINDS = [
  { value: '', label: 'everything' },
  { value: 'review', label: 'verdicts and settlements' },
  { value: 'review.verdict', label: '— verdicts' },
  { value: 'review.settle', label: '— settlements' },
  { value: 'comment', label: 'comments' },
  { value: 'prior', label: 'prior networks' },
  { value: 'run', label: 'runs' },
  { value: 'dataset', label: 'datasets' },
  { value: 'member', label: 'members' },
  { value: 'project', label: 'project details' },
];

/** The project's whole history, newest first, paged; person, kind and gene filters live in the URL. */
export function ActivityView() {
  const { projectId, error: projectError } = useProject();
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const actorId = search?.get('person') || null;
  const kind = search?.get('kind') || null;
  const gene = search?.get('gene') || null;
  const page = Math.max(0, Math.floor(Number(search?.get('page')) || 0));
  const [geneDraft, setGeneDraft] = useState(gene ?? '');
  const { data, error } = useGql(ACTIVITY_PAGE, { id: projectId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, actorId, kind, gene });

  const go = (patch: Record<string, string | number | null>) => {
    const q = new URLSearchParams(search?.toString() ?? '');
    for (const [k, v] of Object.entries({ page: null, ...patch })) {
      if (v === null || v === '' || v === 0) q.delete(k);
      else q.set(k, String(v));
    }
    router.replace(q.size ? `${pathname}?${q}` : pathname, { scroll: false });
  };
  const applyGene = (e: FormEvent) => {
    e.preventDefault();
    go({ gene: geneDraft.trim() || null });
  };

  if (projectError) return null;
  const result = data?.project.activityPage;
  const people = (data?.project.members ?? []).filter((m) => m.user);
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <section className="card stack" aria-labelledby="all-activity-heading">
      <h2 id="all-activity-heading" className="card-heading">
        Activity{result ? ` (${result.total})` : ''}
      </h2>
      <form className="form-row network-filters" aria-label="Activity filters" onSubmit={applyGene}>
        <div className="field">
          <label htmlFor="act-person">Person</label>
          <select id="act-person" value={actorId ?? ''} onChange={(e) => go({ person: e.target.value || null })}>
            <option value="">anyone</option>
            {people.map((m) => (
              <option key={m.user!.id} value={m.user!.id}>
                {m.name ?? m.email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="act-kind">Kind</label>
          <select id="act-kind" value={kind ?? ''} onChange={(e) => go({ kind: e.target.value || null })}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="act-gene">Gene</label>
          <input id="act-gene" type="text" placeholder="regulator or target" value={geneDraft} onChange={(e) => setGeneDraft(e.target.value)} />
        </div>
        <div className="form-row-action">
          <button type="submit" className="btn">
            Filter
          </button>
        </div>
      </form>
      <ErrorAlert>{error}</ErrorAlert>
      {!result && !error ? <Loading what="the activity" /> : null}
      {result && result.items.length === 0 ? <p className="muted">No events match.</p> : null}
      {result && result.items.length > 0 ? <ActivityList events={result.items} projectId={projectId} labelledBy="all-activity-heading" /> : null}
      {result ? (
        <nav className="row small" aria-label="Activity pages">
          <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => go({ page: page - 1 })}>
            Newer
          </button>
          <span>
            page {page + 1} of {pages}
          </span>
          <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => go({ page: page + 1 })}>
            Older
          </button>
        </nav>
      ) : null}
    </section>
  );
}
