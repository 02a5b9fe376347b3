import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { csvLine } from "@/lib/csv/write";
import { importFocus } from "@/lib/services/imports/focus";
import { Dec } from "@/lib/metrics/decimal";
import { systemCtx } from "@/lib/services/system-actor";
import { isoDay } from "@/lib/metrics/calendar";
import { addDays, addMonths } from "./dates";
import { SKU_MAPPINGS } from "./sku-mappings";

// The demo's billing: one FOCUS export per cloud for the last BILLED_MONTHS complete months, written the
// way the providers bill (daily rows per capacity block, under its commitment, plus storage and network
// charges nobody has mapped) and loaded through the real importer, so the demo's actuals take the same
// path as a user's file.

export const BILLED_MONTHS = 3;

const FOCUS_PROVIDER: Record<string, { name: string; invoiceIssuer: string; key: string; region: string }> = {
  "Microsoft Azure": { name: "Microsoft", invoiceIssuer: "Microsoft", key: "azure", region: "eastus" },
  AWS: { name: "AWS", invoiceIssuer: "Amazon Web Services, Inc.", key: "aws", region: "us-east-1" },
  "Oracle OCI": { name: "Oracle", invoiceIssuer: "Oracle", key: "oci", region: "us-abilene-1" },
  "Google Cloud": { name: "Google Cloud", invoiceIssuer: "Google", key: "gcp", region: "us-central1" },
  CoreWeave: { name: "CoreWeave", invoiceIssuer: "CoreWeave, Inc.", key: "coreweave", region: "US-EAST-04" },
};

const HEADER = [
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "ChargeCategory",
  "ChargeFrequency",
  "PricingCategory",
  "ProviderName",
  "PublisherName",
  "InvoiceIssuerName",
  "RegionId",
  "ServiceCategory",
  "ServiceName",
  "SkuId",
  "ResourceId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "CommitmentDiscountId",
  "CommitmentDiscountStatus",
  "CapacityReservationId",
  "CapacityReservationStatus",
  "Tags",
];

type Block = {
  name: string;
  provider: string;
  family: string;
  quantity: number;
  startAt: string;
  endAt: string;
  pricingModel: "reserved" | "on_demand" | "spot";
  rate: string;
  currency: string;
  contractReference: string | null;
  capacityReservationId: string | null;
};

const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

function skuFor(providerKey: string, family: string): { skuId: string; perUnit: number } {
  const m = SKU_MAPPINGS.find((s) => s.provider === providerKey && s.family === family);
  return m ? { skuId: m.skuId, perUnit: Number(m.perUnit) } : { skuId: `${family.replace(/\s+/g, "-")}-accelerator-hour`, perUnit: 1 };
}

function blockRows(b: Block, day: Date, usedAh: Map<string, string>, billing: { start: Date; end: Date }): string[][] {
  const p = FOCUS_PROVIDER[b.provider]!;
  const from = new Date(Math.max(day.getTime(), Date.parse(b.startAt)));
  const to = new Date(Math.min(addDays(day, 1).getTime(), Date.parse(b.endAt)));
  const hours = (to.getTime() - from.getTime()) / 3_600_000;
  if (hours <= 0) return [];
  const reserved = b.pricingModel === "reserved";
  const ah = reserved ? new Dec(b.quantity).times(hours) : new Dec(usedAh.get(`${b.name}|${isoDay(day)}`) ?? 0);
  if (ah.isZero()) return [];
  const effective = ah.times(b.rate).toDecimalPlaces(6);
  const { skuId, perUnit } = skuFor(p.key, b.family);
  const committed = reserved && b.contractReference !== null;
  return [
    [
      `${p.key}-billing-001`,
      "Headroom Labs",
      b.currency,
      iso(billing.start),
      iso(billing.end),
      iso(day),
      iso(addDays(day, 1)),
      effective.toFixed(6),
      effective.toFixed(6),
      effective.times("1.45").toFixed(6),
      effective.times("1.12").toFixed(6),
      "Usage",
      "Usage-Based",
      committed ? "Committed" : b.pricingModel === "spot" ? "Dynamic" : "Standard",
      p.name,
      p.name,
      p.invoiceIssuer,
      p.region,
      "Compute",
      "GPU compute",
      skuId,
      `${p.key}:cluster/${b.name}`,
      ah.dividedBy(perUnit).toFixed(4),
      "Hours",
      committed ? b.contractReference! : "",
      committed ? "Used" : "",
      b.capacityReservationId ?? "",
      b.capacityReservationId ? "Used" : "",
      JSON.stringify({ "headroom-reservation": b.name, team: "training" }),
    ],
  ];
}

