'use client';
import { useEffect, useId, useState } from 'react';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { geneColour } from './trajectory-plot';

const SEARCH = graphql(`
  query GeneSearch($id: ID!, $search: String, $limit: Int) { dataset(id: $id) { genes(search: $search, limit: $limit) } }
`);
export const MAX_GENES = 8;

/** Search the dataset's genes and choose up to MAX_GENES to plot. */
export function GenePicker({ datasetId, chosen, onChange }: { datasetId: string; chosen: string[]; onChange: (genes: string[]) => void }) {
  const [search, setSearch] = useState('');
  const [hits, setHits] = useState<string[]>([]);
  const inputId = useId();

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      gql(SEARCH, { id: datasetId, search: search.trim() || null, limit: 12 })
        .then((d) => !stale && setHits(d.dataset.genes))
        .catch(() => !stale && setHits([]));
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [datasetId, search]);

  const full = chosen.length >= MAX_GENES;
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={inputId}>
          Genes <span className="muted small">(up to {MAX_GENES})</span>
        </label>
        <input id={inputId} type="text" placeholder="Search genes" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {chosen.length ? (
        <ul className="chips" aria-label="Chosen genes">
          {chosen.map((g, i) => (
            <li key={g} className="chip" style={{ borderColor: geneColour(i) }}>
              <span className="swatch" style={{ background: geneColour(i) }} aria-hidden="true" />
              {g}
              <button type="button" className="chip-remove" aria-label={`Remove ${g}`} onClick={() => onChange(chosen.filter((x) => x !== g))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">Choose genes to plot.</p>
      )}
      <ul className="gene-hits" aria-label="Matching genes">
        {hits
          .filter((g) => !chosen.includes(g))
          .map((g) => (
            <li key={g}>
              <button type="button" className="btn btn-small" disabled={full} onClick={() => onChange([...chosen, g])}>
                + {g}
              </button>
            </li>
          ))}
      </ul>
      {full ? <p className="muted small">Remove a gene to add another.</p> : null}
    </div>
  );
}
