/**
 * compute's heavy front door (contract: compute/README.md, "Front doors"): training, which loads
 * TensorFlow.js, and the Node-only helpers around it (backends, the bundled SIM350 files, the CLI's
 * flag parsing). Only processes that train (workers, the CLI, scripts) import it; everything else
 * goes through the light door, compute/index.ts.
 */
export { train, type TrainInput, type TrainProfile } from './training/trainer';
export { useBackend, type BackendName } from './backend';
export { loadSim350, readSim350File, SIM350_FILES, type Sim350, type Sim350File } from './fixtures/sim350';
export { numeric, parseCliArgs } from './cli/args';
export { CliUsageError } from './cli/cli-errors';
