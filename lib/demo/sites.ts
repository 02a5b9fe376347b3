import type { Executor } from "@/lib/db/client";
import { sites } from "@/lib/db/schema";
import type { CatalogIds, Family, ProviderKey } from "./catalog";
import { SEED_ACTOR } from "./constants";

export type SiteSeed = {
  name: string;
  provider: ProviderKey;
  code: string;
  regionCode: string;
  country: string;
  pue: string;
  utcOffset: number;
  blocks: number;
  mix: readonly { value: Family; weight: number }[];
  // Exponent on the start-month draw: below 1 the site's blocks start later (a site still ramping up).
  startBias: number;
  // Sites whose power contract lags the capacity already ordered: the last budget phase is set to
  // this share of the projected peak, so the power view has a real over-budget month to flag.
  budgetShortfall?: number;
};

export const SITES: readonly SiteSeed[] = [
  {
    name: "Fairwater Atlanta",
    startBias: 0.6,
    provider: "azure",
    code: "ATL",
    regionCode: "eastus2",
    country: "US",
    pue: "1.12",
    utcOffset: -5,
    blocks: 24,
    mix: [
      { value: "GB200", weight: 6 },
      { value: "H200", weight: 2 },
      { value: "H100", weight: 1 },
    ],
  },
  {
    name: "Sweden Central Gävle",
    startBias: 0.9,
    provider: "azure",
    code: "SEC",
    regionCode: "swedencentral",
    country: "SE",
    pue: "1.15",
    utcOffset: 1,
    blocks: 10,
    mix: [
      { value: "H100", weight: 3 },
      { value: "H200", weight: 2 },
      { value: "MI300X", weight: 3 },
    ],
  },
  {
    name: "Abilene",
    startBias: 0.45,
    provider: "oci",
    code: "ABI",
    regionCode: "us-abilene-1",
    country: "US",
    pue: "1.25",
    utcOffset: -6,
    blocks: 22,
    budgetShortfall: 0.86,
    mix: [
      { value: "GB200", weight: 8 },
      { value: "H200", weight: 1 },
      { value: "MI300X", weight: 1 },
      { value: "B200", weight: 1 },
    ],
  },
  {
    name: "us-east-1 Ashburn",
    startBias: 0.8,
    provider: "aws",
    code: "IAD",
    regionCode: "us-east-1",
    country: "US",
    pue: "1.20",
    utcOffset: -5,
    blocks: 16,
    mix: [
      { value: "H100", weight: 3 },
      { value: "H200", weight: 3 },
      { value: "B200", weight: 3 },
    ],
  },
  {
    name: "Rainier New Carlisle",
    startBias: 0.6,
    provider: "aws",
    code: "RNR",
    regionCode: "us-east-2",
    country: "US",
    pue: "1.15",
    utcOffset: -5,
    blocks: 14,
    mix: [{ value: "Trainium2", weight: 1 }],
  },
  {
    name: "Council Bluffs",
    startBias: 0.8,
    provider: "gcp",
    code: "CBF",
    regionCode: "us-central1",
    country: "US",
    pue: "1.10",
    utcOffset: -6,
    blocks: 16,
    mix: [
      { value: "TPU v5p", weight: 4 },
      { value: "TPU v6e", weight: 3 },
      { value: "H100", weight: 1 },
      { value: "B200", weight: 2 },
    ],
  },
  {
    name: "Eemshaven",
    startBias: 1.0,
    provider: "gcp",
    code: "EEM",
    regionCode: "europe-west4",
    country: "NL",
    pue: "1.10",
    utcOffset: 1,
    blocks: 8,
    mix: [
      { value: "TPU v6e", weight: 3 },
      { value: "H100", weight: 1 },
    ],
  },
  {
    name: "Plano",
    startBias: 0.8,
    provider: "coreweave",
    code: "PLN",
    regionCode: "us-central-03",
    country: "US",
    pue: "1.30",
    utcOffset: -6,
    blocks: 22,
    mix: [
      { value: "H100", weight: 3 },
      { value: "H200", weight: 3 },
      { value: "B200", weight: 2 },
      { value: "GB200", weight: 3 },
    ],
  },
  {
    name: "Headroom Ridge",
    startBias: 0.5,
    provider: "owned",
    code: "RDG",
    regionCode: "own-us-west-1",
    country: "US",
    pue: "1.18",
    utcOffset: -7,
    blocks: 12,
    budgetShortfall: 0.93,
    mix: [
      { value: "H100", weight: 2 },
      { value: "B200", weight: 3 },
      { value: "MI325X", weight: 2 },
    ],
  },
  {
    name: "Reno Citadel",
    startBias: 0.9,
    provider: "switch",
    code: "RNO",
    regionCode: "us-west-reno",
    country: "US",
    pue: "1.35",
    utcOffset: -8,
    blocks: 8,
    mix: [
      { value: "CS-3", weight: 3 },
      { value: "MI325X", weight: 2 },
    ],
  },
];

export async function insertSites(tx: Executor, catalog: CatalogIds): Promise<Map<string, string>> {
  const rows = await tx
    .insert(sites)
    .values(
      SITES.map((s) => ({
        name: s.name,
        providerId: catalog.providers.get(s.provider)!,
        regionCode: s.regionCode,
        country: s.country,
        pue: s.pue,
        updatedBy: SEED_ACTOR,
      })),
    )
    .returning({ id: sites.id, name: sites.name });
  return new Map(rows.map((r) => [r.name, r.id]));
}
