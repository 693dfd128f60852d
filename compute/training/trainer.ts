import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../backend';
import { serializeModel } from '../formats/weights';
import { effectsMatrix, modelSparsity } from '../model/effects';
import { initPhoenixParams } from '../model/init';
import { fullMasks, type PhoenixMasks, type PhoenixParams } from '../model/params';
import { defaultSolver, flatLayout, PhoenixModel, type PairBatch, type SolverConfig } from '../model/phoenix';
import { GradientTape } from '../model/rhs';
import { FUSED_BACKEND, tfjsBackendFor } from '../model/fused/backend-name';
import { corruptPrior } from '../prior-corruption';
import { PenaltyTerms } from '../pruning/penalties';
import { PinnPrior } from '../pruning/pinn';
import { Pruner, strategyLambdas } from '../pruning/pruner';
import { pruningFractionAt } from '../pruning/schedule';
import { Random } from '../random';
import { strategyInfo } from '../strategies';
import type { ExpressionData, SquareMatrix } from '../types';
import { FlatAdam } from './adam';
import { FusedStep } from './fused-step';
import { restoreCheckpoint, takeCheckpoint } from './checkpoint';
import { parseTrainConfig, withExplicitRules, type TrainConfig } from './config';
import { addNoise, checkExpressionData, disposeBatch, pairBatch, splitTrajectories } from './data';
import { learningRateGroups, type LearningRateGroups } from './learning-rates';
import { ReduceOnPlateau } from './plateau';
import { ModelSelection, standardError } from './selection';
import type { EpochReport, TrainCallbacks, TrainCheckpoint, TrainResult } from './types';

export interface TrainInput {
  data: ExpressionData;
  prior?: SquareMatrix | null;
  /** An external interaction-partner matrix for DASH (default |P|·|P|ᵀ normalised). */
  ppi?: SquareMatrix | null;
  test?: ExpressionData | null;
  config: TrainConfig;
  callbacks?: TrainCallbacks;
  resumeFrom?: TrainCheckpoint | null;
}

/** Where the wall time went (seconds), for benchmarks and the CLI summary. */
export interface TrainProfile {
  steps: number;
  stepSeconds: number;
  validationSeconds: number;
  pruningSeconds: number;
  checkpointSeconds: number;
}

export function solverFor(config: TrainConfig): SolverConfig {
  const base = defaultSolver(config.solver);
  if (base.method === 'rk4') return { ...base, minSteps: config.rk4MinSteps ?? base.minSteps, maxRateStep: config.rk4MaxRateStep ?? base.maxRateStep };
  return { ...base, rtol: config.rtol ?? base.rtol, atol: config.atol ?? base.atol };
}

/**
 * Trains PHOENIX on expression time series and prunes it with the configured strategy (spec §3, §5).
 * Same inputs, seed and backend ⇒ same result; a run resumed from any epoch's checkpoint ends exactly
 * as the uninterrupted run would.
 */
export async function train(input: TrainInput): Promise<TrainResult & { profile: TrainProfile }> {
  const config = parseTrainConfig(input.config);
  await useBackend(tfjsBackendFor(config.backend ?? 'wasm'));
  const run = new TrainingRun(input, config);
  try {
    return await run.execute();
  } finally {
    run.dispose();
  }
}

class TrainingRun {
  private readonly n: number;
  private random: Random;
  private readonly model: PhoenixModel;
  private readonly rates: LearningRateGroups;
  private readonly adam: FlatAdam;
  private plateau: ReduceOnPlateau;
  private readonly pruner: Pruner | null;
  private readonly pinn: PinnPrior | null;
  private readonly penalty: PenaltyTerms | null;
  private readonly gateAdam: FlatAdam | null;
  private readonly solver: SolverConfig;
  private readonly trainBatches: PairBatch[];
  private readonly validationBatch: PairBatch | null;
  private readonly testBatch: PairBatch | null;
  private epoch = 0;
  private level = 0;
  private readonly selection: ModelSelection;
  private history: EpochReport[] = [];
  private readonly tape = new GradientTape();
  /** The fused step (fused-step.ts) when the backend asks for it and the run is one it covers; else null. */
  private readonly fused: FusedStep | null;
  private readonly profile: TrainProfile = { steps: 0, stepSeconds: 0, validationSeconds: 0, pruningSeconds: 0, checkpointSeconds: 0 };

