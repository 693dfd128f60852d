'use client';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/app/components/field';
import { gql } from '@/app/lib/graphql-client';
import { noErrors, type FormErrors } from '@/app/lib/form-errors';
import { FileField, type ChosenFile } from '../data-ui/file-field';
import { toUploadErrors } from '../data-ui/file-errors';
import { DATASET_OVERLAP_FIELDS, overlapWarning, type DatasetOverlap } from './overlap-warning';
import { PRIOR_FORMAT_HINTS, PRIOR_FORMAT_OPTIONS, type PriorFormat } from './types';

const IMPORT = /* GraphQL */ `
  mutation ImportPrior($input: ImportPriorInput!) { importPrior(input: $input) { id name headVersion { edgeCount ${DATASET_OVERLAP_FIELDS} } } }
`;
const IMPORT_VERSION = /* GraphQL */ `
  mutation ImportPriorVersion($input: ImportPriorVersionInput!) { importPriorVersion(input: $input) { id number edgeCount ${DATASET_OVERLAP_FIELDS} } }
`;

/** A new prior network, or (with a prior and its head) a file imported as its next version. */
type Mode = { kind: 'new'; projectId: string } | { kind: 'version'; priorId: string; headVersionId: string };

const fieldNames = ['name', 'description', 'text', 'genes', 'message'];

export function ImportPriorForm({ mode, onImported }: { mode: Mode; onImported: (notice: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState('');
  const [format, setFormat] = useState<PriorFormat>('edge_list');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [genes, setGenes] = useState<ChosenFile | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const isNew = mode.kind === 'new';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors(noErrors);
    setWarning(null);
    if (!file) return setErrors({ fields: { text: 'Choose the network file.' } });
    setBusy(true);
    const files = { format, text: file.text, genes: format === 'dense_matrix' ? (genes?.text ?? null) : null };
    try {
      let notice: string;
      if (mode.kind === 'new') {
        const { importPrior } = await gql<{ importPrior: { name: string; headVersion: { edgeCount: number; datasetOverlap: DatasetOverlap[] } } }>(IMPORT, {
          input: { projectId: mode.projectId, name, description, message: message.trim() || 'Imported', ...files },
        });
        notice = `Imported ${importPrior.name} with ${importPrior.headVersion.edgeCount} edges as version 1.`;
        setWarning(overlapWarning(importPrior.headVersion.datasetOverlap));
      } else {
        const { importPriorVersion } = await gql<{ importPriorVersion: { number: number; edgeCount: number; datasetOverlap: DatasetOverlap[] } }>(IMPORT_VERSION, {
          input: { priorId: mode.priorId, baseVersionId: mode.headVersionId, message, ...files },
        });
        notice = `Imported version ${importPriorVersion.number} with ${importPriorVersion.edgeCount} edges.`;
        setWarning(overlapWarning(importPriorVersion.datasetOverlap));
      }
      setName('');
      setDescription('');
      setMessage('');
      setFile(null);
      setGenes(null);
      setFormKey((k) => k + 1);
      await onImported(notice);
    } catch (e) {
      setErrors(toUploadErrors(e, fieldNames));
    }
    setBusy(false);
  }

  return (
    <section className="card" aria-labelledby={`import-${mode.kind}-heading`}>
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate>
        <h2 id={`import-${mode.kind}-heading`} className="card-heading">
          {isNew ? 'Import a prior network' : 'Import a new version'}
        </h2>
        <ErrorAlert>{errors.form}</ErrorAlert>
        {warning ? (
          <p className="alert alert-warning" role="status" data-testid="prior-overlap-warning">
            Stored, but: {warning}
          </p>
        ) : null}
        {isNew ? <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} required /> : null}
        <SelectField
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value as PriorFormat)}
          options={PRIOR_FORMAT_OPTIONS}
          hint={PRIOR_FORMAT_HINTS[format]}
        />
        <FileField label="Network file" file={file} onFile={setFile} error={errors.fields.text} required />
        {format === 'dense_matrix' ? (
          <FileField label="Gene names file" hint="Needed when the matrix has no gene names (header x, one name per line)." file={genes} onFile={setGenes} error={errors.fields.genes} />
        ) : null}
        <TextField
          label="Version message"
          value={message}
          placeholder={isNew ? 'Imported' : 'What changed and why'}
          onChange={(e) => setMessage(e.target.value)}
          error={errors.fields.message}
        />
        {isNew ? (
          <TextAreaField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={errors.fields.description} />
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
    </section>
  );
}
