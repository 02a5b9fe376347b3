import type { BarPoint } from "@/lib/format/chart-types";
import { providerColor, seriesColor, vendorColor } from "@/lib/format/colors";
import type { Dimension, Share } from "@/lib/metrics/concentration";

/** One bar per member, share in percent (0–100), coloured by provider or vendor identity; sites by their order. */
export function shareBars(dimension: Dimension, shares: readonly Share[]): BarPoint[] {
  return shares.map((s, i) => ({
    key: s.key,
    label: s.label,
    value: s.share.times(100).toNumber(),
    color: dimension === "provider" ? providerColor(s.label) : dimension === "vendor" ? vendorColor(s.label) : seriesColor(i),
  }));
}
