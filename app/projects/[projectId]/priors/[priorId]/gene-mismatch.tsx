'use client';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { SelectField } from '@/app/components/field';
import { graphql, type ResultOf } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import type { VersionSummary } from '../types';

const DATASETS = graphql(`query DatasetNames($projectId: ID!) { datasets(projectId: $projectId) { id name geneCount } }`);
const MISMATCH = graphql(`
  query GeneMismatch($versionId: ID!, $datasetId: ID!) {
    geneMismatch(versionId: $versionId, datasetId: $datasetId) {
      priorGeneCount datasetGeneCount matchedGeneCount missingGenes droppedEdgeCount keptEdgeCount
    }
  }
`);

type Mismatch = ResultOf<typeof MISMATCH>['geneMismatch'];

/** Which prior genes a dataset lacks, so a run's dropped prior edges are no surprise. */
export function GeneMismatchCard({ projectId, versions }: { projectId: string; versions: VersionSummary[] }) {
  const { data } = useGql(DATASETS, { projectId });
  const [versionId, setVersionId] = useState(versions[0]?.id ?? '');
  const [datasetId, setDatasetId] = useState('');
  const [result, setResult] = useState<Mismatch | null>(null);
  const [error, setError] = useState<string>();
  const datasets = data?.datasets ?? [];

  async function check(v: string, d: string) {
    setResult(null);
    setError(undefined);
    if (!v || !d) return;
    try {
      setResult((await gql(MISMATCH, { versionId: v, datasetId: d })).geneMismatch);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card stack" aria-labelledby="mismatch-heading">
      <h3 id="mismatch-heading" className="card-heading">
        Genes against a dataset
      </h3>
      {data && datasets.length === 0 ? <p className="muted small">The project has no datasets yet.</p> : null}
      {datasets.length > 0 ? (
        <>
          <SelectField
            label="Version"
            value={versionId}
            options={versions.map((v) => ({ value: v.id, label: `v${v.number}` }))}
            onChange={(e) => {
              setVersionId(e.target.value);
              void check(e.target.value, datasetId);
            }}
          />
          <SelectField
            label="Dataset"
            value={datasetId}
            options={[{ value: '', label: 'Choose a dataset…' }, ...datasets.map((d) => ({ value: d.id, label: `${d.name} (${d.geneCount} genes)` }))]}
            onChange={(e) => {
              setDatasetId(e.target.value);
              void check(versionId, e.target.value);
            }}
          />
        </>
      ) : null}
      <ErrorAlert>{error}</ErrorAlert>
      {result ? (
        <div className="stack small" aria-live="polite">
          {result.missingGenes.length === 0 ? (
            <p className="alert alert-ok">
              All {result.priorGeneCount} prior genes are in the dataset; all {result.keptEdgeCount} edges apply.
            </p>
          ) : (
            <>
              <p className="alert alert-info">
                {result.missingGenes.length} of {result.priorGeneCount} prior genes are not in the dataset. A run drops{' '}
                <strong>{result.droppedEdgeCount}</strong> prior edges and keeps {result.keptEdgeCount}.
              </p>
              <details>
                <summary>Missing genes</summary>
                <p className="mono break">{result.missingGenes.join(', ')}</p>
              </details>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
