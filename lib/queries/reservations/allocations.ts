import { and, asc, eq, isNull } from "drizzle-orm";
import { allocations, reservations, teams, workloads } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { allocatedAh, allocatedAt, freePoolAh, type AllocationSpan } from "@/lib/metrics/allocation";
import { capacityAh } from "@/lib/metrics/capacity";
import type { Dec } from "@/lib/metrics/decimal";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export type BlockAllocationRow = {
  id: string;
  version: number;
  workloadId: string;
  workloadName: string;
  workloadKind: string;
  teamName: string;
  quantity: number;
  startAt: Date;
  endAt: Date | null;
  notes: string | null;
  /** Accelerator-hours of the block's term this allocation holds. */
  allocatedAh: Dec;
};

export type BlockAllocations = {
  rows: BlockAllocationRow[];
  /** Accelerators allocated and free at `asOf` (free = the block's quantity when it is outside its term). */
  now: { allocated: number; free: number };
  /** Over the block's whole term: capacity_AH, allocated AH and the free pool. */
  term: { capacityAh: Dec; allocatedAh: Dec; freeAh: Dec };
  /** Active workloads an allocation can go to. */
  workloadOptions: { id: string; name: string; teamName: string }[];
};

/** The active allocations of one block, its free pool now and over its term (PRODUCT.md §3 allocation). */
export async function getBlockAllocations(ctx: Ctx, reservationId: string, asOf: Date): Promise<BlockAllocations> {
  requirePermission(ctx, "app.read");
  const [[block], rows, options] = await Promise.all([
    ctx.db.select().from(reservations).where(eq(reservations.id, reservationId)),
    ctx.db
      .select({
        id: allocations.id,
        version: allocations.version,
        workloadId: allocations.workloadId,
        workloadName: workloads.name,
        workloadKind: workloads.kind,
        teamName: teams.name,
        quantity: allocations.quantity,
        startAt: allocations.startAt,
        endAt: allocations.endAt,
        notes: allocations.notes,
      })
      .from(allocations)
      .innerJoin(workloads, eq(workloads.id, allocations.workloadId))
      .innerJoin(teams, eq(teams.id, workloads.teamId))
      .where(and(eq(allocations.reservationId, reservationId), isNull(allocations.archivedAt)))
      .orderBy(asc(allocations.startAt), asc(workloads.name), asc(allocations.id)),
    ctx.db
      .select({ id: workloads.id, name: workloads.name, teamName: teams.name })
      .from(workloads)
      .innerJoin(teams, eq(teams.id, workloads.teamId))
      .where(isNull(workloads.archivedAt))
      .orderBy(asc(workloads.name)),
  ]);
  if (!block) throw new NotFoundError("This reservation no longer exists.");
  const deliveredAt = block.deliveryDate ? new Date(`${block.deliveryDate}T00:00:00Z`) : null;
  const life = { quantity: block.quantity, startAt: block.startAt, endAt: block.endAt, deliveredAt };
  const term = { from: block.startAt, to: block.endAt };
  const spans: AllocationSpan[] = rows.map((r) => ({ quantity: r.quantity, from: r.startAt, to: r.endAt }));
  const inTerm = asOf >= block.startAt && asOf < block.endAt;
  const withAh = rows.map((r, i) => ({ ...r, allocatedAh: allocatedAh(life, spans[i]!, term) }));
  const capacity = capacityAh(life, term);
  const free = freePoolAh(life, spans, term);
  return {
    rows: withAh,
    now: inTerm ? allocatedAt(block.quantity, spans, asOf) : { allocated: 0, free: block.quantity },
    term: { capacityAh: capacity, allocatedAh: capacity.minus(free), freeAh: free },
    workloadOptions: options,
  };
}
