// How an offer reads in lists, its page and its export.

/** The site, or the cloud region when the offer has no site of ours. */
export function offerPlace(o: { siteName: string | null; region: string | null }): string {
  return o.siteName ?? (o.region ? `${o.region} (region)` : "—");
}

/** "8–2,048 by 8", "1,024+ by 1,024". */
export function offerQuantities(o: { minQuantity: number; maxQuantity: number | null; step: number }): string {
  const n = (v: number) => v.toLocaleString("en-US");
  const range = o.maxQuantity === null ? `${n(o.minQuantity)}+` : `${n(o.minQuantity)}–${n(o.maxQuantity)}`;
  return `${range} by ${n(o.step)}`;
}
