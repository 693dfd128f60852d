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
import { ProgressBar, StatusBadge } from '../status';
import { formatLambda, GOLD_STANDARDS, isActive, METRICS_FIELDS, pct, PROGRESS_FIELDS, sci, SUMMARY_FIELDS } from '../types';
import { usePolling } from '../use-polling';
import { EffectsHeatmap } from './heatmap';
import { LevelNetwork } from './level-network';
import { LossCurves, type EpochPoint } from './loss-curves';
import { MetricsPanel } from './metrics-panel';
import { NetworkView } from './network-view';
import { ValidationPathPlot } from './validation-path-plot';
import { sparsityNote } from './sparsity-note';
import { filtersFromSearch, replaceFiltersInUrl } from './network-url';

const RUN = graphql(
  `
  query Run($id: ID!) {
    run(id: $id) {
      id name strategy strategyLabel lambda1 lambda2 status datasetId datasetName priorId priorName priorVersionId priorVersionNumber
      sweepName relaunchOfId config seed codeVersion error attempts statusDetail workerId cancelRequested
      createdAt startedAt finishedAt createdByName
      progress { ...RunProgressFields }
      summary { ...RunSummaryFields }
      epochs { epoch trainLoss valLoss valSe sparsity pruned }
      storedMetrics { ...RunMetricsFields }
      goldStandardFits { goldStandardId sharedEdges }
    }
  }
`,
  [PROGRESS_FIELDS, SUMMARY_FIELDS, METRICS_FIELDS],
);
const CANCEL = graphql(`mutation CancelRun($id: ID!) { cancelRun(id: $id) { id status } }`);
const RELAUNCH = graphql(`mutation RelaunchRun($id: ID!) { relaunchRun(id: $id) { id } }`);