  constructor(
    private readonly input: TrainInput,
    private readonly config: TrainConfig,
  ) {
    const { data } = input;
    // A corrupted prior replaces the given one everywhere (scores, PPI, prior loss); its draws have their own stream.
    const prior = input.prior && config.priorCorruption ? corruptPrior(input.prior, config.priorCorruption, config.seed).prior : (input.prior ?? null);
    checkExpressionData(data, 'training data');
    if (input.test) {
      checkExpressionData(input.test, 'test data');
      if (input.test.genes.length !== data.genes.length)
        throw new Error(`the test data has ${input.test.genes.length} genes, the training data ${data.genes.length}`);
    }
    this.n = data.genes.length;
    const n = this.n;
    const h = config.hidden;
    if (prior && prior.n !== n) throw new Error(`the prior is ${prior.n}×${prior.n}, the data has ${n} genes`);
    const usesPriorLoss = config.strategy === 'pinn' || config.strategy === 'pinn-mp';
    if (usesPriorLoss && !prior) throw new Error(`strategy '${config.strategy}' needs a prior network`);

    // The order of draws from the run's stream is fixed: split, noise, initial weights, then the pruner.
    this.random = new Random(config.seed);
    const split = splitTrajectories(data.trajectories.length, config.validationFraction, this.random);
    const training = split.train.map((i) => addNoise(data.trajectories[i], config.noiseStd, this.random));
    const params = initPhoenixParams(n, h, this.random);
    const lambdas = strategyLambdas(config.strategy, config.lambda);
    this.pruner = lambdas ? new Pruner({ n, h, lambda: lambdas, prior, ppi: input.ppi ?? null, random: this.random }) : null;
    const penalty = strategyInfo(config.strategy).penalty;
    this.penalty = penalty ? new PenaltyTerms(penalty, n, h, this.random) : null;
    this.gateAdam = this.penalty?.logAlpha ? new FlatAdam(this.penalty.gateCount, [{ start: 0, length: this.penalty.gateCount }]) : null;
    // Tensors from here on. Only the check right below can throw, and then no batch holds any.
    this.trainBatches = training.map((t) => pairBatch([t], n)).filter((b): b is PairBatch => b !== null);
    if (this.trainBatches.length === 0) throw new Error('no training pairs: every trajectory needs two time points with a fully observed first one');
    this.pinn = usesPriorLoss ? new PinnPrior({ prior: prior!, seed: config.seed, states: config.pinnStates, batchSize: config.pinnBatch }) : null;
    this.solver = solverFor(config);
    this.model = new PhoenixModel(params, null);
    if (this.penalty?.logAlpha) {
      const terms = this.penalty;
      this.model.setEvalTransform((w) => terms.gate(w, terms.testGates()));
    }
    const rules = withExplicitRules(config);
    this.rates = learningRateGroups(n, h, config.learningRate, rules.lrReset);
    this.adam = new FlatAdam(flatLayout(n, h).length, this.rates.groups);
    this.plateau = new ReduceOnPlateau(this.rates.initial);
    this.selection = new ModelSelection(rules.selection);
    // Validation and test trajectories stay noise-free: their errors are measured against true values.
    this.validationBatch = pairBatch(
      split.validation.map((i) => data.trajectories[i]),
      n,
    );
    this.testBatch = input.test ? pairBatch(input.test.trajectories, n) : null;
    // The fused step computes the data loss through RK4; the prior loss, the penalty baselines and dopri5 stay on tfjs.
    const solver = this.solver;
    this.fused =
      config.backend === FUSED_BACKEND && solver.method === 'rk4' && !this.pinn && !this.penalty ? new FusedStep(this.model, solver, this.adam) : null;
  }

  private resume(c: TrainCheckpoint): void {
    const state = restoreCheckpoint(c, this.config, this.n);
    this.epoch = state.epoch;
    this.model.setParams(state.params);
    this.model.setMasks(state.masks);
    this.adam.restore(state.adam);
    this.plateau = new ReduceOnPlateau(this.rates.initial);
    this.plateau.state = state.plateau;
    this.random = Random.restore(state.random);
    if (this.pruner && state.pruner) this.pruner.restore(state.pruner);
    if (this.pinn && state.pinnRandom) this.pinn.restoreRandom(state.pinnRandom);
    this.selection.state = state.selection;
    this.history = state.history;
    this.level = state.history.filter((r) => r.pruned).length;
    if (this.penalty?.logAlpha) {
      if (!state.gates) throw new Error('the checkpoint has no gates, this run trains them');
      this.penalty.restore(state.gates.logAlpha);
      this.gateAdam!.restore(state.gates.adam);
    }
  }

