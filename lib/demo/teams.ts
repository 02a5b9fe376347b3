import type { Executor } from "@/lib/db/client";
import { teams, workloads } from "@/lib/db/schema";
import type { WorkloadKind } from "@/lib/enums";
import { isoDay } from "@/lib/metrics/calendar";
import { SEED_ACTOR } from "./constants";
import { monthDay } from "./dates";

type TeamSeed = { name: string; costCentre: string; parent?: string };

// Parents before their sub-teams.
export const TEAMS: readonly TeamSeed[] = [
  { name: "Research", costCentre: "CC-1000" },
  { name: "Pre-training", costCentre: "CC-1100", parent: "Research" },
  { name: "Post-training", costCentre: "CC-1200", parent: "Research" },
  { name: "Product", costCentre: "CC-2000" },
  { name: "Inference-Chat", costCentre: "CC-2100", parent: "Product" },
  { name: "Inference-API", costCentre: "CC-2200", parent: "Product" },
  { name: "Platform", costCentre: "CC-3000" },
];

type WorkloadSeed = {
  name: string;
  kind: WorkloadKind;
  team: string;
  /** Months relative to the month of asOf; `toMonth` undefined = open-ended. */
  fromMonth: number;
  toMonth?: number;
  salePrice?: string;
  notes?: string;
};

export const WORKLOADS: readonly WorkloadSeed[] = [
  { name: "Frontier pre-training", kind: "training", team: "Pre-training", fromMonth: -12 },
  { name: "Post-training and fine-tunes", kind: "training", team: "Post-training", fromMonth: -12 },
  { name: "Chat inference", kind: "inference", team: "Inference-Chat", fromMonth: -12 },
  { name: "API inference", kind: "inference", team: "Inference-API", fromMonth: -12 },
  { name: "Multimodal research", kind: "research", team: "Research", fromMonth: -6 },
  { name: "Cluster platform and evals", kind: "platform", team: "Platform", fromMonth: -12 },
  {
    name: "Northwind Robotics (resold capacity)",
    kind: "external",
    team: "Platform",
    fromMonth: -2,
    toMonth: 10,
    salePrice: "3.400000",
    notes: "A customer renting idle H100 capacity by the accelerator-hour.",
  },
];

/** Which workload each demo demand plan belongs to (lib/demo/demand.ts names the plans). */
export const PLAN_WORKLOADS: Readonly<Record<string, string>> = {
  "Frontier pretraining run F-7": "Frontier pre-training",
  "Chat inference growth": "Chat inference",
  "Open-weights serving": "API inference",
  "Post-training RL": "Post-training and fine-tunes",
  "Multimodal research": "Multimodal research",
  "Embeddings and batch scoring": "API inference",
  "Code model fine-tunes": "Post-training and fine-tunes",
  "Agents launch (upside)": "Chat inference",
};

/** Inserts the demo teams and workloads; returns the workload ids by name. */
export async function insertTeamsAndWorkloads(tx: Executor, m0: Date): Promise<Map<string, string>> {
  const teamIds = new Map<string, string>();
  for (const t of TEAMS) {
    const [row] = await tx
      .insert(teams)
      .values({ name: t.name, costCentre: t.costCentre, parentId: t.parent ? teamIds.get(t.parent)! : null, updatedBy: SEED_ACTOR })
      .returning({ id: teams.id });
    teamIds.set(t.name, row!.id);
  }
  const rows = await tx
    .insert(workloads)
    .values(
      WORKLOADS.map((w) => ({
        name: w.name,
        kind: w.kind,
        teamId: teamIds.get(w.team)!,
        activeFrom: isoDay(monthDay(m0, w.fromMonth)),
        activeTo: w.toMonth === undefined ? null : isoDay(monthDay(m0, w.toMonth)),
        salePrice: w.salePrice ?? null,
        currency: w.salePrice ? "USD" : null,
        notes: w.notes ?? null,
        updatedBy: SEED_ACTOR,
      })),
    )
    .returning({ id: workloads.id, name: workloads.name });
  return new Map(rows.map((r) => [r.name, r.id]));
}