function overheadRows(provider: string, currency: string, month: Date, billing: { start: Date; end: Date }, scale: string): string[][] {
  const p = FOCUS_PROVIDER[provider]!;
  const end = addMonths(month, 1);
  const row = (service: string, category: string, sku: string, cost: string, qty: string, unit: string) => [
    `${p.key}-billing-001`,
    "Headroom Labs",
    currency,
    iso(billing.start),
    iso(billing.end),
    iso(month),
    iso(end),
    cost,
    cost,
    new Dec(cost).times("1.2").toFixed(6),
    cost,
    "Usage",
    "Usage-Based",
    "Standard",
    p.name,
    p.name,
    p.invoiceIssuer,
    p.region,
    category,
    service,
    sku,
    `${p.key}:${sku}`,
    qty,
    unit,
    "",
    "",
    "",
    "",
    JSON.stringify({ team: "platform" }),
  ];
  return [
    row(
      "Object storage",
      "Storage",
      "checkpoint-storage-hot",
      new Dec(scale).times("0.018").toFixed(6),
      new Dec(scale).times("0.9").toFixed(2),
      "GB-Months",
    ),
    row(
      "Data transfer",
      "Networking",
      "inter-region-egress",
      new Dec(scale).times("0.006").toFixed(6),
      new Dec(scale).times("0.3").toFixed(2),
      "GB",
    ),
  ];
}

/** The demo FOCUS files, one per cloud provider: deterministic from the seeded reservations and utilization. */
export async function demoFocusFiles(db: Db, monthOfAsOf: Date): Promise<{ fileName: string; csv: string }[]> {
  const first = addMonths(monthOfAsOf, -BILLED_MONTHS);
  const blocks = await queryRows<Block>(
    db,
    sql`select r.name, p.name as provider, a.family, r.quantity, to_char(r.start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startAt",
          to_char(r.end_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "endAt",
          r.pricing_model as "pricingModel", r.rate::text as rate, r.currency, c.reference as "contractReference",
          r.capacity_reservation_id as "capacityReservationId"
        from reservations r join providers p on p.id = r.provider_id join accelerator_types a on a.id = r.accelerator_type_id
        left join contracts c on c.id = r.contract_id
        where r.start_at < ${monthOfAsOf.toISOString()}::timestamptz and r.end_at > ${first.toISOString()}::timestamptz
          and (r.delivery_date is null or r.delivery_date < ${isoDay(monthOfAsOf)}::date)
        order by p.name, r.name`,
  );
  const used = await queryRows<{ key: string; usedAh: string }>(
    db,
    sql`select r.name || '|' || to_char(u.day, 'YYYY-MM-DD') as key, u.used_ah::text as "usedAh"
        from utilization_daily u join reservations r on r.id = u.reservation_id
        where r.pricing_model <> 'reserved' and u.day >= ${isoDay(first)}::date and u.day < ${isoDay(monthOfAsOf)}::date`,
  );
  const usedAh = new Map(used.map((u) => [u.key, u.usedAh]));
  const files: { fileName: string; csv: string }[] = [];
  for (const provider of Object.keys(FOCUS_PROVIDER)) {
    const mine = blocks.filter((b) => b.provider === provider && b.currency === "USD");
    if (mine.length === 0) continue;
    const lines = [csvLine(HEADER)];
    for (let m = 0; m < BILLED_MONTHS; m++) {
      const month = addMonths(first, m);
      const billing = { start: month, end: addMonths(month, 1) };
      let monthAh = 0;
      for (let day = month; day < billing.end; day = addDays(day, 1)) {
        for (const b of mine) {
          for (const r of blockRows(b, day, usedAh, billing)) {
            monthAh += Number(r[22]);
            lines.push(csvLine(r));
          }
        }
      }
      for (const r of overheadRows(provider, "USD", month, billing, String(Math.round(monthAh)))) lines.push(csvLine(r));
    }
    const key = FOCUS_PROVIDER[provider]!.key;
    files.push({
      fileName: `${key}-focus-${isoDay(first).slice(0, 7)}-to-${isoDay(addMonths(monthOfAsOf, -1)).slice(0, 7)}.csv`,
      csv: lines.join(""),
    });
  }
  return files;
}

/** Loads the demo billing through the FOCUS importer; returns the rows loaded. */
export async function loadDemoBilling(db: Db, monthOfAsOf: Date): Promise<number> {
  const ctx = systemCtx(db, "seed");
  let rows = 0;
  for (const file of await demoFocusFiles(db, monthOfAsOf)) {
    const result = await importFocus({ ctx, source: Readable.from([Buffer.from(file.csv, "utf8")]), fileName: file.fileName });
    if (result.status !== "succeeded") {
      throw new Error(
        `The demo billing file ${file.fileName} did not load: ${result.errors.map((e) => `line ${e.line} ${e.column ?? ""} ${e.message}`).join("; ")}`,
      );
    }
    rows += result.rows;
  }
  return rows;
}
