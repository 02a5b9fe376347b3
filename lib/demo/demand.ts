import type { Executor } from "@/lib/db/client";
import { demandPlans, scenarios } from "@/lib/db/schema";
import type { CatalogIds, Family } from "./catalog";
import { SEED_ACTOR } from "./constants";
import { isoDay } from "@/lib/metrics/calendar";
import { monthDay } from "./dates";
import type { WorkloadKind } from "@/lib/enums";
import { PLAN_WORKLOADS } from "./teams";

type DemandSeed = {
  name: string;
  kind: WorkloadKind;
  family: Family;
  accelerators?: number;
  h100Equivalents?: string;
  fromMonth: number;
  toMonth: number;
  priority: number;
  scenario?: string;
  notes?: string;
};

export const SCENARIOS = [
  {
    name: "Baseline +30 % demand",
    description: "Every workload grows 30 % faster than the baseline forecast.",
    overrides: { demandGrowthPct: "30" },
  },
  { name: "Slow growth +10 % demand", description: "Inference adoption slower than planned.", overrides: { demandGrowthPct: "10" } },
] as const;

// Months relative to the month of asOf.
export const DEMAND_PLANS: readonly DemandSeed[] = [
  {
    name: "Frontier pretraining run F-7",
    kind: "training",
    family: "GB200",
    accelerators: 32_768,
    fromMonth: 2,
    toMonth: 8,
    priority: 1,
    notes: "Single job across Abilene and Fairwater Atlanta.",
  },
  {
    name: "Chat inference growth",
    kind: "inference",
    family: "H200",
    h100Equivalents: "12000.00",
    fromMonth: -3,
    toMonth: 12,
    priority: 1,
  },
  { name: "Open-weights serving", kind: "inference", family: "MI300X", accelerators: 6_144, fromMonth: -1, toMonth: 11, priority: 2 },
  { name: "Post-training RL", kind: "training", family: "B200", accelerators: 8_192, fromMonth: 1, toMonth: 7, priority: 2 },
  { name: "Multimodal research", kind: "research", family: "TPU v5p", accelerators: 4_096, fromMonth: 0, toMonth: 9, priority: 3 },
  {
    name: "Embeddings and batch scoring",
    kind: "inference",
    family: "Trainium2",
    accelerators: 8_000,
    fromMonth: -2,
    toMonth: 10,
    priority: 4,
  },
  { name: "Code model fine-tunes", kind: "training", family: "H100", h100Equivalents: "4000.00", fromMonth: 0, toMonth: 6, priority: 3 },
  {
    name: "Agents launch (upside)",
    kind: "inference",
    family: "H200",
    accelerators: 10_240,
    fromMonth: 3,
    toMonth: 14,
    priority: 2,
    scenario: "Baseline +30 % demand",
  },
];

export async function insertScenariosAndDemand(
  tx: Executor,
  catalog: CatalogIds,
  m0: Date,
  workloadIds: ReadonlyMap<string, string>,
): Promise<number> {
  const scenarioRows = await tx
    .insert(scenarios)
    .values(SCENARIOS.map((s) => ({ ...s, updatedBy: SEED_ACTOR })))
    .returning({ id: scenarios.id, name: scenarios.name });
  const scenarioIds = new Map(scenarioRows.map((s) => [s.name, s.id]));
  await tx.insert(demandPlans).values(
    DEMAND_PLANS.map((d) => ({
      name: d.name,
      kind: d.kind,
      workloadId: PLAN_WORKLOADS[d.name] ? (workloadIds.get(PLAN_WORKLOADS[d.name]!) ?? null) : null,
      scenarioId: d.scenario ? scenarioIds.get(d.scenario)! : null,
      acceleratorFamily: d.family,
      acceleratorTypeId: catalog.accelerators.get(d.family)!,
      accelerators: d.accelerators ?? null,
      h100Equivalents: d.h100Equivalents ?? null,
      startDate: isoDay(monthDay(m0, d.fromMonth)),
      endDate: isoDay(monthDay(m0, d.toMonth)),
      priority: d.priority,
      notes: d.notes ?? null,
      updatedBy: SEED_ACTOR,
    })),
  );
  return DEMAND_PLANS.length;
}
