import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { requireFocusData } from "./focus-import";

// FOCUS exports for the connector tests: the official 1,000-row FOCUS 1.0 sample (real, anonymized billing of AWS,
// Microsoft and Oracle for 2024-09) split by provider, and small generated files for the manifest exports.

export function sampleByProvider(): Record<"AWS" | "Microsoft" | "Oracle", { header: string; lines: string[] }> {
  const text = readFileSync(path.join(requireFocusData(), "FOCUS-1.0/focus_sample.csv"), "utf8");
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== "");
  const parsed: string[][] = parse(header!);
  const columns = parsed[0]!;
  const at = columns.indexOf("ProviderName");
  const out = { AWS: [] as string[], Microsoft: [] as string[], Oracle: [] as string[] };
  for (const line of lines) {
    const fields: string[][] = parse(line);
    const provider = fields[0]![at] as keyof typeof out;
    out[provider].push(line);
  }
  return {
    AWS: { header: header!, lines: out.AWS },
    Microsoft: { header: header!, lines: out.Microsoft },
    Oracle: { header: header!, lines: out.Oracle },
  };
}

export function csvOf(part: { header: string; lines: string[] }, count = part.lines.length): string {
  return [part.header, ...part.lines.slice(0, count)].join("\n") + "\n";
}

const HEADER =
  "BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ServiceProviderName,Id";

/** `rows` daily usage rows of `provider` in `month` (YYYY-MM), each costing 10.25 more than the one before. */
export function generatedFocus(provider: string, month: string, rows: number, options: { badLine?: number } = {}): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const lines = Array.from({ length: rows }, (_, i) => {
    const day = String(i + 1).padStart(2, "0");
    const cost = i + 2 === options.badLine ? "12.5x" : (10.25 * (i + 1)).toFixed(2);
    return `USD,${month}-01,${next},${month}-${day},${month}-${day}T23:59:59Z,Usage,${cost},${cost},${provider},${provider}-${month}-${i}`;
  });
  return [HEADER, ...lines].join("\n") + "\n";
}

/** An AWS Data Exports (CUR 2.0) manifest listing the data files by s3:// URL. */
export function awsManifest(bucket: string, keys: string[]): string {
  return JSON.stringify({
    version: "2.0",
    exportArn: "arn:aws:bcm-data-exports:us-east-1:111122223333:export/focus-daily",
    billingPeriod: { start: "2026-10-01T00:00:00.000Z", end: "2026-11-01T00:00:00.000Z" },
    dataFiles: keys.map((k) => `s3://${bucket}/${k}`),
  });
}
