import { createRng, type Rng } from "./random";

// Realistic FOCUS 1.2 cost-and-usage rows at any scale, deterministic by seed, with the quirks real
// exports have: several providers, hourly (AWS, Oracle, Google, CoreWeave) and daily (Microsoft)
// rows, NULL / empty nulls, space or ISO timestamps, E-notation, quoted commas and quotes, Tags JSON,
// commitment Used / Unused rows with their purchase, capacity reservations, credits.

export const GENERATED_HEADER = [
  "AvailabilityZone",
  "BilledCost",
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "CapacityReservationId",
  "CapacityReservationStatus",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "ChargePeriodEnd",
  "ChargePeriodStart",
  "CommitmentDiscountCategory",
  "CommitmentDiscountId",
  "CommitmentDiscountName",
  "CommitmentDiscountQuantity",
  "CommitmentDiscountStatus",
  "CommitmentDiscountType",
  "CommitmentDiscountUnit",
  "ConsumedQuantity",
  "ConsumedUnit",
  "ContractedCost",
  "ContractedUnitPrice",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "ListUnitPrice",
  "PricingCategory",
  "PricingQuantity",
  "PricingUnit",
  "ProviderName",
  "PublisherName",
  "RegionId",
  "RegionName",
  "ResourceId",
  "ResourceName",
  "ResourceType",
  "ServiceCategory",
  "ServiceName",
  "SkuId",
  "SkuPriceid",
  "SubAccountId",
  "SubAccountName",
  "Tags",
  "x_SkuTerm",
  "x_CostCenter",
] as const;

type Provider = {
  name: string;
  issuer: string;
  hourly: boolean;
  isoTime: boolean;
  nullText: string;
  regions: [string, string][];
  skus: { id: string; type: string; service: string; category: string; pricePerHourE8: number; gpu: boolean }[];
};

const PROVIDERS: Provider[] = [
  {
    name: "AWS",
    issuer: "Amazon Web Services, Inc.",
    hourly: true,
    isoTime: false,
    nullText: "NULL",
    regions: [
      ["us-east-1", "US East (N. Virginia)"],
      ["us-west-2", "US West (Oregon)"],
      ["eu-west-1", "Europe (Ireland)"],
    ],
    skus: [
      {
        id: "p5.48xlarge",
        type: "Instance",
        service: "Amazon Elastic Compute Cloud",
        category: "Compute",
        pricePerHourE8: 9_832_000_000,
        gpu: true,
      },
      {
        id: "p4d.24xlarge",
        type: "Instance",
        service: "Amazon Elastic Compute Cloud",
        category: "Compute",
        pricePerHourE8: 3_277_000_000,
        gpu: true,
      },
      {
        id: "AmazonS3-TimedStorage",
        type: "Bucket",
        service: "Amazon Simple Storage Service",
        category: "Storage",
        pricePerHourE8: 3_100,
        gpu: false,
      },
    ],
  },
  {
    name: "Microsoft",
    issuer: "Microsoft",
    hourly: false,
    isoTime: true,
    nullText: "",
    regions: [
      ["eastus", "East US"],
      ["westeurope", "West Europe"],
    ],
    skus: [
      {
        id: "Standard_ND96isr_H100_v5",
        type: "Virtual machine",
        service: "Virtual Machines",
        category: "Compute",
        pricePerHourE8: 9_840_000_000,
        gpu: true,
      },
      { id: "Premium_SSD_P30", type: "Disk", service: "Storage", category: "Storage", pricePerHourE8: 1_860_000, gpu: false },
    ],
  },
  {
    name: "Oracle",
    issuer: "Oracle",
    hourly: true,
    isoTime: false,
    nullText: "",
    regions: [
      ["us-ashburn-1", "US East (Ashburn)"],
      ["us-sanjose-1", "us-sanjose-1"],
    ],
    skus: [{ id: "BM.GPU.H100.8", type: "Instance", service: "Compute", category: "Compute", pricePerHourE8: 8_000_000_000, gpu: true }],
  },
  {
    name: "Google Cloud",
    issuer: "Google LLC",
    hourly: true,
    isoTime: true,
    nullText: "null",
    regions: [
      ["us-central1", "Iowa"],
      ["europe-west4", "Netherlands"],
    ],
    skus: [
      { id: "a3-highgpu-8g", type: "Instance", service: "Compute Engine", category: "Compute", pricePerHourE8: 8_826_000_000, gpu: true },
      { id: "tpu-v5p", type: "TPU", service: "Cloud TPU", category: "AI and Machine Learning", pricePerHourE8: 420_000_000, gpu: true },
    ],
  },
  {
    name: "CoreWeave",
    issuer: "CoreWeave, Inc.",
    hourly: true,
    isoTime: true,
    nullText: "",
    regions: [["US-EAST-04", "US East 04"]],
    skus: [
      { id: "gd-8xh100ib-i128", type: "Instance", service: "GPU Compute", category: "Compute", pricePerHourE8: 4_952_000_000, gpu: true },
    ],
  },
];

