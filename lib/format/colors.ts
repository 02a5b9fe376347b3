// Mid-tone colours that keep ≥ 3:1 contrast against both white and slate-900 cards.
export const PALETTE = [
  "#3b82f6", // blue-500
  "#059669", // emerald-600
  "#8b5cf6", // violet-500
  "#d97706", // amber-600
  "#f43f5e", // rose-500
  "#0891b2", // cyan-600
  "#c026d3", // fuchsia-600
  "#4d7c0f", // lime-700
  "#ea580c", // orange-600
  "#6366f1", // indigo-500
  "#0d9488", // teal-600
  "#ec4899", // pink-500
  "#a16207", // yellow-700
  "#64748b", // slate-500
] as const;

// Common families get fixed, distinct colours; anything else hashes into the palette.
const KNOWN_FAMILIES: [RegExp, number][] = [
  [/^gb[23]\d\d/i, 7],
  [/^h100|hopper/i, 0],
  [/^h200/i, 5],
  [/^b[23]\d\d|blackwell/i, 1],
  [/^mi300/i, 4],
  [/^mi325/i, 11],
  [/^mi3[5-9]|^mi4/i, 6],
  [/^trainium\s*2|^trn2/i, 8],
  [/trainium|^trn|inferentia/i, 3],
  [/tpu\s*v?5/i, 2],
  [/tpu/i, 9],
  [/^cs-?\d|cerebras|wse/i, 13],
  [/gaudi/i, 12],
  [/mtia|maia|custom/i, 10],
];

function hashIndex(text: string): number {
  let h = 0;
  for (const ch of text.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % PALETTE.length;
}

/** One colour per accelerator family, the same on every page. */
export function familyColor(family: string): string {
  const known = KNOWN_FAMILIES.find(([pattern]) => pattern.test(family.trim()));
  return PALETTE[known ? known[1] : hashIndex(family)]!;
}

// Well-known providers get fixed colours (their brand hue where the palette has one); others hash.
const KNOWN_PROVIDERS: [RegExp, number][] = [
  [/azure|microsoft/i, 0],
  [/aws|amazon/i, 3],
  [/google|gcp/i, 1],
  [/oracle|oci/i, 4],
  [/coreweave/i, 9],
  [/lambda/i, 2],
  [/owned|own site|on-?prem/i, 13],
  [/switch|equinix|digital realty|colo/i, 5],
  [/nebius/i, 6],
  [/crusoe/i, 8],
];

/** One colour per provider, the same on every page. */
export function providerColor(name: string): string {
  const known = KNOWN_PROVIDERS.find(([pattern]) => pattern.test(name.trim()));
  return PALETTE[known ? known[1] : hashIndex(name)]!;
}

const KNOWN_VENDORS: [RegExp, number][] = [
  [/nvidia/i, 1],
  [/amd/i, 4],
  [/aws|amazon/i, 3],
  [/google/i, 0],
  [/cerebras/i, 13],
  [/intel/i, 5],
];

/** One colour per chip vendor, the same on every page. */
export function vendorColor(vendor: string): string {
  const known = KNOWN_VENDORS.find(([pattern]) => pattern.test(vendor.trim()));
  return PALETTE[known ? known[1] : hashIndex(vendor)]!;
}

/**
 * For series with no identity colour (sites): ten hues chosen to stay apart from each other (every pair at least
 * ΔE 28 in CIELAB), none red (red marks over budget), each with ≥ 3:1 contrast on white and on slate-900 cards.
 */
export const CATEGORICAL = [
  "#2563eb", // blue-600
  "#ea580c", // orange-600
  "#16a34a", // green-600
  "#9333ea", // purple-600
  "#0891b2", // cyan-600
  "#ec4899", // pink-500
  "#78716c", // stone-500
  "#a16207", // yellow-700
  "#047857", // emerald-700
  "#65a30d", // lime-600
] as const;

/** Sites have no fixed identity colour: they take the categorical colours in the order given. */
export function seriesColor(index: number): string {
  return CATEGORICAL[index % CATEGORICAL.length]!;
}

/** A series' colour, dashed from the eleventh on (the colours repeat, the pattern tells them apart). */
export function seriesStyle(index: number): { color: string; dashed: boolean } {
  return { color: seriesColor(index), dashed: index >= CATEGORICAL.length };
}

export const STATUS_COLORS: Record<string, string> = {
  active: "#059669",
  pending: "#3b82f6",
  exhausted: "#d97706",
  proposed: "#64748b",
  expired: "#64748b",
  cancelled: "#64748b",
};

export const CAPACITY_COLOR = "#3b82f6";
export const DEMAND_COLOR = "#f43f5e";
