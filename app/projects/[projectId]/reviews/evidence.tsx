import { EVIDENCE_DATABASES, type Evidence, type EvidenceKind } from './types';

export interface EvidenceDraft {
  kind: EvidenceKind;
  value: string;
  /** DATABASE only: the database's name; `value` is then the accession. */
  database: string;
}

export const emptyEvidence = (): EvidenceDraft => ({ kind: 'PMID', value: '', database: EVIDENCE_DATABASES[0] });

/** What the user typed, as the API wants it: bare PMID digits, a bare DOI, "Database:accession". */
export function evidenceInput(d: EvidenceDraft): { kind: EvidenceKind; value: string } | null {
  const v = d.value.trim();
  switch (d.kind) {
    case 'PMID':
      return v ? { kind: 'PMID', value: v.replace(/^pmid:\s*/i, '').replace(/^https?:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/(\d+)\/?$/i, '$1') } : null;
    case 'DOI':
      return v ? { kind: 'DOI', value: v.replace(/^doi:\s*/i, '').replace(/^https?:\/\/(dx\.)?doi\.org\//i, '') } : null;
    case 'DATABASE':
      return { kind: 'DATABASE', value: v ? `${d.database}:${v}` : d.database };
    case 'TEXT':
      return v ? { kind: 'TEXT', value: v } : null;
  }
}

export function evidenceDraft(e: Evidence): EvidenceDraft {
  if (e.kind !== 'DATABASE') return { kind: e.kind, value: e.value, database: EVIDENCE_DATABASES[0] };
  const [database, ...rest] = e.value.split(':');
  return { kind: 'DATABASE', database, value: rest.join(':') };
}

/** Only links we build ourselves from checked identifiers; a server-given URL is used when it is http(s). */
export function evidenceUrl(e: Evidence): string | null {
  if (e.kind === 'PMID' && /^\d{1,9}$/.test(e.value)) return `https://pubmed.ncbi.nlm.nih.gov/${e.value}/`;
  if (e.kind === 'DOI' && /^10\.\d{4,9}\/\S+$/.test(e.value)) return `https://doi.org/${e.value}`;
  return e.url && /^https?:\/\//.test(e.url) ? e.url : null;
}

const KIND_LABEL: Record<EvidenceKind, string> = { PMID: 'PubMed', DOI: 'DOI', DATABASE: 'Database', TEXT: 'Note' };

export function EvidenceItem({ evidence }: { evidence: Evidence }) {
  const url = evidenceUrl(evidence);
  const text = evidence.kind === 'PMID' ? `PMID ${evidence.value}` : evidence.value;
  return (
    <span className="small">
      <span className="muted">{KIND_LABEL[evidence.kind]}: </span>
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer nofollow">
          {text}
        </a>
      ) : (
        <span className="prewrap">{text}</span>
      )}
    </span>
  );
}

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence-list">
      {evidence.map((e, i) => (
        <li key={i}>
          <EvidenceItem evidence={e} />
        </li>
      ))}
    </ul>
  );
}

const PLACEHOLDER: Record<EvidenceKind, string> = { PMID: 'e.g. 12345678', DOI: '10.1000/xyz123', DATABASE: 'accession (optional)', TEXT: 'what supports it' };

/** Rows of evidence being written: kind, value, remove; and a button to add one. */
export function EvidenceEditor({ drafts, onChange }: { drafts: EvidenceDraft[]; onChange(d: EvidenceDraft[]): void }) {
  const set = (i: number, patch: Partial<EvidenceDraft>) => onChange(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="fieldset stack">
      <legend className="small">Evidence</legend>
      {drafts.map((d, i) => (
        <div className="row row-tight" key={i}>
          <select aria-label={`Evidence ${i + 1} kind`} value={d.kind} onChange={(e) => set(i, { kind: e.target.value as EvidenceKind })}>
            {(Object.keys(KIND_LABEL) as EvidenceKind[]).map((k) => (
              <option key={k} value={k}>
                {k === 'PMID' ? 'PubMed ID' : KIND_LABEL[k]}
              </option>
            ))}
          </select>
          {d.kind === 'DATABASE' ? (
            <select aria-label={`Evidence ${i + 1} database`} value={d.database} onChange={(e) => set(i, { database: e.target.value })}>
              {EVIDENCE_DATABASES.map((db) => (
                <option key={db}>{db}</option>
              ))}
            </select>
          ) : null}
          <input
            type="text"
            aria-label={`Evidence ${i + 1} value`}
            value={d.value}
            placeholder={PLACEHOLDER[d.kind]}
            maxLength={2000}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <button type="button" className="btn btn-small" aria-label={`Remove evidence ${i + 1}`} onClick={() => onChange(drafts.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-small" onClick={() => onChange([...drafts, emptyEvidence()])}>
          Add evidence
        </button>
      </div>
    </fieldset>
  );
}