  /** The model's parameters as the run evaluates them: with a penalty baseline's test-time gates applied. */
  private currentParams() {
    const raw = this.model.params();
    return this.penalty ? this.penalty.gatedParams(raw) : raw;
  }

  async execute(): Promise<TrainResult & { profile: TrainProfile }> {
    if (this.input.resumeFrom) this.resume(this.input.resumeFrom);
    const { config } = this;
    const cb = this.input.callbacks ?? {};
    let cancelled = false;
    let stoppedEarly = this.selection.badEpochs >= config.patience;
    while (!cancelled && !stoppedEarly && this.epoch < config.epochs) {
      const epoch = this.epoch + 1;
      const started = performance.now();
      const pruned = this.pruneIfScheduled(epoch);
      if (pruned) this.level += 1;
      const trainLoss = await this.trainEpoch(epoch, cb);
      if (trainLoss === null) {
        cancelled = true;
        break;
      }
      const t0 = performance.now();
      const validation = this.validationBatch ? this.validate(this.validationBatch) : null;
      const valLoss = validation ? validation.mse : trainLoss;
      const valSe = validation ? standardError(validation.trajectoryMse) : null;
      const testLoss = this.testBatch ? this.model.evaluate(this.testBatch, this.solver) : undefined;
      this.profile.validationSeconds += (performance.now() - t0) / 1000;
      this.plateau.observe(valLoss);
      const params = this.currentParams();
      const isBest = this.selection.observe({ epoch, valLoss, ...(valSe !== null ? { valSe } : {}), level: this.level }, () => ({
        params,
        masks: this.model.masks ? cloneMasks(this.model.masks) : null,
      }));
      this.epoch = epoch;
      const report: EpochReport = {
        epoch,
        totalEpochs: config.epochs,
        trainLoss,
        valLoss,
        ...(valSe !== null ? { valSe } : {}),
        ...(testLoss !== undefined ? { testLoss } : {}),
        sparsity: modelSparsity(params),
        learningRate: this.plateau.rates[0],
        seconds: (performance.now() - started) / 1000,
        pruned,
        isBest,
        keptEpoch: this.selection.chosen!.epoch,
      };
      this.history.push(report);
      stoppedEarly = this.selection.badEpochs >= config.patience;
      await cb.onEpoch?.(report);
      cb.onEpochModel?.(epoch, params);
      if (cb.onCheckpoint) {
        const c0 = performance.now();
        await cb.onCheckpoint(this.checkpoint());
        this.profile.checkpointSeconds += (performance.now() - c0) / 1000;
      }
    }
    return this.result(cancelled, stoppedEarly && !cancelled);
  }

  private validate(batch: PairBatch): { mse: number; trajectoryMse: number[] } {
    return this.fused ? this.fused.evaluateByTrajectory(batch) : this.model.evaluateByTrajectory(batch, this.solver);
  }

  private pruneIfScheduled(epoch: number): boolean {
    if (!this.pruner) return false;
    const fraction = pruningFractionAt(epoch, this.config.epochs, this.config.pruning);
    if (fraction <= 0) return false;
    const t0 = performance.now();
    const current = this.model.masks ?? fullMasks(this.n, this.config.hidden);
    const { masks } = this.pruner.prune(this.model.params(), current, fraction);
    this.model.setMasks(masks);
    // Every pruning event restarts the learning-rate schedule (spec §3; see learning-rates.ts).
    this.plateau = new ReduceOnPlateau(this.rates.afterPruning);
    this.profile.pruningSeconds += (performance.now() - t0) / 1000;
    return true;
  }

  /** One pass over the training trajectories in random order; null when cancelled. */
  private async trainEpoch(epoch: number, cb: TrainCallbacks): Promise<number | null> {
    const order = this.random.shuffle(Array.from({ length: this.trainBatches.length }, (_, i) => i));
    let total = 0;
    try {
      for (let step = 0; step < order.length; step++) {
        if (cb.shouldStop && (await cb.shouldStop())) return null;
        const t0 = performance.now();
        const loss = this.step(this.trainBatches[order[step]]);
        this.profile.stepSeconds += (performance.now() - t0) / 1000;
        this.profile.steps += 1;
        total += loss;
        cb.onStep?.({ epoch, step: step + 1, stepsPerEpoch: order.length, loss });
      }
    } finally {
      // The fused step keeps the parameters on the host during the epoch: the model's variable gets them back.
      this.fused?.end();
    }
    return total / order.length;
  }

