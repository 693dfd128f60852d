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
import { FORMAT_LABELS, type DatasetFormat } from './types';

const UPLOAD = graphql(`
  mutation UploadDataset($input: UploadDatasetInput!) { uploadDataset(input: $input) { id name } }
`);

const FORMAT_HINTS: Record<DatasetFormat, string> = {
  trajectory_csv: "The authors' layout: a first row “genes,trajectories”, then per trajectory one row per gene and a row of times.",
  tidy_csv: 'One observation per row with the header gene,trajectory,time,value.',
  matrix_pseudotime: 'Genes × samples matrix (sample ids in the header) and a pseudotime file (sample id, one column per lineage).',
};

type HoldOut = 'none' | 'last' | 'file';
const fieldNames = ['name', 'description', 'data', 'genes', 'pseudotime', 'testData', 'testPseudotime', 'testLastTrajectories'];

export function UploadForm({ projectId, onUploaded }: { projectId: string; onUploaded: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [format, setFormat] = useState<DatasetFormat>('trajectory_csv');
  const [data, setData] = useState<ChosenFile | null>(null);
  const [genes, setGenes] = useState<ChosenFile | null>(null);
  const [pseudotime, setPseudotime] = useState<ChosenFile | null>(null);
  const [holdOut, setHoldOut] = useState<HoldOut>('none');
  const [lastK, setLastK] = useState('1');
  const [testData, setTestData] = useState<ChosenFile | null>(null);
  const [testPseudotime, setTestPseudotime] = useState<ChosenFile | null>(null);
  const [synthetic, setSynthetic] = useState(false);
  const { errors, setErrors, busy, submit } = useFormSubmit(fieldNames, { toErrors: toUploadErrors });
  const [formKey, setFormKey] = useState(0);

  const onSubmit = submit(async () => {
    if (!data) return setErrors({ fields: { data: 'Choose the data file.' } });
    const { uploadDataset } = await gqlUpload(UPLOAD, {
      input: {
        projectId,
        name,
        description,
        format,
        data: data.file,
        genes: format === 'trajectory_csv' ? genes?.file : null,
        pseudotime: format === 'matrix_pseudotime' ? pseudotime?.file : null,
        testData: holdOut === 'file' ? testData?.file : null,
        testPseudotime: holdOut === 'file' && format === 'matrix_pseudotime' ? testPseudotime?.file : null,
        testLastTrajectories: holdOut === 'last' ? Number(lastK) : 0,
        isSynthetic: synthetic,
      },
    });
    setName('');
    setDescription('');
    setData(null);
    setGenes(null);
    setPseudotime(null);
    setTestData(null);
    setTestPseudotime(null);
    setFormKey((k) => k + 1);
    await onUploaded(uploadDataset.name);
  });

  return (
    <section className="card" aria-labelledby="upload-heading">
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate>
        <h2 id="upload-heading" className="card-heading">
          Upload a dataset
        </h2>
        <ErrorAlert>{errors.form}</ErrorAlert>
        <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} required />
        <SelectField
          label="Format"
          name="format"
          value={format}
          onChange={(e) => setFormat(e.target.value as DatasetFormat)}
          options={(Object.keys(FORMAT_LABELS) as DatasetFormat[]).map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          hint={FORMAT_HINTS[format]}
        />
        <FileField
          label={format === 'matrix_pseudotime' ? 'Expression matrix' : 'Data file'}
          file={data}
          onFile={setData}
          error={errors.fields.data}
          required
        />
        {format === 'trajectory_csv' ? (
          <FileField
            label="Gene names file"
            hint="Header x, then one gene per line in row order."
            file={genes}
            onFile={setGenes}
            error={errors.fields.genes}
            required
          />
        ) : null}
        {format === 'matrix_pseudotime' ? (
          <FileField label="Pseudotime file" file={pseudotime} onFile={setPseudotime} error={errors.fields.pseudotime} required />
        ) : null}
        <fieldset className="fieldset">
          <legend>Test trajectories</legend>
          <label className="choice">
            <input type="radio" name="holdout" checked={holdOut === 'none'} onChange={() => setHoldOut('none')} /> None
          </label>
          <label className="choice">
            <input type="radio" name="holdout" checked={holdOut === 'last'} onChange={() => setHoldOut('last')} /> Hold out the last trajectories
          </label>
          {holdOut === 'last' ? (
            <TextField
              label="How many"
              type="number"
              min={1}
              value={lastK}
              onChange={(e) => setLastK(e.target.value)}
              error={errors.fields.testLastTrajectories}
            />
          ) : null}
          <label className="choice">
            <input type="radio" name="holdout" checked={holdOut === 'file'} onChange={() => setHoldOut('file')} /> A separate test file
          </label>
          {holdOut === 'file' ? (
            <>
              <FileField
                label="Test data file"
                hint="Same format and genes as the data file."
                file={testData}
                onFile={setTestData}
                error={errors.fields.testData}
                required
              />
              {format === 'matrix_pseudotime' ? (
                <FileField label="Test pseudotime file" file={testPseudotime} onFile={setTestPseudotime} error={errors.fields.testPseudotime} required />
              ) : null}
            </>
          ) : null}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={synthetic} onChange={(e) => setSynthetic(e.target.checked)} /> Noise-free synthetic data (runs may add noise)
        </label>
        <TextAreaField
          label="Description"
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.fields.description}
        />
        <SubmitButton busy={busy} busyLabel="Uploading…">
          Upload
        </SubmitButton>
      </form>
    </section>
  );
}
