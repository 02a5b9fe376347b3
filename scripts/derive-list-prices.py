#!/usr/bin/env python3
"""Derives lib/demo/list-prices.ts from the price catalogs in shared/data/prices (see its SOURCES.md).

Run once by hand when the catalogs change: python3 scripts/derive-list-prices.py ../shared/data/prices > lib/demo/list-prices.ts
Only accelerators of the demo catalog are kept; prices are USD per accelerator-hour = instance price ÷ accelerators,
rounded half-up to six decimals (the offers' scale). The seed reads the small module, never the 4 MB catalogs.
"""
import csv
import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

root = Path(sys.argv[1])
rows = []  # (provider, family, region, model, term, rate, step, note)


def per_gpu(price, count):
    return (Decimal(price) / Decimal(count)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


def zones(n):
    return f"{n} zone" if n == 1 else f"{n} zones"


def add(provider, family, region, model, term, rate, step, note):
    if rate is None or rate <= 0:
        return
    rows.append((provider, family, region, model, term, f"{rate.normalize():f}", step, note))


# Google Cloud A3 (H100 80 GB): on demand, spot, 1- and 3-year committed use, per GPU-hour (bundled vCPU/RAM/SSD included).
path = "gcp/gcp_gpu_instances_derived.csv"
with open(root / path, newline="") as f:
    for r in csv.DictReader(f):
        if r["instance_type"] not in ("a3-highgpu-8g", "a3-megagpu-8g"):
            continue
        note = f"{path}: {r['instance_type']} in {r['region']}"
        for model, term, col in (
            ("on_demand", None, "ondemand_usd_per_gpu_hour"),
            ("spot", None, "spot_usd_per_gpu_hour"),
            ("reserved", 12, "cud_1y_usd_per_gpu_hour"),
            ("reserved", 36, "cud_3y_usd_per_gpu_hour"),
        ):
            if r[col]:
                label = {12: ", 1-year committed use", 36: ", 3-year committed use"}.get(term, "")
                add("gcp", "H100", r["region"], model, term, Decimal(r[col]).quantize(Decimal("0.000001")), 8, note + label)

# Google Cloud TPU v5p and v6e per chip-hour.
path = "gpuhunt/tpu_pricing.json"
tpu = json.loads((root / path).read_text())
for kind in ("TPU v5p", "TPU v6e"):
    for region, p in tpu[kind].items():
        note = f"{path}: {kind} in {region} ({p['Location']})"
        add("gcp", kind, region, "on_demand", None, Decimal(str(p["On Demand (USD)"])), 4, note)
        add("gcp", kind, region, "spot", None, Decimal(str(p["Spot (USD)"])), 4, note)

# AWS p5.48xlarge (8 × H100): on demand once per region; spot the lowest over the region's zones.
path = "skypilot/v8/aws/vms.csv"
aws = {}
with open(root / path, newline="") as f:
    for r in csv.DictReader(f):
        if r["InstanceType"] != "p5.48xlarge":
            continue
        a = aws.setdefault(r["Region"], {"price": r["Price"], "count": r["AcceleratorCount"], "spot": []})
        if r["SpotPrice"]:
            a["spot"].append(Decimal(r["SpotPrice"]))
for region, a in sorted(aws.items()):
    note = f"{path}: p5.48xlarge in {region}"
    add("aws", "H100", region, "on_demand", None, per_gpu(a["price"], Decimal(a["count"])), 8, note)
    if a["spot"]:
        add("aws", "H100", region, "spot", None, per_gpu(min(a["spot"]), Decimal(a["count"])), 8, f"{note}, lowest spot of {zones(len(a['spot']))}")

# OCI bare-metal GPU shapes and Nebius 8-GPU shapes.
for provider, path, shapes in (
    ("oci", "skypilot/v8/oci/vms.csv", {"H100": "H100", "H200": "H200", "B200": "B200", "GB200": "GB200", "MI300X": "MI300X"}),
    ("nebius", "skypilot/v8/nebius/vms.csv", {"H100": "H100", "H200": "H200", "B200": "B200"}),
):
    with open(root / path, newline="") as f:
        for r in csv.DictReader(f):
            family = shapes.get(r["AcceleratorName"])
            if not family or not r["InstanceType"].startswith(("BM.GPU.", "gpu-")) or "_1gpu" in r["InstanceType"]:
                continue
            count = Decimal(r["AcceleratorCount"])
            note = f"{path}: {r['InstanceType']} in {r['Region']}"
            add(provider, family, r["Region"], "on_demand", None, per_gpu(r["Price"], count), int(count), note)
            if r["SpotPrice"]:
                add(provider, family, r["Region"], "spot", None, per_gpu(r["SpotPrice"], count), int(count), note)

print("""import type { Family } from "./catalog";

// List prices per accelerator-hour (USD) of the demo's accelerators, derived from the catalogs in shared/data/prices
// by scripts/derive-list-prices.py (provenance and licences in shared/data/prices/SOURCES.md). Generated: do not edit.

export type ListPriceProvider = "gcp" | "aws" | "oci" | "nebius";
export type ListPrice = {
  provider: ListPriceProvider;
  family: Family;
  region: string;
  model: "on_demand" | "spot" | "reserved";
  termMonths: number | null;
  rate: string;
  step: number;
  note: string;
};

// provider | family | region | pricing model | term months | USD per accelerator-hour | step | source file and row
const ROWS = `""")
for p, fam, region, model, term, rate, step, note in rows:
    print("|".join([p, fam, region, model, "" if term is None else str(term), rate, str(step), note]))
print("""`;

export const LIST_PRICES: readonly ListPrice[] = ROWS.trim().split("\\n").map((line) => {
  const [provider, family, region, model, term, rate, step, note] = line.split("|") as [string, string, string, string, string, string, string, string];
  return {
    provider: provider as ListPriceProvider,
    family: family as Family,
    region,
    model: model as ListPrice["model"],
    termMonths: term ? Number(term) : null,
    rate,
    step: Number(step),
    note,
  };
});""")
