const ACRONYMS: Record<string, string> = {
  it: "IT",
  kw: "kW",
  mw: "MW",
  mwh: "MWh",
  ah: "AH",
  w: "W",
  pue: "PUE",
  h100: "H100",
  sku: "SKU",
  api: "API",
  url: "URL",
  fx: "FX",
};

/**
 * A readable label for an input field key or path, for messages that name a field:
 * "providerId" → "Provider", "ratePerAcceleratorHour" → "Rate per accelerator hour",
 * "budgets.2.startMonth" → "Start month (row 3)".
 */
export function fieldLabel(path: string): string {
  const parts = path.split(".").filter(Boolean);
  const index = parts.findLast((p) => /^\d+$/.test(p));
  const key = parts.findLast((p) => !/^\d+$/.test(p)) ?? path;
  const words = key
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(" ")
    .map((w) => ACRONYMS[w] ?? w)
    .join(" ");
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return index === undefined ? label : `${label} (row ${Number(index) + 1})`;
}
