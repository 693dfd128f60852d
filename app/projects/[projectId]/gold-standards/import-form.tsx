'use client';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { SubmitButton } from '@/app/components/submit-button';
import { SelectField, TextField } from '@/app/components/field';
import { type EnumOf, graphql } from '@/app/lib/graphql';
import { gqlUpload } from '@/app/lib/graphql-client';
import { useFormSubmit } from '@/app/lib/use-form-submit';
import { FileField, type ChosenFile } from '../data-ui/file-field';
import { toUploadErrors } from '../data-ui/file-errors';

const IMPORT = graphql(`
  mutation ImportGoldStandard($input: ImportGoldStandardInput!) { importGoldStandard(input: $input) { id name edgeCount } }
`);
type Format = EnumOf<'GoldStandardFormat'>;
const fieldNames = ['name', 'source', 'text', 'genes'];

export function ImportGoldStandardForm({ projectId, onImported }: { projectId: string; onImported: (notice: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [format, setFormat] = useState<Format>('edge_list');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [genes, setGenes] = useState<ChosenFile | null>(null);
  const { errors, setErrors, busy, submit } = useFormSubmit(fieldNames, { toErrors: toUploadErrors });
  const [formKey, setFormKey] = useState(0);

  const onSubmit = submit(async () => {
    if (!file) return setErrors({ fields: { text: 'Choose the file.' } });
    const { importGoldStandard } = await gqlUpload(IMPORT, {
      input: { projectId, name, source, format, text: file.file, genes: format === 'dense_matrix' ? (genes?.file ?? null) : null },
    });
    setName('');
    setSource('');
    setFile(null);
    setGenes(null);
    setFormKey((k) => k + 1);
    await onImported(`Imported ${importGoldStandard.name} with ${importGoldStandard.edgeCount} edges.`);
  });

  return (
    <section className="card" aria-labelledby="import-gold-heading">
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate>
        <h2 id="import-gold-heading" className="card-heading">
          Import a gold standard
        </h2>
        <ErrorAlert>{errors.form}</ErrorAlert>
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} required />
        <TextField
          label="Source"
          placeholder="e.g. ChIP-atlas 2024, K562"
          hint="Where the interactions come from: study, database release, cell type."
          value={source}
          onChange={(e) => setSource(e.target.value)}
          error={errors.fields.source}
        />
        <SelectField
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value as Format)}
          options={[
            { value: 'edge_list', label: 'Regulator → target list (CSV/TSV)' },
            { value: 'dense_matrix', label: 'Dense signed matrix' },
          ]}
          hint={
            format === 'edge_list'
              ? 'Columns regulator,target[,score][,sign]. With a header, score and sign columns are found by name.'
              : 'Square matrix; nonzero entries are edges. Gene names in the file or a gene names file.'
          }
        />
        <FileField label="File" file={file} onFile={setFile} error={errors.fields.text} required />
        {format === 'dense_matrix' ? <FileField label="Gene names file" file={genes} onFile={setGenes} error={errors.fields.genes} /> : null}
        <SubmitButton busy={busy} busyLabel="Importing…">
          Import
        </SubmitButton>
      </form>
    </section>
  );
}
