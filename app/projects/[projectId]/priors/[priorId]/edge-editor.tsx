'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { SelectField, TextField } from '@/app/components/field';
import { graphql } from '@/app/lib/graphql';
import { gql, GraphQLRequestError } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { SIGN_OPTIONS, SignBadge } from '@/app/projects/[projectId]/data-ui/signs';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { PRIOR_EDGE_FIELDS, type PriorEdge, type VersionSummary } from '../types';

export type EdgeChange =
  | { op: 'add'; regulator: string; target: string; sign: number; evidence?: string }
  | { op: 'remove' | 'flip_sign'; regulator: string; target: string }
  | { op: 'set_sign'; regulator: string; target: string; sign: number }
  | { op: 'set_evidence'; regulator: string; target: string; evidence: string };

interface Conflict {
  message: string;
  baseVersionId: string;
  baseVersionNumber: number;
  headVersionNumber: number;
  headVersionId: string;
}

const EDGES = graphql(
  `
  query EditorEdges($id: ID!, $gene: String, $offset: Int) {
    priorVersion(id: $id) { edges(gene: $gene, offset: $offset, limit: 25) { total offset edges { ...PriorEdgeFields } } }
  }
`,
  [PRIOR_EDGE_FIELDS],
);
const EDIT = graphql(`
  mutation EditPrior($input: EditPriorInput!) { editPrior(input: $input) { id number } }
`);
const PAGE = 25;
const GENES_IN_NO_DATASET = graphql(`
  query GenesInNoDataset($id: ID!, $genes: [String!]!) { priorVersion(id: $id) { genesInNoDataset(genes: $genes) } }
`);

/** Genes named by pending additions, for the check against the project's datasets (≤ 200, as the API allows). */
export function addedGenes(changes: EdgeChange[]): string[] {
  const genes = new Set<string>();
  for (const c of changes) if (c.op === 'add') genes.add(c.regulator).add(c.target);
  return [...genes].sort().slice(0, 200);
}

const describe = (c: EdgeChange): string => {
  const edge = `${c.regulator} → ${c.target}`;
  switch (c.op) {
    case 'add':
      return `Add ${edge} (${c.sign > 0 ? 'activates' : c.sign < 0 ? 'represses' : 'unknown sign'})${c.evidence ? `, evidence “${c.evidence}”` : ''}`;
    case 'remove':
      return `Remove ${edge}`;
    case 'flip_sign':
      return `Flip the sign of ${edge}`;
    case 'set_sign':
      return `Set the sign of ${edge} to ${c.sign > 0 ? '+1' : c.sign < 0 ? '−1' : '0'}`;
    case 'set_evidence':
      return `Note evidence for ${edge}: “${c.evidence}”`;
  }
};

/** Pending changes survive a page reload (per prior, in this browser tab) so a conflict never costs work. */
function usePendingChanges(priorId: string) {
  const storageKey = `grn:prior-edits:${priorId}`;
  const [state, setState] = useState<{ changes: EdgeChange[]; message: string }>({ changes: [], message: '' });
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    try {
      const saved = window.sessionStorage.getItem(storageKey);
      if (saved) setState(JSON.parse(saved));
    } catch {
      /* unreadable storage: start empty */
    }
    setLoaded(true);
  }, [storageKey]);
  useEffect(() => {
    if (!loaded) return;
    if (state.changes.length || state.message) window.sessionStorage.setItem(storageKey, JSON.stringify(state));
    else window.sessionStorage.removeItem(storageKey);
  }, [state, loaded, storageKey]);
  return [state, setState] as const;
}

interface Props {
  priorId: string;
  head: VersionSummary;
  onSaved: (version: { id: string; number: number }, baseVersionId: string) => Promise<void>;
  onReload: () => Promise<void>;
  onShowDiff: (from: string, to: string) => void;
}

