import type { Unconverted } from "@/lib/metrics/fx";

/**
 * What a USD figure left out: "excludes 2 contracts in JPY: no rate", "excludes 1 block in EUR, 3 in JPY: no rate"
 * (add the rate to HEADROOM_FX_RATES); null when nothing was left out.
 */
export function unconvertedNote(left: Unconverted, singular: string, plural = `${singular}s`): string | null {
  if (!left.length) return null;
  const parts = left.map((u, i) => `${u.count}${i === 0 ? ` ${u.count === 1 ? singular : plural}` : ""} in ${u.currency}`);
  return `excludes ${parts.join(", ")}: no rate`;
}
