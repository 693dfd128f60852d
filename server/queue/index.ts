/** The job queue (pg-boss 10 on the app's own database): training, scoring and benchmark jobs and the leases workers hold on them. */
export {
  TRAIN_RUN_QUEUE,
  TRAIN_RUN_DEAD_QUEUE,
  SCORE_GOLD_QUEUE,
  defaultQueueSettings,
  trainRunSender,
  scoreGoldSender,
  SYNTHETIC_BENCHMARK_QUEUE,
  SYNTHETIC_BENCHMARK_DEAD_QUEUE,
  syntheticBenchmarkSender,
  type SyntheticBenchmarkJob,
  type SyntheticBenchmarkSender,
  type ScoreGoldJob,
  type ScoreGoldSender,
  startBoss,
  type QueueSettings,
  type TrainRunSender,
  type TrainRunJob,
} from './boss';
export { startConsumer, type Consumer, type Lease, type TakenJob } from './consumer';
export { bossExecutor } from './executor';
export { configureQueueSettings, queueSettings } from './settings';
