'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { SelectField, TextField } from '@/app/components/field';
import { graphql, type VariablesOf } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { noErrors, toFormErrors, type FormErrors } from '@/app/lib/form-errors';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { useProject } from '@/app/projects/[projectId]/project-context';
import { PriorOverlapNote } from './prior-overlap';
import { prefillFromRun, type RunRecordForPrefill } from './prefill';
import {
  HYPERPARAMETERS,
  LAUNCH_OPTIONS,
  parseNumberList,
  type HyperparameterKey,
  type LaunchOptions,
  type LrResetChoice,
  type SelectionChoice,
} from './launch-options';

const LAUNCH = graphql(`mutation LaunchRun($input: LaunchRunInput!) { launchRun(input: $input) { id } }`);
const FROM_RUN = graphql(`query RunToEdit($id: ID!) { run(id: $id) { name strategy datasetId priorId priorVersionId seed config } }`);
const SWEEP = graphql(`mutation LaunchSweep($input: LaunchSweepInput!) { launchSweep(input: $input) { id runs { id } } }`);
/** The form holds strategies and hyperparameters as the server listed them (runStrategies, the presets); the server checks them. */
type LaunchInput = VariablesOf<typeof LAUNCH>['input'];

type Mode = 'single' | 'sweep';
type Values = Record<HyperparameterKey, string>;
const emptyValues = (): Values => Object.fromEntries([...HYPERPARAMETERS.map((h) => h.key), 'lambda1', 'lambda2'].map((k) => [k, ''])) as Values;

const FIELD_NAMES = [
  'datasetId',
  'priorVersionId',
  'preset',
  'seed',
  'name',
  'strategies',
  'lambda1Values',
  'lambda2Values',
  'hyperparameters',
  'hyperparameters.selection',
  'hyperparameters.lrReset',
  ...[...HYPERPARAMETERS.map((h) => h.key), 'lambda1', 'lambda2'].map((k) => `hyperparameters.${k}`),
];

/** Where the form starts: another run's record (`fromRunId`), or a dataset and prior version (a synthetic benchmark's link). */
export interface LaunchStart {
  fromRunId?: string | null;
  datasetId?: string | null;
  priorVersionId?: string | null;
}

