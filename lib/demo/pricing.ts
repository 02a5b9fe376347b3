import type { Family } from "./catalog";
import type { Rng } from "./random";
import type { PricingModel } from "@/lib/metrics/planned-cost";

// Negotiated reserved $/accelerator-hour ranges, in units of $0.0001 (integers: no float money).
const RESERVED: Record<Family, [number, number]> = {
  H100: [20_000, 28_000],
  H200: [28_000, 35_000],
  B200: [40_000, 55_000],
  GB200: [55_000, 70_000],
  MI300X: [18_000, 24_000],
  MI325X: [21_000, 27_000],
  Trainium2: [15_000, 20_000],
  "TPU v5p": [21_000, 40_000],
  "TPU v6e": [15_000, 27_000],
  "CS-3": [950_000, 1_350_000],
};

// Owned and colocated hardware: amortized capex + power + opex per accelerator-hour.
const OWNED: Partial<Record<Family, [number, number]>> = {
  H100: [14_000, 17_500],
  B200: [27_000, 33_000],
  MI325X: [15_500, 19_000],
  "CS-3": [820_000, 980_000],
};

export function drawRate(rng: Rng, family: Family, model: PricingModel, ownedHardware: boolean): string {
  const [lo, hi] = (ownedHardware ? OWNED[family] : undefined) ?? RESERVED[family];
  const base = rng.int(lo, hi);
  if (model === "on_demand") return rateText(Math.round((base * rng.int(150, 190)) / 100));
  if (model === "spot") return rateText(Math.round((base * rng.int(45, 70)) / 100));
  return rateText(base);
}

function rateText(tenThousandths: number): string {
  const whole = Math.floor(tenThousandths / 10_000);
  return `${whole}.${String(tenThousandths % 10_000).padStart(4, "0")}`;
}

const UNIT: Partial<Record<Family, number>> = { GB200: 72, "TPU v5p": 64, "TPU v6e": 64, Trainium2: 16 };
// Blackwell arrives in smaller tranches (racks ship a few hundred at a time).
const LARGEST: Partial<Record<Family, number>> = { GB200: 9_216, B200: 8_192 };

// Block sizes skew small (a few large clusters, many mid-size ones): 256 … 16,384, in whole servers/racks/slices.
export function drawQuantity(rng: Rng, family: Family, model: PricingModel): number {
  if (family === "CS-3") return 16 * rng.int(2, 8);
  const unit = UNIT[family] ?? 8;
  const max = model === "reserved" ? (LARGEST[family] ?? 16_384) : 2_048;
  const raw = 256 * 2 ** (Math.log2(max / 256) * rng.next() ** 2.4);
  const lowest = Math.ceil(256 / unit) * unit;
  const highest = Math.floor(max / unit) * unit;
  return Math.min(highest, Math.max(lowest, Math.round(raw / unit) * unit));
}