export function EdgeEditor({ priorId, head, onSaved, onReload, onShowDiff }: Props) {
  const [pending, setPending] = usePendingChanges(priorId);
  const [gene, setGene] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, error } = useGql(EDGES, {
    id: head.id,
    gene: gene.trim() || null,
    offset,
  });
  const added = addedGenes(pending.changes);
  const outside = useGql(GENES_IN_NO_DATASET, added.length ? { id: head.id, genes: added } : null);
  const inNoDataset = new Set(added.length ? (outside.data?.priorVersion.genesInNoDataset ?? []) : []);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saveError, setSaveError] = useState<string>();
  const [changeErrors, setChangeErrors] = useState<Record<number, string>>({});
  const [messageError, setMessageError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [evidenceFor, setEvidenceFor] = useState<string | null>(null);
  const [evidenceText, setEvidenceText] = useState('');

  const add = (change: EdgeChange) => {
    setPending((p) => ({ ...p, changes: [...p.changes, change] }));
    setChangeErrors({});
  };
  const undo = (index: number) => {
    setPending((p) => ({ ...p, changes: p.changes.filter((_, i) => i !== index) }));
    setChangeErrors({});
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaveError(undefined);
    setConflict(null);
    setChangeErrors({});
    setMessageError(undefined);
    setBusy(true);
    const baseVersionId = head.id;
    try {
      const { editPrior } = await gql(EDIT, {
        input: { baseVersionId, message: pending.message, changes: pending.changes },
      });
      setPending({ changes: [], message: '' });
      await onSaved(editPrior, baseVersionId);
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.code === 'CONFLICT' && typeof e.extensions.headVersionNumber === 'number') {
        setConflict({ message: e.message, baseVersionId, ...(e.extensions as Omit<Conflict, 'message' | 'baseVersionId'>) });
      } else if (e instanceof GraphQLRequestError && e.field?.startsWith('changes.')) {
        setChangeErrors({ [Number(e.field.split('.')[1])]: e.message });
      } else if (e instanceof GraphQLRequestError && e.field === 'message') {
        setMessageError(e.message);
      } else {
        setSaveError(errorMessage(e));
      }
    }
    setBusy(false);
  }

  const page = data?.priorVersion.edges;
  const pendingFor = (e: PriorEdge) => pending.changes.filter((c) => c.regulator === e.regulator && c.target === e.target);

  return (
    <section className="card stack" aria-labelledby="editor-heading">
      <h3 id="editor-heading" className="card-heading">
        Edit edges{' '}
        <span className="muted small">
          (on v{head.number}; saving creates v{head.number + 1})
        </span>
      </h3>

      {conflict ? (
        <div className="alert alert-error stack" role="alert">
          <p>
            <strong>Not saved: someone saved version {conflict.headVersionNumber} meanwhile.</strong> Your {pending.changes.length} change
            {pending.changes.length === 1 ? ' was' : 's were'} made on version {conflict.baseVersionNumber}. They are kept below.
          </p>
          <div className="row">
            <button
              type="button"
              className="btn btn-primary btn-small"
              onClick={async () => {
                await onReload();
                setConflict(null);
              }}
            >
              Load version {conflict.headVersionNumber} and keep my changes
            </button>
            <button type="button" className="btn btn-small" onClick={() => onShowDiff(conflict.baseVersionId, conflict.headVersionId)}>
              Show what changed in v{conflict.headVersionNumber}
            </button>
          </div>
        </div>
      ) : null}
      <ErrorAlert>{saveError}</ErrorAlert>

      <AddEdgeForm onAdd={add} />

      <div className="field">
        <label htmlFor="edge-filter">Find edges of a gene</label>
        <input
          id="edge-filter"
          type="text"
          placeholder="Exact gene name, e.g. GATA1"
          value={gene}
          onChange={(e) => {
            setGene(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {!page && !error ? <Loading what="edges" /> : null}
      {page ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Regulator</th>
                  <th scope="col">Target</th>
                  <th scope="col">Sign</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map((e) => {
                  const id = `${e.regulator}\u0000${e.target}`;
                  const marked = pendingFor(e);
                  return (
                    <tr key={id} className={marked.some((c) => c.op === 'remove') ? 'diff-row-removed' : marked.length ? 'diff-row-sign' : undefined}>
                      <td className="mono">{e.regulator}</td>
                      <td className="mono">{e.target}</td>
                      <td>
                        <SignBadge sign={e.sign} />
                      </td>
                      <td className="small break">
                        {evidenceFor === id ? (
                          <form
                            className="row-tight row"
                            onSubmit={(ev) => {
                              ev.preventDefault();
                              add({ op: 'set_evidence', regulator: e.regulator, target: e.target, evidence: evidenceText });
                              setEvidenceFor(null);
                            }}
                          >
                            <input
                              type="text"
                              aria-label={`Evidence for ${e.regulator} → ${e.target}`}
                              value={evidenceText}
                              onChange={(ev) => setEvidenceText(ev.target.value)}
                              autoFocus
                            />
                            <button type="submit" className="btn btn-small">
                              Note
                            </button>
                          </form>
                        ) : (
                          e.evidence || <span className="muted">—</span>
                        )}
                      </td>
                      <td className="actions">
                        {e.sign !== 0 ? (
                          <button type="button" className="btn btn-small" onClick={() => add({ op: 'flip_sign', regulator: e.regulator, target: e.target })}>
                            Flip sign
                          </button>
                        ) : (
                          <select
                            aria-label={`Set the sign of ${e.regulator} → ${e.target}`}
                            value=""
                            onChange={(ev) => add({ op: 'set_sign', regulator: e.regulator, target: e.target, sign: Number(ev.target.value) })}
                          >
                            <option value="">Set sign…</option>
                            <option value="1">+1</option>
                            <option value="-1">−1</option>
                          </select>
                        )}
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => {
                            setEvidenceFor(id);
                            setEvidenceText(e.evidence);
                          }}
                        >
                          Evidence
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          onClick={() => add({ op: 'remove', regulator: e.regulator, target: e.target })}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="row small">
            <span className="muted">
              {page.total === 0 ? 'No edges match.' : `Edges ${page.offset + 1}–${page.offset + page.edges.length} of ${page.total}`}
            </span>
            <span className="spacer" />
            <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button type="button" className="btn btn-small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        </>
      ) : null}

      <form className="stack pending" onSubmit={save} aria-labelledby="pending-heading">
        <h4 id="pending-heading" className="card-heading small-heading">
          Pending changes <span className="muted small">({pending.changes.length})</span>
        </h4>
        {pending.changes.length === 0 ? (
          <p className="muted small">Use the buttons above to add, remove, flip or annotate edges; they collect here until you save.</p>
        ) : (
          <ol className="pending-list">
            {pending.changes.map((c, i) => (
              <li key={i} className={changeErrors[i] ? 'pending-error' : undefined}>
                <span>{describe(c)}</span>
                {c.op === 'add' && [c.regulator, c.target].some((g) => inNoDataset.has(g)) ? (
                  <span className="alert alert-warning small" role="status">
                    {[c.regulator, c.target].filter((g, k, all) => inNoDataset.has(g) && all.indexOf(g) === k).join(' and ')} is in none of this project&apos;s
                    datasets: runs will leave this edge out (check the spelling or identifier type).
                  </span>
                ) : null}
                <button type="button" className="btn btn-small" aria-label={`Undo: ${describe(c)}`} onClick={() => undo(i)}>
                  Undo
                </button>
                {changeErrors[i] ? (
                  <span className="error small" role="alert">
                    {changeErrors[i]}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        <TextField
          label="Version message"
          placeholder="What changed and why"
          value={pending.message}
          onChange={(e) => setPending((p) => ({ ...p, message: e.target.value }))}
          error={messageError}
        />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy || pending.changes.length === 0}>
            {busy ? 'Saving…' : `Save as version ${head.number + 1}`}
          </button>
          {pending.changes.length ? (
            <button type="button" className="btn" onClick={() => setPending({ changes: [], message: pending.message })}>
              Discard changes
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function AddEdgeForm({ onAdd }: { onAdd: (c: EdgeChange) => void }) {
  const [regulator, setRegulator] = useState('');
  const [target, setTarget] = useState('');
  const [sign, setSign] = useState('1');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className="form-row add-edge"
      aria-label="Add an edge"
      onSubmit={(e) => {
        e.preventDefault();
        if (!regulator.trim() || !target.trim()) return setError('Name the regulator and the target.');
        setError(undefined);
        onAdd({ op: 'add', regulator: regulator.trim(), target: target.trim(), sign: Number(sign), evidence: evidence.trim() || undefined });
        setRegulator('');
        setTarget('');
        setEvidence('');
      }}
    >
      <TextField label="Regulator" value={regulator} onChange={(e) => setRegulator(e.target.value)} error={error} />
      <TextField label="Target" value={target} onChange={(e) => setTarget(e.target.value)} />
      <SelectField label="Sign" value={sign} options={SIGN_OPTIONS} onChange={(e) => setSign(e.target.value)} />
      <TextField label="Evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
      <div className="form-row-action">
        <button type="submit" className="btn">
          Add edge
        </button>
      </div>
    </form>
  );
}
