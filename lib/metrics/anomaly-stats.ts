/** Median of the values (null when there are none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median (0 for fewer than two values). */
export function mad(values: readonly number[]): number {
  const m = median(values);
  if (m === null || values.length < 2) return 0;
  return median(values.map((v) => Math.abs(v - m)))!;
}

/** 1.4826 × MAD estimates the standard deviation of normal noise. */
export const MAD_TO_SIGMA = 1.4826;
