/**
 * `backend: 'wasm-fused'` trains with the fused step (phoenix-fused.ts) and runs everything else
 * (validation, Adam, the prior loss) on tfjs's wasm backend. Plain 'wasm' keeps the tfjs step, so a
 * stored run re-trains exactly as it first did.
 */
export const FUSED_BACKEND = 'wasm-fused';

/** The tfjs backend a configured backend name runs its tensors on. */
export function tfjsBackendFor(name: string): string {
  return name === FUSED_BACKEND ? 'wasm' : name;
}
