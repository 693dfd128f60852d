'use client';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { SubmitButton } from '@/app/components/submit-button';
import { SelectField, TextAreaField, TextField } from '@/app/components/field';
import { graphql } from '@/app/lib/graphql';
import { gqlUpload } from '@/app/lib/graphql-client';
import { useFormSubmit } from '@/app/lib/use-form-submit';
import { FileField, type ChosenFile } from '../data-ui/file-field';
import { toUploadErrors } from '../data-ui/file-errors';
import { DATASET_OVERLAP_FIELDS, overlapWarning } from './overlap-warning';
import { PRIOR_FORMAT_HINTS, PRIOR_FORMAT_OPTIONS, type PriorFormat } from './types';

const IMPORT = graphql(
  `
  mutation ImportPrior($input: ImportPriorInput!) { importPrior(input: $input) { id name headVersion { edgeCount ...DatasetOverlapFields } } }
`,
  [DATASET_OVERLAP_FIELDS],
);
const IMPORT_VERSION = graphql(
  `
  mutation ImportPriorVersion($input: ImportPriorVersionInput!) { importPriorVersion(input: $input) { id number edgeCount ...DatasetOverlapFields } }
`,
  [DATASET_OVERLAP_FIELDS],
);

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
  const { errors, setErrors, busy, submit } = useFormSubmit(fieldNames, { toErrors: toUploadErrors });
  const [warning, setWarning] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const isNew = mode.kind === 'new';

  const onSubmit = submit(async () => {
    setWarning(null);
    if (!file) return setErrors({ fields: { text: 'Choose the network file.' } });
    const files = { format, text: file.file, genes: format === 'dense_matrix' ? (genes?.file ?? null) : null };
    let notice: string;
    if (mode.kind === 'new') {
      const { importPrior } = await gqlUpload(IMPORT, {
        input: { projectId: mode.projectId, name, description, message: message.trim() || 'Imported', ...files },
      });
      notice = `Imported ${importPrior.name} with ${importPrior.headVersion.edgeCount} edges as version 1.`;
      setWarning(overlapWarning(importPrior.headVersion.datasetOverlap));
    } else {
      const { importPriorVersion } = await gqlUpload(IMPORT_VERSION, {
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
  });

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
          <FileField
            label="Gene names file"
            hint="Needed when the matrix has no gene names (header x, one name per line)."
            file={genes}
            onFile={setGenes}
            error={errors.fields.genes}
          />
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
        <SubmitButton busy={busy} busyLabel="Importing…">
          Import
        </SubmitButton>
      </form>
    </section>
  );
}
