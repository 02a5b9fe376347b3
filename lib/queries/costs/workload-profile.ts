import { dec } from "@/lib/metrics/decimal";

// The workload profile of the $ per 1M tokens column: tokens per second per accelerator, per family. Defaults are
// rounded per-accelerator throughputs of a 70B-class dense model (Llama 2 70B, MLPerf Inference offline) where
// such results are published; other families scale the H100 figure by their H100-equivalent factor. They are
// starting points: replace them with measured throughput of your own workload (the values live in the URL).

export const H100_TOKENS_PER_SECOND = 3000;

export const PUBLISHED_TOKENS_PER_SECOND: Record<string, { tokensPerSecond: number; basis: string }> = {
  H100: { tokensPerSecond: 3000, basis: "MLPerf Inference v4.0, 8 × H100 SXM ≈ 24k tokens/s" },
  H200: { tokensPerSecond: 3900, basis: "MLPerf Inference v4.0, 8 × H200 ≈ 31k tokens/s" },
  B200: { tokensPerSecond: 11000, basis: "MLPerf Inference v4.1, 1 × B200 ≈ 11k tokens/s" },
  GB200: { tokensPerSecond: 12000, basis: "MLPerf Inference v5.0, GB200 NVL72 ≈ 870k tokens/s ÷ 72" },
  MI300X: { tokensPerSecond: 2900, basis: "MLPerf Inference v4.1, 8 × MI300X ≈ 23k tokens/s" },
  MI325X: { tokensPerSecond: 4200, basis: "MLPerf Inference v5.0, 8 × MI325X ≈ 34k tokens/s" },
};

export const TPS_PARAM_PREFIX = "tps.";
const MAX_TPS = 10_000_000;

export type ProfileFamily = { family: string; h100eFactor: string };
export type ProfileEntry = { family: string; tokensPerSecond: string; default: string; basis: string; edited: boolean };

/** The default tokens/s of a family: its published figure, else 3,000 × its H100-equivalent factor (rounded). */
export function defaultTokensPerSecond(f: ProfileFamily): { tokensPerSecond: string; basis: string } {
  const published = PUBLISHED_TOKENS_PER_SECOND[f.family];
  if (published) return { tokensPerSecond: String(published.tokensPerSecond), basis: published.basis };
  const scaled = dec(H100_TOKENS_PER_SECOND).times(f.h100eFactor).toDecimalPlaces(0);
  return {
    tokensPerSecond: scaled.toFixed(0),
    basis: `no comparable published result: ${H100_TOKENS_PER_SECOND.toLocaleString("en-US")} × H100e factor ${dec(f.h100eFactor).toString()}`,
  };
}

function valid(value: string | undefined): string | null {
  const v = value?.trim().replace(/,/g, "");
  if (!v || !/^\d+(\.\d+)?$/.test(v)) return null;
  const n = dec(v);
  return n.greaterThan(0) && n.lessThanOrEqualTo(MAX_TPS) ? n.toString() : null;
}

/** The profile for these families from URL parameters `tps.<family>=<tokens/s>`; a missing or bad value gives the default. */
export function parseWorkloadProfile(
  raw: URLSearchParams | Record<string, string | string[] | undefined>,
  families: readonly ProfileFamily[],
): ProfileEntry[] {
  const get = (key: string) => {
    if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
    const v = raw[key];
    return Array.isArray(v) ? v[0] : v;
  };
  return [...families]
    .sort((a, b) => a.family.localeCompare(b.family))
    .map((f) => {
      const d = defaultTokensPerSecond(f);
      const given = valid(get(`${TPS_PARAM_PREFIX}${f.family}`));
      const edited = given !== null && !dec(given).equals(d.tokensPerSecond);
      return { family: f.family, tokensPerSecond: edited ? given : d.tokensPerSecond, default: d.tokensPerSecond, basis: d.basis, edited };
    });
}

export function profileMap(entries: readonly ProfileEntry[]): Map<string, string> {
  return new Map(entries.map((e) => [e.family, e.tokensPerSecond]));
}

/** The URL parameters of the edited entries only (defaults stay out of the URL). */
export function profileParams(entries: readonly ProfileEntry[]): [string, string][] {
  return entries.filter((e) => e.edited).map((e) => [`${TPS_PARAM_PREFIX}${e.family}`, e.tokensPerSecond]);
}
