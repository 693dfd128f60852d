/** Float arrays as base64 of their little-endian bytes: exact, compact and JSON-safe (checkpoints). */

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function fromBase64(text: string): Uint8Array {
  const buf = Buffer.from(text, 'base64');
  // Copy into a fresh, aligned buffer.
  return new Uint8Array(buf);
}

export function encodeFloat32(a: ArrayLike<number>): string {
  return toBase64(new Uint8Array(Float32Array.from(a).buffer));
}

export function decodeFloat32(text: string, expectedLength?: number): Float32Array {
  const bytes = fromBase64(text);
  if (bytes.length % 4 !== 0) throw new Error('corrupt float32 data');
  const out = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).slice();
  if (expectedLength !== undefined && out.length !== expectedLength) throw new Error(`expected ${expectedLength} values, found ${out.length}`);
  return out;
}

export function encodeFloat64(a: ArrayLike<number>): string {
  return toBase64(new Uint8Array(Float64Array.from(a).buffer));
}

export function decodeFloat64(text: string, expectedLength?: number): Float64Array {
  const bytes = fromBase64(text);
  if (bytes.length % 8 !== 0) throw new Error('corrupt float64 data');
  const out = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  if (expectedLength !== undefined && out.length !== expectedLength) throw new Error(`expected ${expectedLength} values, found ${out.length}`);
  return out;
}

export function encodeBytes(a: Uint8Array): string {
  return toBase64(a);
}

export function decodeBytes(text: string, expectedLength?: number): Uint8Array {
  const out = fromBase64(text).slice();
  if (expectedLength !== undefined && out.length !== expectedLength) throw new Error(`expected ${expectedLength} values, found ${out.length}`);
  return out;
}
