import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerFastMatMulGradient } from './model/matmul-gradient';

export type BackendName = 'wasm' | 'cpu' | (string & {});

let wasmPathsSet = false;

/**
 * Selects the tfjs backend: `wasm` (default: SIMD, one thread), `cpu` (plain JS, float32), or any
 * other registered name (a GPU backend such as `webgl` or `webgpu` when one loads). Throws when the
 * backend cannot be initialised, naming it.
 */
export async function useBackend(name: BackendName = 'wasm'): Promise<string> {
  if (name === 'wasm' && !wasmPathsSet) {
    const dir = wasmDistDir();
    if (dir) setWasmPaths(dir);
    wasmPathsSet = true;
  }
  if (name === 'wasm') {
    // Node's wasm has no worker threads here; asking for them fails at init, so stay single-threaded.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`tfjs backend '${name}' could not be initialised`);
  }
  await tf.ready();
  registerFastMatMulGradient();
  return tf.getBackend();
}

/** In Node the wasm binaries are read from the package's dist folder; in a browser the bundler serves them. */
function wasmDistDir(): string | null {
  if (typeof process === 'undefined' || !process.versions?.node) return null;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@tensorflow/tfjs-backend-wasm');
  return path.dirname(entry) + path.sep;
}
