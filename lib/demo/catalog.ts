import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, providers } from "@/lib/db/schema";
import { nameplateH100e } from "@/lib/metrics/h100e";
import { SEED_ACTOR } from "./constants";

export type ProviderKey = "azure" | "oci" | "aws" | "gcp" | "coreweave" | "owned" | "switch" | "nebius";
export type Family = "H100" | "H200" | "B200" | "GB200" | "MI300X" | "MI325X" | "Trainium2" | "TPU v5p" | "TPU v6e" | "CS-3";

type ProviderSeed = { key: ProviderKey; name: string; kind: "hyperscaler" | "neocloud" | "colo" | "owned"; code: string };

export const PROVIDERS: readonly ProviderSeed[] = [
  { key: "azure", name: "Microsoft Azure", kind: "hyperscaler", code: "AZ" },
  { key: "oci", name: "Oracle OCI", kind: "hyperscaler", code: "OCI" },
  { key: "aws", name: "AWS", kind: "hyperscaler", code: "AWS" },
  { key: "gcp", name: "Google Cloud", kind: "hyperscaler", code: "GCP" },
  { key: "coreweave", name: "CoreWeave", kind: "neocloud", code: "CW" },
  { key: "owned", name: "Headroom Owned", kind: "owned", code: "HR" },
  { key: "switch", name: "Switch", kind: "colo", code: "SW" },
  // No capacity of ours yet: its list prices are in the offers register.
  { key: "nebius", name: "Nebius", kind: "neocloud", code: "NB" },
];

type AcceleratorSeed = {
  family: Family;
  name: string;
  vendor: string;
  code: string;
  memoryGb: string;
  bf16Tflops: string;
  fp8Tflops: string | null;
  tdpW: number | null;
  systemW: number;
  h100Equivalent?: string;
};

// Specs from shared/data/accelerators.md. systemW (whole-server share per accelerator: CPUs, NICs,
// fans, switches) are engineering estimates, editable in the catalog.
export const ACCELERATORS: readonly AcceleratorSeed[] = [
  {
    family: "H100",
    name: "NVIDIA H100 SXM",
    vendor: "NVIDIA",
    code: "H100",
    memoryGb: "80",
    bf16Tflops: "989.4",
    fp8Tflops: "1979",
    tdpW: 700,
    systemW: 1275,
  },
  {
    family: "H200",
    name: "NVIDIA H200 SXM",
    vendor: "NVIDIA",
    code: "H200",
    memoryGb: "141",
    bf16Tflops: "989.4",
    fp8Tflops: "1979",
    tdpW: 700,
    systemW: 1300,
  },
  {
    family: "B200",
    name: "NVIDIA B200",
    vendor: "NVIDIA",
    code: "B200",
    memoryGb: "180",
    bf16Tflops: "2250",
    fp8Tflops: "4500",
    tdpW: 1000,
    systemW: 1800,
  },
  {
    family: "GB200",
    name: "NVIDIA GB200",
    vendor: "NVIDIA",
    code: "GB200",
    memoryGb: "186",
    bf16Tflops: "2500",
    fp8Tflops: "5000",
    tdpW: 1200,
    systemW: 2300,
  },
  {
    family: "MI300X",
    name: "AMD Instinct MI300X",
    vendor: "AMD",
    code: "MI300X",
    memoryGb: "192",
    bf16Tflops: "1300",
    fp8Tflops: "2600",
    tdpW: 750,
    systemW: 1250,
  },
  {
    family: "MI325X",
    name: "AMD Instinct MI325X",
    vendor: "AMD",
    code: "MI325X",
    memoryGb: "256",
    bf16Tflops: "1307.4",
    fp8Tflops: "2614.9",
    tdpW: 1000,
    systemW: 1650,
  },
  {
    family: "Trainium2",
    name: "AWS Trainium2",
    vendor: "AWS",
    code: "TRN2",
    memoryGb: "96",
    bf16Tflops: "667",
    fp8Tflops: "1299",
    tdpW: null,
    systemW: 800,
  },
  {
    family: "TPU v5p",
    name: "Google Cloud TPU v5p",
    vendor: "Google",
    code: "V5P",
    memoryGb: "95",
    bf16Tflops: "459",
    fp8Tflops: null,
    tdpW: null,
    systemW: 700,
  },
  {
    family: "TPU v6e",
    name: "Google Cloud TPU v6e",
    vendor: "Google",
    code: "V6E",
    memoryGb: "32",
    bf16Tflops: "918",
    fp8Tflops: null,
    tdpW: null,
    systemW: 500,
  },
  // One CS-3 system (WSE-3, 44 GB on-chip SRAM, vendor headline 125 PFLOPS, ~23 kW): the H100e factor of 20
  // is an estimate from published training throughput, not from FLOPs.
  {
    family: "CS-3",
    name: "Cerebras CS-3",
    vendor: "Cerebras",
    code: "CS3",
    memoryGb: "44",
    bf16Tflops: "125000",
    fp8Tflops: null,
    tdpW: null,
    systemW: 23000,
    h100Equivalent: "20",
  },
];

export function h100Equivalent(a: AcceleratorSeed): string {
  return a.h100Equivalent ?? nameplateH100e(a.bf16Tflops).toFixed(4);
}

export function accelerator(family: Family): AcceleratorSeed {
  const found = ACCELERATORS.find((a) => a.family === family);
  if (!found) throw new Error(`Unknown accelerator family ${family}`);
  return found;
}

export function provider(key: ProviderKey): ProviderSeed {
  const found = PROVIDERS.find((p) => p.key === key);
  if (!found) throw new Error(`Unknown provider ${key}`);
  return found;
}

export type CatalogIds = { providers: Map<ProviderKey, string>; accelerators: Map<Family, string> };

export async function insertCatalog(tx: Executor): Promise<CatalogIds> {
  const providerRows = await tx
    .insert(providers)
    .values(PROVIDERS.map((p) => ({ name: p.name, kind: p.kind, updatedBy: SEED_ACTOR })))
    .returning({ id: providers.id, name: providers.name });
  const acceleratorRows = await tx
    .insert(acceleratorTypes)
    .values(
      ACCELERATORS.map((a) => ({
        name: a.name,
        vendor: a.vendor,
        family: a.family,
        memoryGb: a.memoryGb,
        bf16Tflops: a.bf16Tflops,
        fp8Tflops: a.fp8Tflops,
        tdpW: a.tdpW,
        systemW: a.systemW,
        h100Equivalent: h100Equivalent(a),
        updatedBy: SEED_ACTOR,
      })),
    )
    .returning({ id: acceleratorTypes.id, family: acceleratorTypes.family });
  return {
    providers: new Map(PROVIDERS.map((p) => [p.key, providerRows.find((r) => r.name === p.name)!.id])),
    accelerators: new Map(acceleratorRows.map((r) => [r.family as Family, r.id])),
  };
}