const TEAMS = ["research", "inference", "platform", "safety", "data"];

function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An amount in units of 1e-8 as an exact decimal string, now and then in E-notation as exports do. */
function amount(unitsE8: number, rng: Rng, sci = true): string {
  if (sci && unitsE8 !== 0 && Math.abs(unitsE8) < 1000 && rng.chance(0.5)) return `${unitsE8}E-8`;
  const sign = unitsE8 < 0 ? "-" : "";
  const abs = Math.abs(unitsE8);
  const whole = Math.floor(abs / 1e8);
  const frac = String(abs % 1e8).padStart(8, "0");
  return `${sign}${whole}.${frac}`;
}

function time(ms: number, iso: boolean): string {
  const s = new Date(ms).toISOString();
  return iso ? `${s.slice(0, 19)}Z` : `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

export type GenerateOptions = { rows: number; seed?: number; month?: string; chunkRows?: number };

/** Yields the CSV text (header first) in chunks of about `chunkRows` rows. */
export function* generateFocusCsv({ rows, seed = 1, month = "2025-01", chunkRows = 2000 }: GenerateOptions): Generator<string> {
  const rng = createRng(seed);
  const periodStart = Date.parse(`${month}-01T00:00:00Z`);
  const next = new Date(periodStart);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const periodEnd = next.getTime();
  const hours = (periodEnd - periodStart) / 3_600_000;
  let chunk = GENERATED_HEADER.join(",") + "\n";
  let inChunk = 0;
  for (let i = 0; i < rows; i++) {
    const p = PROVIDERS[i % 10 < 5 ? 0 : i % 10 < 7 ? 1 : i % 10 < 8 ? 2 : i % 10 < 9 ? 3 : 4]!;
    chunk += row(p, i, rng, periodStart, periodEnd, hours) + "\n";
    if (++inChunk >= chunkRows) {
      yield chunk;
      chunk = "";
      inChunk = 0;
    }
  }
  if (chunk) yield chunk;
}

function row(p: Provider, i: number, rng: Rng, periodStart: number, periodEnd: number, hours: number): string {
  const N = p.nullText;
  const [regionId, regionName] = rng.pick(p.regions);
  const sku = rng.pick(p.skus);
  const slot = rng.int(0, p.hourly ? hours - 1 : hours / 24 - 1);
  const step = p.hourly ? 3_600_000 : 86_400_000;
  const start = periodStart + slot * step;
  const quantity = p.hourly ? 1 : 24;
  const account = `acct-${p.name.slice(0, 3).toLowerCase()}-${rng.int(1, 4)}`;
  const resource = `${p.name.toLowerCase().replace(/\s/g, "")}-${sku.id.toLowerCase().replace(/[^a-z0-9]/g, "")}-${rng.int(1, 400)}`;
  const team = rng.pick(TEAMS);
  const tags = rng.chance(0.8)
    ? csvQuote(JSON.stringify({ team, env: rng.pick(["prod", "dev"]), "cost-center": `cc-${rng.int(1000, 1099)}`, note: 'say "hi", ok' }))
    : N;
  const listE8 = sku.pricePerHourE8 * quantity;
  const contractedE8 = Math.round(listE8 * 0.9);
  let category = "Usage";
  let frequency = "Usage-Based";
  let pricing = "Standard";
  let billed = contractedE8;
  let effective = contractedE8;
  let consumed: string = String(quantity);
  let cd = { id: N, name: N, category: N, type: N, status: N, qty: N, unit: N };
  let cr = { id: N, status: N };
  let description = `${sku.id} usage, ${regionName} (per ${p.hourly ? "hour" : "day"})`;
  let resourceId = resource;
  const kind = rng.next();
  const commitment = `${p.name.toLowerCase().replace(/\s/g, "")}-commit-${(i % 7) + 1}`;
  if (sku.gpu && kind < 0.25) {
    const used = rng.chance(0.85);
    pricing = "Committed";
    billed = 0;
    effective = Math.round(listE8 * 0.6);
    cd = {
      id: commitment,
      name: `GPU commitment ${(i % 7) + 1}`,
      category: "Usage",
      type: "Reserved Instance",
      status: used ? "Used" : "Unused",
      qty: String(quantity),
      unit: "Hours",
    };
    if (!used) {
      consumed = N;
      resourceId = commitment;
      description = `Unused commitment ${commitment}`;
    }
  } else if (sku.gpu && kind < 0.3) {
    const used = rng.chance(0.9);
    cr = { id: `cr-${p.name.slice(0, 2).toLowerCase()}-${(i % 5) + 1}`, status: used ? "Used" : "Unused" };
    if (!used) consumed = N;
  } else if (kind < 0.302) {
    category = "Purchase";
    frequency = "Recurring";
    billed = Math.round(listE8 * 0.6);
    effective = 0;
    cd = {
      id: commitment,
      name: `GPU commitment ${(i % 7) + 1}`,
      category: "Usage",
      type: "Reserved Instance",
      status: N,
      qty: String(quantity),
      unit: "Hours",
    };
    description = `Recurring fee for ${commitment}, ${regionName}`;
  } else if (kind < 0.31) {
    category = "Credit";
    frequency = "One-Time";
    billed = -rng.int(1, 5_000_000_000);
    effective = billed;
    consumed = N;
    description = 'Promotional credit "AI startup", applied';
  } else if (kind < 0.33) {
    billed = rng.int(1, 999);
    effective = billed;
  }
  const end = start + step;
  const fields = [
    rng.chance(0.5) ? `${regionId}a` : N,
    amount(billed, rng),
    csvQuote(account),
    csvQuote(`${p.name} billing, main`),
    "USD",
    time(periodEnd, p.isoTime),
    time(periodStart, p.isoTime),
    cr.id,
    cr.status,
    category,
    N,
    csvQuote(description),
    frequency,
    time(end, p.isoTime),
    time(start, p.isoTime),
    cd.category,
    cd.id,
    csvQuote(cd.name),
    cd.qty,
    cd.status,
    csvQuote(cd.type),
    cd.unit,
    consumed,
    "Hours",
    amount(category === "Credit" ? billed : contractedE8, rng, false),
    amount(Math.round(sku.pricePerHourE8 * 0.9), rng, false),
    amount(effective, rng),
    csvQuote(p.issuer),
    amount(category === "Credit" ? 0 : listE8, rng, false),
    `"${amount(sku.pricePerHourE8, rng, false)}"`,
    pricing,
    String(quantity),
    "Hours",
    csvQuote(p.name),
    csvQuote(p.name),
    regionId,
    csvQuote(regionName),
    resourceId,
    csvQuote(`${team}-${sku.id}`),
    csvQuote(sku.type),
    csvQuote(sku.category),
    csvQuote(sku.service),
    sku.id,
    `${sku.id}-${pricing.toLowerCase()}`,
    account,
    csvQuote(`${team}, ${p.name}`),
    tags,
    pricing === "Committed" ? "12" : N,
    `cc-${rng.int(1000, 1099)}`,
  ];
  return fields.join(",");
}
