import * as tf from '@tensorflow/tfjs';
import { fusedBatch } from '../model/fused/batch';
import { FusedPhoenix } from '../model/fused/phoenix-fused';
import { flatLayout, type PairBatch, type PhoenixModel, type SolverConfig } from '../model/phoenix';
import type { FlatAdam } from './adam';

/**
 * The trainer's optimiser step for backend 'wasm-fused': loss and gradient from the fused kernel,
 * Adam on the host (FlatAdam.applyHost, bit-identical to its tfjs update), and the parameters kept
 * as a float32 array between `begin` and `end`, so a step touches no tfjs kernel at all; validation
 * solves with the same kernel. Everything else (pruning, checkpoints, the test MSE) reads the model's
 * variable, which `end` brings up to date.
 */
export class FusedStep {
  private readonly kernel: FusedPhoenix;
  /** Both live in Adam's host workspace, so Adam updates them in place. */
  private readonly theta: Float32Array;
  private readonly grad: Float32Array;
  /** Whether theta holds the current parameters (between begin and end). */
  private active = false;
  private readonly vAt: number;

  constructor(
    private readonly model: PhoenixModel,
    private readonly solver: Extract<SolverConfig, { method: 'rk4' }>,
    private readonly adam: FlatAdam,
    /** The kernel's options (tests force its sparse or dense weight products). */
    kernelOptions: { sparseBelow?: number } = {},
  ) {
    this.kernel = new FusedPhoenix(model.n, model.h, kernelOptions);
    ({ theta: this.theta, grad: this.grad } = adam.hostViews());
    this.vAt = flatLayout(model.n, model.h).v;
  }

  /** Takes the parameters onto the host for a run of steps. */
  begin(): void {
    if (this.active) return;
    this.theta.set(this.model.theta.dataSync());
    this.active = true;
  }

  /** One optimiser step on one batch; returns its MSE (before the update, as the tfjs step does). */
  step(batch: PairBatch, rates: readonly number[]): number {
    this.begin();
    const theta = this.theta;
    const steps = this.model.rk4Steps(batch.maxDt, this.solver, this.maxRate(theta));
    const loss = this.kernel.lossAndGradient(theta, this.model.flatMask, fusedBatch(batch), steps, this.grad);
    this.adam.applyHost(theta, this.grad, rates);
    return loss;
  }

  /** Writes the parameters back into the model's variable. */
  end(): void {
    if (!this.active) return;
    tf.tidy(() => this.model.theta.assign(tf.tensor1d(this.theta)));
    this.model.parametersChanged();
    this.active = false;
  }

  /**
   * The validation numbers PhoenixModel.evaluateByTrajectory gives (the loss and each trajectory's
   * MSE), from the fused forward solve and the model's current variable.
   */
  evaluateByTrajectory(batch: PairBatch): { mse: number; trajectoryMse: number[] } {
    const theta = this.model.theta.dataSync();
    const steps = this.model.rk4Steps(batch.maxDt, this.solver, this.maxRate(theta));
    const rows = this.kernel.rowSquaredErrors(theta, this.model.flatMask, fusedBatch(batch), steps);
    const groups = batch.groups ?? [{ rows: batch.rows, count: batch.count }];
    let row = 0;
    let total = 0;
    const trajectoryMse = groups.map((g) => {
      let sum = 0;
      for (let r = 0; r < g.rows; r++) sum += rows[row + r];
      row += g.rows;
      total += sum;
      return sum / g.count;
    });
    return { mse: total / batch.count, trajectoryMse };
  }

  /** max relu(v), as PhoenixModel.maxRate computes it from the variable (NaN when v is). */
  private maxRate(theta: ArrayLike<number>): number {
    let max = 0;
    for (let i = 0; i < this.model.n; i++) {
      const v = theta[this.vAt + i];
      if (Number.isNaN(v)) return Number.NaN;
      if (v > max) max = v;
    }
    return max;
  }
}
