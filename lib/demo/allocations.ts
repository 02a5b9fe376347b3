import type { Executor } from "@/lib/db/client";
import { allocations } from "@/lib/db/schema";
import type { Family } from "./catalog";
import { SEED_ACTOR } from "./constants";
import { monthDay } from "./dates";
import type { ReservationPlan } from "./reservation-plan";
import { WORKLOADS } from "./teams";

// How the demo lab splits its committed blocks: training chips mostly to pre-training, serving chips to the two
// inference products, a slice of H100 resold to the external customer while its contract runs, and the rest left
// in the free pool (so showback has an unallocated column to show). Pay-per-use blocks are not allocated.
const TRAINING: readonly [string, number][] = [
  ["Frontier pre-training", 0.6],
  ["Post-training and fine-tunes", 0.25],
];
const SERVING: readonly [string, number][] = [
  ["Chat inference", 0.45],
  ["API inference", 0.3],
  ["Multimodal research", 0.1],
];
export const DEMO_SPLITS: Readonly<Record<Family, readonly [string, number][]>> = {
  GB200: TRAINING,
  B200: TRAINING,
  "TPU v5p": TRAINING,
  Trainium2: TRAINING,
  MI325X: TRAINING,
  H100: [...SERVING.slice(0, 2), ["Northwind Robotics (resold capacity)", 0.1], ["Cluster platform and evals", 0.05]],
  H200: SERVING,
  MI300X: SERVING,
  "TPU v6e": SERVING,
  "CS-3": [["Multimodal research", 0.5]],
};

type Planned = { reservation: string; workload: string; quantity: number; startAt: Date; endAt: Date | null };

/** The demo allocations: each reserved block split by its family's shares, within both the block's term and the workload's active period. */
export function planAllocations(blocks: readonly ReservationPlan[], m0: Date): Planned[] {
  const workloads = new Map(WORKLOADS.map((w) => [w.name, w]));
  return blocks.flatMap((b) => {
    if (b.pricingModel !== "reserved") return [];
    return DEMO_SPLITS[b.family].flatMap(([name, share]) => {
      const w = workloads.get(name)!;
      const from = monthDay(m0, w.fromMonth);
      const to = w.toMonth === undefined ? null : monthDay(m0, w.toMonth);
      const startAt = from > b.startAt ? from : b.startAt;
      const endAt = to && to < b.endAt ? to : null;
      const quantity = Math.floor(b.quantity * share);
      if (quantity < 1 || startAt >= (endAt ?? b.endAt)) return [];
      return [{ reservation: b.name, workload: name, quantity, startAt, endAt }];
    });
  });
}

export async function insertAllocations(
  tx: Executor,
  planned: readonly Planned[],
  ids: { reservations: Map<string, string>; workloads: Map<string, string> },
): Promise<number> {
  if (planned.length === 0) return 0;
  await tx.insert(allocations).values(
    planned.map((a) => ({
      reservationId: ids.reservations.get(a.reservation)!,
      workloadId: ids.workloads.get(a.workload)!,
      quantity: a.quantity,
      startAt: a.startAt,
      endAt: a.endAt,
      updatedBy: SEED_ACTOR,
    })),
  );
  return planned.length;
}
