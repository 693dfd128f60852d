'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ErrorAlert, Loading, OkAlert } from '@/app/components/alerts';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { formatDateTime } from '@/app/lib/format';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { useProject } from '@/app/projects/[projectId]/project-context';
import { ImportPriorForm } from '../import-form';
import { VERSION_FIELDS } from '../types';
import { DiffView } from './diff-view';
import { EdgeEditor } from './edge-editor';
import { ReviewProposal } from './review-proposal';
import { GeneMismatchCard } from './gene-mismatch';
import { VersionsTable } from './versions-table';

const PRIOR = graphql(
  `
  query PriorNetwork($id: ID!) {
    priorNetwork(id: $id) {
      id name description createdAt createdByName runCount
      headVersion { ...PriorVersionFields }
      versions { ...PriorVersionFields }
    }
  }
`,
  [VERSION_FIELDS],
);
const DELETE = graphql(`mutation DeletePrior($id: ID!) { deletePrior(id: $id) }`);

export function PriorView({ priorId }: { priorId: string }) {
  const { projectId, canWrite, error: projectError } = useProject();
  const router = useRouter();
  const { data, error, reload } = useGql(PRIOR, { id: priorId });
  const [compare, setCompare] = useState<{ from: string; to: string } | null>(null);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const prior = data?.priorNetwork;

  // Compare the head with its parent until the user picks other versions.
  useEffect(() => {
    if (!prior || compare) return;
    const [head, previous] = prior.versions;
    if (previous) setCompare({ from: previous.id, to: head.id });
  }, [prior, compare]);

  if (projectError) return null;
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!prior) return <Loading what="the prior network" />;

  const afterSave = async (text: string, diff?: { from: string; to: string }) => {
    await reload();
    setNotice(text);
    setActionError(undefined);
    if (diff) setCompare(diff);
  };

  async function onDelete() {
    if (!window.confirm(`Delete “${prior!.name}” and all ${prior!.versions.length} versions?`)) return;
    try {
      await gql(DELETE, { id: priorId });
      router.push(`/projects/${projectId}/priors`);
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href={`/projects/${projectId}/priors`}>Prior networks</Link> <span aria-hidden="true">/</span>
      </nav>
      <div className="row">
        <h2 className="section-title">{prior.name}</h2>
        <span className="badge badge-primary">v{prior.headVersion.number}</span>
        <span className="muted small">{prior.headVersion.edgeCount} edges</span>
        <span className="spacer" />
        {canWrite ? (
          <button type="button" className="btn btn-danger btn-small" onClick={onDelete}>
            Delete prior
          </button>
        ) : null}
      </div>
      {prior.description ? <p className="prewrap">{prior.description}</p> : null}
      <OkAlert>{notice}</OkAlert>
      <ErrorAlert>{actionError}</ErrorAlert>
      <div className="layout-sidebar">
        <div className="stack">
          <VersionsTable
            versions={prior.versions}
            canWrite={canWrite}
            headVersionId={prior.headVersion.id}
            compare={compare}
            onCompare={setCompare}
            onReverted={(v, head) => afterSave(`Version ${v.number} restores version ${v.revertedFrom}.`, { from: head, to: v.id })}
            onError={setActionError}
          />
          {compare ? <DiffView fromId={compare.from} toId={compare.to} versions={prior.versions} onChange={setCompare} /> : null}
          {canWrite ? (
            <ReviewProposal
              projectId={projectId}
              head={prior.headVersion}
              onCommitted={(v, base) => afterSave(`Saved version ${v.number} from reviews; its changes are shown below.`, { from: base, to: v.id })}
            />
          ) : null}
          {canWrite ? (
            <EdgeEditor
              priorId={prior.id}
              head={prior.headVersion}
              onSaved={(v, base) => afterSave(`Saved version ${v.number}.`, { from: base, to: v.id })}
              onReload={reload}
              onShowDiff={(from, to) => setCompare({ from, to })}
            />
          ) : null}
        </div>
        <div className="stack">
          <dl className="details card">
            <dt>Created</dt>
            <dd>
              {formatDateTime(prior.createdAt)} by {prior.createdByName ?? 'a former member'}
            </dd>
            <dt>Versions</dt>
            <dd>{prior.versions.length}</dd>
            <dt>Used by runs</dt>
            <dd>{prior.runCount}</dd>
          </dl>
          <GeneMismatchCard key={prior.headVersion.id} projectId={projectId} versions={prior.versions} />
          {canWrite ? (
            <ImportPriorForm mode={{ kind: 'version', priorId: prior.id, headVersionId: prior.headVersion.id }} onImported={(text) => afterSave(text)} />
          ) : null}
        </div>
      </div>
    </div>
  );
}
