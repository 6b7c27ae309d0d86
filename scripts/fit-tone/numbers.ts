// Rounding and byte packing shared by the fitting modules.

const INT8_MIN = -128;
export const INT8_MAX = 127;
// Weights are rounded to this many decimals so the JSON stays small and diffs stay readable.
const DECIMALS = 4;

/** A value as a signed byte in units of `step`, clamped. */
export function toInt8(value: number, step: number): number {
  return Math.max(INT8_MIN, Math.min(INT8_MAX, Math.round(value / step)));
}

/** Weights as signed bytes in units of `step`, base64: the form shared/tone/model.ts decodes. */
export function toInt8Base64(weights: readonly number[], step: number): string {
  const bytes = Int8Array.from(weights, (w) => toInt8(w, step));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function round(value: number, decimals = DECIMALS): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
