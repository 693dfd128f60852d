'use client';
import { useEffect, useState } from 'react';
import { BENCHMARK_FIELDS, benchmarkFieldHint } from '@/compute';
import { ErrorAlert } from '@/app/components/alerts';
import { SelectField, TextField } from '@/app/components/field';
import { SubmitButton } from '@/app/components/submit-button';
import { gql } from '@/app/lib/graphql-client';
import { useFormSubmit } from '@/app/lib/use-form-submit';
import { type BenchmarkPriors, CREATE_BENCHMARK, parseTimes } from './queries';

const FIELD_NAMES = ['priorVersionId', 'name', 'trajectories', 'timePoints', 'noise', 'seed'];
const F = BENCHMARK_FIELDS;

interface Props {
  projectId: string;
  priors: BenchmarkPriors;
  /** The version the page was opened from (a prior version's "Synthetic benchmark" link). */
  startVersionId: string | null;
  onCreated: (name: string) => Promise<void>;
}

/** Options and hints come from compute's field table (BENCHMARK_FIELDS), the same bounds the server checks. */
export function BenchmarkForm({ projectId, priors, startVersionId, onCreated }: Props) {
  const start = priors.find((p) => p.versions.some((v) => v.id === startVersionId)) ?? priors[0];
  const [priorId, setPriorId] = useState(start?.id ?? '');
  const [versionId, setVersionId] = useState(
    start ? ((start.versions.find((v) => v.id === startVersionId) ?? start.versions.find((v) => v.isHead) ?? start.versions[0])?.id ?? '') : '',
  );
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [trajectories, setTrajectories] = useState(String(F.trajectories.default));
  const [timePoints, setTimePoints] = useState(F.timePoints.default.join(', '));
  const [noise, setNoise] = useState(String(F.noise.default));
  const [seed, setSeed] = useState(String(F.seed.default));
  const { errors, setErrors, busy, submit } = useFormSubmit(FIELD_NAMES);
  /** An edited field's old error goes; the others stay until the next submit. */
  const edited = (field: string) => {
    if (errors.fields[field]) setErrors({ ...errors, fields: { ...errors.fields, [field]: '' } });
  };

  /** A text field's value, error and change handler. */
  const bound = (field: string, value: string, set: (v: string) => void) => ({
    value,
    error: errors.fields[field] || undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      set(e.target.value);
      edited(field);
    },
  });

  const prior = priors.find((p) => p.id === priorId);
  const version = prior?.versions.find((v) => v.id === versionId);
  // A name that says where it came from, until the person writes their own.
  useEffect(() => {
    if (!nameTouched) setName(prior && version ? `SIM from ${prior.name} v${version.number}` : '');
  }, [prior, version, nameTouched]);

  const onSubmit = submit(async () => {
    const times = parseTimes(timePoints);
    if (!times) return setErrors({ fields: { timePoints: 'Give numbers separated by commas, e.g. 0, 2, 3, 7, 9.' } });
    const numbers = { trajectories: Number(trajectories), noise: Number(noise), seed: Number(seed) };
    const bad = (Object.keys(numbers) as (keyof typeof numbers)[]).find((k) => !Number.isFinite(numbers[k]));
    if (bad) return setErrors({ fields: { [bad]: `${F[bad].label} must be a number.` } });
    const { createSyntheticBenchmark } = await gql(CREATE_BENCHMARK, { projectId, priorVersionId: versionId, name, timePoints: times, ...numbers });
    await onCreated(createSyntheticBenchmark.name);
    setNameTouched(false);
  });

  return (
    <section className="card" aria-labelledby="benchmark-form-heading">
      <form className="stack" onSubmit={onSubmit} noValidate>
        <h2 id="benchmark-form-heading" className="card-heading">
          Make a synthetic benchmark
        </h2>
        <p className="muted small">
          Simulates a prior version’s network with random SIM-style kinetics (Hill terms with EC50 0.4–0.6 and n 1.01–1.7, AND/OR logic), as{' '}
          <code>npm run dash -- simulate</code> does. A worker stores the trajectories as a dataset and the network itself as a gold standard.
        </p>
        <ErrorAlert>{errors.form}</ErrorAlert>
        <SelectField
          label="Prior network"
          value={priorId}
          onChange={(e) => {
            setPriorId(e.target.value);
            const p = priors.find((x) => x.id === e.target.value);
            setVersionId(p?.versions.find((v) => v.isHead)?.id ?? p?.versions[0]?.id ?? '');
          }}
          options={priors.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          label="Version (the true network)"
          value={versionId}
          error={errors.fields.priorVersionId || undefined}
          hint={`${F.genes.reason} At most ${F.genes.max.toLocaleString('en')} genes.`}
          onChange={(e) => {
            setVersionId(e.target.value);
            edited('priorVersionId');
          }}
          options={(prior?.versions ?? []).map((v) => ({
            value: v.id,
            label: `v${v.number}${v.isHead ? ' (latest)' : ''}: ${v.message} · ${v.edgeCount} edges`,
          }))}
        />
        <TextField
          label="Name"
          value={name}
          error={errors.fields.name || undefined}
          onChange={(e) => {
            setName(e.target.value);
            setNameTouched(true);
            edited('name');
          }}
        />
        <div className="form-row">
          <TextField
            label={F.trajectories.label}
            inputMode="numeric"
            hint={benchmarkFieldHint('trajectories')}
            {...bound('trajectories', trajectories, setTrajectories)}
          />
          <TextField label={F.seed.label} inputMode="numeric" hint="The same seed and network give the same benchmark." {...bound('seed', seed, setSeed)} />
        </div>
        <TextField
          label={F.timePoints.label}
          hint={`${F.timePoints.reason} ${benchmarkFieldHint('timePoints')}.`}
          {...bound('timePoints', timePoints, setTimePoints)}
        />
        <TextField label={F.noise.label} inputMode="decimal" hint={`${benchmarkFieldHint('noise')}. ${F.noise.reason}`} {...bound('noise', noise, setNoise)} />
        <SubmitButton busy={busy} busyLabel="Queueing…" disabled={!versionId}>
          Make benchmark
        </SubmitButton>
      </form>
    </section>
  );
}