  /** One optimiser step on one trajectory's pairs; returns its data MSE. */
  private step(batch: PairBatch): number {
    if (this.fused) return this.fused.step(batch, this.plateau.rates);
    const { model, pinn, penalty } = this;
    const lambdaData = this.config.pinnLambda ?? 0.99;
    let dataLoss: tf.Scalar | null = null;
    const u = penalty?.drawUniforms(this.random) ?? null;
    const { value, grads } = tf.variableGrads(
      () => {
        const raw = model.tensors();
        const z = u ? penalty!.sampledGates(u) : null;
        const w = z ? penalty!.gate(raw, z) : raw;
        const mse = model.loss(w, batch, this.solver, this.tape);
        dataLoss = tf.keep(mse);
        if (penalty) return tf.add(mse, penalty.loss(raw, z)) as tf.Scalar;
        if (!pinn) return mse;
        return tf.add(tf.mul(mse, lambdaData), tf.mul(pinn.loss(model, w, this.tape), 1 - lambdaData)) as tf.Scalar;
      },
      penalty?.logAlpha ? [model.theta, penalty.logAlpha] : [model.theta],
    );
    this.tape.release();
    this.adam.apply(model.theta, grads[model.theta.name], this.plateau.rates);
    // The gates learn at the weights' current rate (one Adam over all parameters in the authors' script).
    if (penalty?.logAlpha) this.gateAdam!.apply(penalty.logAlpha, grads[penalty.logAlpha.name], [this.plateau.rates[0]]);
    model.parametersChanged();
    const loss = (dataLoss as tf.Scalar | null)!.dataSync()[0];
    (dataLoss as tf.Scalar | null)!.dispose();
    value.dispose();
    for (const g of Object.values(grads)) g.dispose();
    return loss;
  }

  private checkpoint(): TrainCheckpoint {
    return takeCheckpoint({
      config: this.config,
      n: this.n,
      epoch: this.epoch,
      params: this.model.params(),
      masks: this.model.masks,
      adam: this.adam.save(),
      plateau: this.plateau.state,
      random: this.random.save(),
      pruner: this.pruner?.save() ?? null,
      pinnRandom: this.pinn?.saveRandom() ?? null,
      selection: this.selection.state,
      history: this.history,
      gates: this.penalty?.logAlpha ? { logAlpha: this.penalty.save()!, adam: this.gateAdam!.save() } : null,
    });
  }

  private result(cancelled: boolean, stoppedEarly: boolean): TrainResult & { profile: TrainProfile } {
    const kept = this.selection.chosen ?? { epoch: 0, valLoss: Number.NaN, params: this.currentParams(), masks: this.model.masks };
    const params: PhoenixParams = kept.params;
    let testMse: number | undefined;
    if (this.testBatch) {
      this.model.setParams(params);
      this.model.setMasks(kept.masks);
      // The kept parameters already carry the test-time gates.
      this.model.setEvalTransform(null);
      testMse = this.model.evaluate(this.testBatch, this.solver);
    }
    const seconds = this.history.reduce((s, r) => s + r.seconds, 0);
    return {
      model: serializeModel(params, kept.masks, this.input.data.genes),
      effects: effectsMatrix(params),
      summary: {
        sparsity: modelSparsity(params),
        valMse: kept.valLoss,
        ...(testMse !== undefined ? { testMse } : {}),
        epochsRun: this.history.length,
        bestEpoch: kept.epoch,
        secondsPerEpoch: this.history.length ? seconds / this.history.length : 0,
        stoppedEarly,
        cancelled,
      },
      history: this.history.slice(),
      profile: { ...this.profile },
    };
  }

  dispose(): void {
    this.tape.release();
    this.model.dispose();
    this.adam.dispose();
    this.pinn?.dispose();
    this.penalty?.dispose();
    this.gateAdam?.dispose();
    for (const b of this.trainBatches) disposeBatch(b);
    disposeBatch(this.validationBatch);
    disposeBatch(this.testBatch);
  }
}

function cloneMasks(m: PhoenixMasks): PhoenixMasks {
  return { Ws: m.Ws.slice(), Wp: m.Wp.slice(), As: m.As.slice(), Ap: m.Ap.slice() };
}