export function LaunchForm({ fromRunId = null, datasetId: startDatasetId = null, priorVersionId: startVersionId = null }: LaunchStart) {
  const { projectId, canWrite, error: projectError } = useProject();
  const router = useRouter();
  const { data, error } = useGql(LAUNCH_OPTIONS, { projectId });
  const [mode, setMode] = useState<Mode>('single');
  const [datasetId, setDatasetId] = useState('');
  const [priorId, setPriorId] = useState('');
  const [versionId, setVersionId] = useState('');
  const [strategy, setStrategy] = useState('dash');
  const [sweepStrategies, setSweepStrategies] = useState<string[]>(['dash', 'imp', 'bioprune']);
  const [lambda1Values, setLambda1Values] = useState('0.3, 0.5, 0.7, 0.9');
  const [lambda2Values, setLambda2Values] = useState('0.05, 0.5');
  const [preset, setPreset] = useState('');
  const [values, setValues] = useState<Values>(emptyValues);
  // null until the options arrive: then compute's defaults, as the server reports them.
  const [chosenSelection, setSelection] = useState<SelectionChoice | null>(null);
  const [chosenLrReset, setLrReset] = useState<LrResetChoice | null>(null);
  const selection = chosenSelection ?? data?.runTrainingDefaults.selection ?? 'one_se';
  const lrReset = chosenLrReset ?? data?.runTrainingDefaults.lrReset ?? 'reference';
  const [seed, setSeed] = useState('0');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const fromRun = useGql(FROM_RUN, fromRunId ? { id: fromRunId } : null);
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);

  // Edit and relaunch: once both the run and the options are here, start from the run's record.
  useEffect(() => {
    const run = fromRun.data?.run;
    if (!run || !data || prefilledFrom === fromRunId) return;
    const f = prefillFromRun(run);
    setMode('single');
    setDatasetId(f.datasetId);
    setPriorId(f.priorId);
    setVersionId(f.versionId);
    setStrategy(f.strategy);
    setPreset('');
    setValues(f.values);
    setSelection(f.selection);
    setLrReset(f.lrReset);
    setSeed(f.seed);
    setName(f.name);
    setPrefilledFrom(fromRunId);
  }, [fromRun.data, data, fromRunId, prefilledFrom]);

  // Sensible first choices once the options arrive: the first dataset and prior, the synthetic preset for synthetic data.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the options arrive; later choices are the person's
  useEffect(() => {
    if (!data) return;
    const first = data.datasets.find((d) => d.id === startDatasetId) ?? data.datasets[0];
    if (first && !datasetId) {
      setDatasetId(first.id);
      if (first.isSynthetic) applyPreset('synthetic');
    }
    const named = data.priorNetworks.find((p) => p.versions.some((v) => v.id === startVersionId));
    const prior = named ?? data.priorNetworks[0];
    if (prior && !priorId) {
      setPriorId(prior.id);
      setVersionId(named ? startVersionId! : (prior.versions.find((v) => v.isHead)?.id ?? prior.versions[0]?.id ?? ''));
    }
  }, [data]);

  const prior = data?.priorNetworks.find((p) => p.id === priorId);
  const needsPrior = useMemo(() => {
    const chosen = mode === 'single' ? [strategy] : sweepStrategies;
    return data?.runStrategies.filter((s) => s.needsPrior && chosen.includes(s.strategy)).map((s) => s.label) ?? [];
  }, [data, mode, strategy, sweepStrategies]);

  // The rules sit in a closed section: say on its summary when they are not the defaults.
  const defaults = data?.runTrainingDefaults;
  const rulesChanged = defaults
    ? [
        selection !== defaults.selection ? (selection === 'one_se' ? 'keeps the sparsest model within one SE' : 'keeps the lowest validation loss') : '',
        lrReset !== defaults.lrReset ? (lrReset === 'reference' ? 'the authors’ script’s learning rates' : 'learning rates back to their start') : '',
      ].filter(Boolean)
    : [];

  if (projectError) return null;
  if (!canWrite) {
    return <p className="muted">Only editors and owners of the project can launch runs.</p>;
  }

  function applyPreset(id: string) {
    setPreset(id);
    const p = data?.runPresets.find((x) => x.id === id);
    if (!p) return;
    setValues((v) => ({
      ...v,
      lambda1: String(p.lambda1),
      lambda2: String(p.lambda2),
      epochs: String(p.epochs),
      noiseStd: String(p.noiseStd),
      validationFraction: String(Number(p.validationFraction.toFixed(4))),
    }));
    setSelection(p.selection);
    setLrReset(p.lrReset);
  }

  function hyperparameters(): Record<string, number | string> | string {
    const out: Record<string, number | string> = {};
    for (const [key, text] of Object.entries(values)) {
      if (text.trim() === '') continue;
      if (mode === 'sweep' && (key === 'lambda1' || key === 'lambda2')) continue;
      const value = Number(text);
      if (!Number.isFinite(value)) return `hyperparameters.${key}`;
      out[key] = value;
    }
    // Always sent: a rule changed back must not fall back to a preset's.
    out.selection = selection;
    out.lrReset = lrReset;
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const hp = hyperparameters();
    if (typeof hp === 'string') {
      setErrors({ fields: { [hp]: 'Enter a number, or leave it empty for the default.' } });
      return;
    }
    const seedValue = Number(seed);
    if (!Number.isInteger(seedValue)) {
      setErrors({ fields: { seed: 'The seed must be a whole number.' } });
      return;
    }
    const common = {
      projectId,
      datasetId,
      priorVersionId: versionId || null,
      name: name.trim() || null,
      preset: preset || null,
      hyperparameters: hp as LaunchInput['hyperparameters'],
      seed: seedValue,
    };
    setBusy(true);
    setErrors(noErrors);
    try {
      if (mode === 'single') {
        const result = await gql(LAUNCH, { input: { ...common, strategy: strategy as LaunchInput['strategy'] } });
        router.push(`/projects/${projectId}/runs/${result.launchRun.id}`);
      } else {
        const l1 = parseNumberList(lambda1Values);
        const l2 = parseNumberList(lambda2Values);
        if (!l1 || !l2) {
          setErrors({ fields: { [!l1 ? 'lambda1Values' : 'lambda2Values']: 'Give numbers from 0 to 1, separated by commas.' } });
          setBusy(false);
          return;
        }
        await gql(SWEEP, { input: { ...common, strategies: sweepStrategies as LaunchInput['strategy'][], lambda1Values: l1, lambda2Values: l2 } });
        router.push(`/projects/${projectId}/runs`);
      }
    } catch (err) {
      setErrors(toFormErrors(err, FIELD_NAMES));
      setBusy(false);
    }
  }

  const sweepCount =
    (sweepStrategies.includes('dash') ? (parseNumberList(lambda1Values)?.length ?? 0) * (parseNumberList(lambda2Values)?.length ?? 0) : 0) +
    sweepStrategies.filter((s) => s !== 'dash').length;
  const field = (key: string) => errors.fields[key] ?? errors.fields[`hyperparameters.${key}`];
  const hyperparameterField = (h: (typeof HYPERPARAMETERS)[number]) => (
    <TextField
      key={h.key}
      label={h.label}
      inputMode={h.integer ? 'numeric' : 'decimal'}
      placeholder={h.hint}
      value={values[h.key]}
      error={field(h.key)}
      onChange={(e) => setValues({ ...values, [h.key]: e.target.value })}
    />
  );

  return (
    <form className="card stack launch-form" onSubmit={submit} noValidate aria-labelledby="launch-heading">
      <div className="row">
        <h2 id="launch-heading" className="card-heading">
          Launch a run
        </h2>
        <span className="spacer" />
        <Link href={`/projects/${projectId}/runs`} className="small">
          Back to runs
        </Link>
      </div>
      <ErrorAlert>{error ?? fromRun.error ?? errors.form ?? errors.fields.hyperparameters}</ErrorAlert>
      {prefilledFrom && fromRun.data ? (
        <p className="alert alert-info" data-testid="launch-prefilled">
          Starting from run “{fromRun.data.run.name}”: its dataset, prior, strategy and hyperparameters are filled in. Change what you need and launch a new
          run.
        </p>
      ) : null}
      {startDatasetId && !fromRunId ? (
        <p className="alert alert-info" data-testid="launch-from-benchmark">
          Dataset and prior version come from a synthetic benchmark. That prior is the true network: set Prior corruption (in “Schedule and optimiser”) to see
          how a strategy copes with a partly wrong prior. Runs are scored against the benchmark’s gold standard.
        </p>
      ) : null}
      {!data && !error ? <Loading what="datasets and priors" /> : null}
      {data && data.datasets.length === 0 ? (
        <div className="alert alert-info">
          Upload a dataset first (<Link href={`/projects/${projectId}/datasets`}>Datasets</Link>).
        </div>
      ) : null}
      {data ? (
        <>
          <fieldset className="fieldset">
            <legend>What to launch</legend>
            <label className="choice">
              <input type="radio" name="mode" checked={mode === 'single'} onChange={() => setMode('single')} /> One run
            </label>
            <label className="choice">
              <input type="radio" name="mode" checked={mode === 'sweep'} onChange={() => setMode('sweep')} /> λ sweep (a grid of DASH runs and baselines)
            </label>
          </fieldset>

          <div className="form-row">
            <SelectField
              label="Dataset"
              value={datasetId}
              error={errors.fields.datasetId}
              onChange={(e) => setDatasetId(e.target.value)}
              options={data.datasets.map((d) => ({
                value: d.id,
                label: `${d.name} (${d.geneCount} genes, ${d.trainTrajectoryCount} train${d.testTrajectoryCount ? ` + ${d.testTrajectoryCount} test` : ''})`,
              }))}
            />
            <SelectField
              label="Prior network"
              value={priorId}
              onChange={(e) => {
                setPriorId(e.target.value);
                const p = data.priorNetworks.find((x) => x.id === e.target.value);
                setVersionId(p?.versions.find((v) => v.isHead)?.id ?? '');
              }}
              options={[{ value: '', label: 'None' }, ...data.priorNetworks.map((p) => ({ value: p.id, label: p.name }))]}
            />
            <SelectField
              label="Prior version"
              value={versionId}
              disabled={!prior}
              error={errors.fields.priorVersionId}
              hint={
                needsPrior.length
                  ? `${needsPrior.join(', ')} ${needsPrior.length === 1 ? 'uses' : 'use'} the prior.`
                  : 'IMP and unpruned PHOENIX ignore the prior.'
              }
              onChange={(e) => setVersionId(e.target.value)}
              options={
                prior
                  ? prior.versions.map((v) => ({ value: v.id, label: `v${v.number}${v.isHead ? ' (latest)' : ''}: ${v.message} · ${v.edgeCount} edges` }))
                  : [{ value: '', label: '—' }]
              }
            />
          </div>
          <PriorOverlapNote versionId={prior ? versionId : ''} datasetId={datasetId} />

          {mode === 'single' ? (
            <SelectField
              label="Strategy"
              value={strategy}
              onChange={(e) => setStrategy(e.target.value)}
              options={data.runStrategies.map((s) => ({ value: s.strategy, label: s.label }))}
            />
          ) : (
            <fieldset className="fieldset" aria-describedby="strategies-hint">
              <legend>Strategies</legend>
              <div>
                {data.runStrategies.map((s) => (
                  <label key={s.strategy} className="choice">
                    <input
                      type="checkbox"
                      checked={sweepStrategies.includes(s.strategy)}
                      onChange={(e) => setSweepStrategies((list) => (e.target.checked ? [...list, s.strategy] : list.filter((x) => x !== s.strategy)))}
                    />
                    {s.label}
                  </label>
                ))}
              </div>
              <span id="strategies-hint" className="hint muted small">
                DASH runs once per (λ₁, λ₂) pair of the grid; every other strategy once. This launches {sweepCount} run
                {sweepCount === 1 ? '' : 's'}.
              </span>
              {errors.fields.strategies ? <span className="error">{errors.fields.strategies}</span> : null}
            </fieldset>
          )}

          <SelectField
            label="Preset"
            value={preset}
            error={errors.fields.preset}
            hint={
              data.runPresets.find((p) => p.id === preset)?.description ??
              'Fills the hyperparameters below with the paper’s values; every value stays editable.'
            }
            onChange={(e) => (e.target.value ? applyPreset(e.target.value) : setPreset(''))}
            options={[{ value: '', label: 'None (compute defaults)' }, ...data.runPresets.map((p) => ({ value: p.id, label: p.label }))]}
          />

          {mode === 'single' ? (
            strategy === 'dash' ? (
              <div className="form-row">
                <TextField
                  label="λ₁ (first layers)"
                  inputMode="decimal"
                  value={values.lambda1}
                  placeholder="0.5"
                  error={field('lambda1')}
                  onChange={(e) => setValues({ ...values, lambda1: e.target.value })}
                />
                <TextField
                  label="λ₂ (second layers)"
                  inputMode="decimal"
                  value={values.lambda2}
                  placeholder="0.05"
                  error={field('lambda2')}
                  onChange={(e) => setValues({ ...values, lambda2: e.target.value })}
                />
              </div>
            ) : null
          ) : (
            <div className="form-row">
              <TextField
                label="λ₁ values"
                value={lambda1Values}
                hint="Comma-separated, each 0 to 1."
                error={errors.fields.lambda1Values}
                onChange={(e) => setLambda1Values(e.target.value)}
              />
              <TextField
                label="λ₂ values"
                value={lambda2Values}
                hint="Comma-separated, each 0 to 1."
                error={errors.fields.lambda2Values}
                onChange={(e) => setLambda2Values(e.target.value)}
              />
            </div>
          )}

          <div className="form-row">{HYPERPARAMETERS.slice(0, 4).map(hyperparameterField)}</div>
          <details className="advanced">
            <summary>
              Schedule and optimiser
              {rulesChanged.length ? <span className="muted small"> · {rulesChanged.join(', ')}</span> : null}
            </summary>
            <div className="form-row">{HYPERPARAMETERS.slice(4).map(hyperparameterField)}</div>
            <div className="form-row">
              <SelectField
                label="Model kept"
                value={selection}
                error={field('selection')}
                hint="The default keeps the sparsest network whose validation loss is within one standard error of the lowest; with it DASH reaches the paper's SIM350 point. The alternative keeps the lowest validation loss."
                onChange={(e) => setSelection(e.target.value === 'one_se' ? 'one_se' : 'best')}
                options={[
                  { value: 'one_se', label: 'Sparsest within one SE of the lowest (default)' },
                  { value: 'best', label: 'Lowest validation loss' },
                ]}
              />
              <SelectField
                label="Learning rates after a pruning event"
                value={lrReset}
                error={field('lrReset')}
                hint="The default does what the authors' script, which made the paper's numbers, does: A_p gets the 5× and v 1×; on SIM350 that fits better at high sparsity. The alternative resets every rate to its start (v at 5×)."
                onChange={(e) => setLrReset(e.target.value === 'reference' ? 'reference' : 'initial')}
                options={[
                  { value: 'reference', label: "As the authors' script (A_p 5×, v 1×; default)" },
                  { value: 'initial', label: 'Back to the starting rates' },
                ]}
              />
            </div>
          </details>

          <div className="form-row">
            <TextField
              label="Seed"
              inputMode="numeric"
              value={seed}
              error={errors.fields.seed}
              hint="The same seed gives the same result."
              onChange={(e) => setSeed(e.target.value)}
            />
            <TextField
              label={mode === 'single' ? 'Name (optional)' : 'Sweep name (optional)'}
              value={name}
              error={errors.fields.name}
              placeholder="e.g. DASH λ (0.5, 0.05)"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={busy || !datasetId || (mode === 'sweep' && sweepCount === 0)}>
              {busy ? 'Launching…' : mode === 'single' ? 'Launch run' : `Launch ${sweepCount} runs`}
            </button>
            <span className="muted small">Runs wait in the queue until a compute worker takes them.</span>
          </div>
        </>
      ) : null}
    </form>
  );
}