export function RunView({ runId }: { runId: string }) {
  const { projectId, canWrite, error: projectError } = useProject();
  const router = useRouter();
  const { data, error, reload } = useGql(RUN, { id: runId });
  const gold = useGql(GOLD_STANDARDS, { projectId });
  const [goldStandardId, setGoldStandardId] = useState('');
  const [actionError, setActionError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const run = data?.run;
  usePolling(reload, Boolean(run && isActive(run.status)));

  // The gold standard named in the address (a shared view), else the one that fits the run best (most
  // shared edges); none that shares no edge with it.
  useEffect(() => {
    if (!run || goldStandardId) return;
    const fromUrl = filtersFromSearch(window.location.search).gold;
    const chosen = fromUrl || run.goldStandardFits[0]?.goldStandardId;
    if (chosen) setGoldStandardId(chosen);
  }, [run, goldStandardId]);
  const chooseGoldStandard = (id: string) => {
    setGoldStandardId(id);
    replaceFiltersInUrl({ gold: id });
  };

  if (projectError) return null;
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!run) return <Loading what="the run" />;
  const base = `/projects/${projectId}`;

  async function act(kind: 'cancel' | 'relaunch') {
    setActionError(undefined);
    setNotice(undefined);
    try {
      if (kind === 'cancel') {
        await gql(CANCEL, { id: runId });
        await reload();
        setNotice('Cancel requested: a queued run stops at once, a running one at its next step.');
      } else {
        const result = await gql(RELAUNCH, { id: runId });
        router.push(`${base}/runs/${result.relaunchRun.id}`);
      }
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  const p = run.progress;
  const keptEpoch = run.summary?.bestEpoch ?? p?.keptEpoch ?? p?.bestEpoch ?? null;
  const prunes = run.strategy !== 'none' && run.strategy !== 'pinn';
  return (
    <div className="stack">
      <div className="row page-header">
        <div>
          <div className="breadcrumb small">
            <Link href={`${base}/runs`}>Runs</Link> / {run.sweepName ?? 'single run'}
          </div>
          <h2 className="section-title run-title">
            {run.name} <StatusBadge status={run.status} progress={p} />
          </h2>
        </div>
        <span className="spacer" />
        {canWrite && isActive(run.status) && !run.cancelRequested ? (
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              if (!window.confirm(`Cancel “${run.name}”? Its training stops and cannot be resumed; relaunch it to start again.`)) return;
              void act('cancel');
            }}
          >
            Cancel run
          </button>
        ) : null}
        {canWrite && !isActive(run.status) ? (
          <>
            <button type="button" className="btn" onClick={() => act('relaunch')}>
              Relaunch
            </button>
            <Link className="btn" href={`${base}/runs/new?from=${runId}`}>
              Edit and relaunch
            </Link>
          </>
        ) : null}
      </div>
      <ErrorAlert>{actionError}</ErrorAlert>
      <OkAlert>{notice}</OkAlert>
      {run.status === 'failed' ? (
        <div className="alert alert-error" role="alert">
          <strong>The run failed.</strong> {run.error}
        </div>
      ) : null}
      {run.statusDetail ? (
        <div className="alert alert-warning" role="status">
          {run.statusDetail}
        </div>
      ) : null}
      {run.summary?.provenance ? <div className="alert alert-info">{run.summary.provenance}</div> : null}

      <div className="run-grid">
        <section className="card" aria-labelledby="progress-heading">
          <h3 id="progress-heading" className="card-heading">
            {isActive(run.status) ? 'Progress' : 'Training'}
          </h3>
          <ProgressBar progress={p} label="Training progress" />
          <dl className="details">
            <dt>Epoch</dt>
            <dd>
              {p?.epoch ?? 0} of {p?.totalEpochs ?? '—'}
              {p?.step && p.stepsPerEpoch && run.status === 'running' ? ` (step ${p.step}/${p.stepsPerEpoch})` : ''}
              {run.summary?.stoppedEarly ? ' · stopped early' : ''}
            </dd>
            <dt>Phase</dt>
            <dd>{p?.phase ?? run.status}</dd>
            <dt>Training loss</dt>
            <dd>{sci(p?.trainLoss)}</dd>
            <dt>Validation loss</dt>
            <dd>
              {sci(p?.valLoss)}
              {p?.bestValLoss != null ? (
                <span className="muted">
                  {' '}
                  (best {sci(p.bestValLoss)} at epoch {p.bestEpoch})
                </span>
              ) : null}
            </dd>
            <dt>Sparsity</dt>
            <dd>{pct(run.summary?.sparsity ?? p?.sparsity)}</dd>
            {run.summary ? (
              <>
                <dt>Test MSE</dt>
                <dd>{sci(run.summary.testMse)}</dd>
                <dt>Inferred edges</dt>
                <dd>
                  {run.summary.inferredEdges?.toLocaleString('en-US') ?? '—'}
                  {sparsityNote(run.summary.sparsity, run.summary.inferredEdges) ? (
                    <details className="small">
                      <summary>Why so many edges at this sparsity?</summary>
                      <p className="muted" data-testid="sparsity-note">
                        {sparsityNote(run.summary.sparsity, run.summary.inferredEdges)}
                      </p>
                    </details>
                  ) : null}
                </dd>
                <dt>Seconds per epoch</dt>
                <dd>{run.summary.secondsPerEpoch?.toFixed(2) ?? '—'}</dd>
              </>
            ) : null}
            {p?.resumedFromEpoch != null ? (
              <>
                <dt>Resumed</dt>
                <dd>
                  from the checkpoint of epoch {p.resumedFromEpoch} (attempt {run.attempts})
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="record-heading">
          <h3 id="record-heading" className="card-heading">
            Record
          </h3>
          <dl className="details">
            <dt>Strategy</dt>
            <dd>
              {run.strategyLabel} {run.lambda1 !== null ? `· λ ${formatLambda(run)}` : ''}
            </dd>
            <dt>Dataset</dt>
            <dd>
              <Link href={`${base}/datasets/${run.datasetId}`}>{run.datasetName}</Link>
            </dd>
            <dt>Prior</dt>
            <dd>{run.priorId ? <Link href={`${base}/priors/${run.priorId}`}>{`${run.priorName} v${run.priorVersionNumber}`}</Link> : 'none'}</dd>
            <dt>Seed</dt>
            <dd>{run.seed}</dd>
            <dt>Model kept</dt>
            <dd>{run.config.selection === 'one-se' ? 'sparsest within one SE of the lowest validation loss' : 'lowest validation loss'}</dd>
            {prunes ? (
              <>
                <dt>Learning rates after pruning</dt>
                <dd>{run.config.lrReset === 'reference' ? "as the authors' script: A_p 5×, v 1×" : 'back to the starting rates'}</dd>
              </>
            ) : null}
            <dt>Code version</dt>
            <dd className="mono small">{run.codeVersion}</dd>
            <dt>Launched</dt>
            <dd>
              {formatDateTime(run.createdAt)} by {run.createdByName ?? 'a former member'}
            </dd>
            <dt>Trained</dt>
            <dd>
              {run.startedAt ? `${formatDateTime(run.startedAt)} – ${run.finishedAt ? formatDateTime(run.finishedAt) : 'now'}` : 'not started'}
              {run.workerId ? <div className="muted small mono">{run.workerId}</div> : null}
            </dd>
            {run.relaunchOfId ? (
              <>
                <dt>Relaunch of</dt>
                <dd>
                  <Link href={`${base}/runs/${run.relaunchOfId}`}>the original run</Link>
                </dd>
              </>
            ) : null}
          </dl>
          <details>
            <summary>Full configuration</summary>
            <pre className="config-json">{JSON.stringify(run.config, null, 2)}</pre>
          </details>
        </section>
      </div>

      <section className="card" aria-labelledby="curves-heading">
        <h3 id="curves-heading" className="card-heading">
          Training curves
        </h3>
        <LossCurves epochs={run.epochs} totalEpochs={p?.totalEpochs ?? run.epochs.length} keptEpoch={keptEpoch} />
      </section>

      {prunes ? (
        <section className="card" aria-labelledby="path-heading">
          <h3 id="path-heading" className="card-heading">
            Validation loss along the pruning path
          </h3>
          <ValidationPathPlot epochs={run.epochs} keptEpoch={keptEpoch} keepsOneSe={run.config.selection === 'one-se'} />
        </section>
      ) : null}

      {run.status === 'succeeded' ? (
        <>
          <section className="card" aria-labelledby="metrics-heading">
            <h3 id="metrics-heading" className="card-heading">
              Metrics
            </h3>
            <MetricsPanel
              runId={runId}
              stored={run.storedMetrics}
              goldStandards={gold.data?.goldStandards ?? []}
              goldStandardId={goldStandardId}
              onGoldStandard={chooseGoldStandard}
              onComputed={reload}
            />
          </section>
          <section className="card" aria-labelledby="network-heading">
            <h3 id="network-heading" className="card-heading">
              Inferred network
            </h3>
            <NetworkView runId={runId} goldStandardId={goldStandardId || null} hasPrior={Boolean(run.priorVersionId)} />
          </section>
          {prunes ? (
            <section className="card" aria-labelledby="levels-heading">
              <h3 id="levels-heading" className="card-heading">
                Network at a pruning level
              </h3>
              <LevelNetwork runId={runId} projectId={projectId} goldStandardId={goldStandardId || null} />
            </section>
          ) : null}
          {run.priorVersionId ? (
            <section className="card" aria-labelledby="replicates-heading">
              <h3 id="replicates-heading" className="card-heading">
                Replicates
              </h3>
              <p className="small">
                Compare this run with its replicates (its configuration with other seeds): the prior edges the data does not support, the candidate edges the
                prior lacks, and a consensus network. <Link href={`${base}/runs/${runId}/replicates`}>Open the replicate analysis</Link>
              </p>
            </section>
          ) : null}
          <section className="card" aria-labelledby="heatmap-heading">
            <h3 id="heatmap-heading" className="card-heading">
              Effects matrix
            </h3>
            <EffectsHeatmap runId={runId} />
          </section>
        </>
      ) : null}
    </div>
  );
}
