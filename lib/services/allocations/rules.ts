import { and, eq, isNull, ne } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { allocations, reservations, workloads } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { formatDay } from "@/lib/format/date";
import { overAllocation } from "@/lib/metrics/allocation";

export type AllocationRow = typeof allocations.$inferSelect;
type Saved = { reservationId: string; workloadId: string; quantity: number; startAt: Date; endAt: Date | null };

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/**
 * The rules on an allocation as it would be saved, with the block locked (`for update`) so two writers cannot both
 * fit into the same free pool: the block exists and is not archived; the workload exists and is active (an archived
 * one is kept only on an allocation that already had it); the period lies within the block's term and the workload's
 * active period; and with the
 * block's other active allocations, Σ quantity ≤ the block's quantity at every instant — else the error names the
 * stretch and who holds it.
 */
export async function checkAllocationRules(tx: Executor, data: Saved, existing?: AllocationRow): Promise<void> {
  const [block] = await tx.select().from(reservations).where(eq(reservations.id, data.reservationId)).for("update");
  if (!block) throw new NotFoundError("This reservation no longer exists.");
  if (block.archivedAt && !existing) refuse("reservationId", `${block.name} is archived; its accelerators cannot be allocated.`);
  const [workload] = await tx.select().from(workloads).where(eq(workloads.id, data.workloadId));
  if (!workload) refuse("workloadId", "This workload does not exist.");
  if (workload.archivedAt && workload.id !== existing?.workloadId)
    refuse("workloadId", `${workload.name} is archived; choose another workload.`);
  if (data.endAt && data.endAt <= data.startAt) refuse("endAt", "The end must be after the start.");
  if (data.startAt < block.startAt || data.startAt >= block.endAt) {
    refuse("startAt", `The start must fall within the block's term, ${formatDay(block.startAt)} to ${formatDay(block.endAt)}.`);
  }
  if (data.endAt && data.endAt > block.endAt) refuse("endAt", `The end must be on or before the block's end, ${formatDay(block.endAt)}.`);
  const activeFrom = new Date(`${workload.activeFrom}T00:00:00Z`);
  const activeTo = workload.activeTo ? new Date(`${workload.activeTo}T00:00:00Z`) : null;
  if (data.startAt < activeFrom || (activeTo && data.startAt >= activeTo)) {
    refuse(
      "startAt",
      `${workload.name} is active ${workload.activeFrom} to ${workload.activeTo ?? "open-ended"}; start the allocation within that period.`,
    );
  }
  if (activeTo && (data.endAt ?? block.endAt) > activeTo) {
    refuse("endAt", `${workload.name} ends on ${workload.activeTo}; end the allocation on or before that day.`);
  }
  if (data.quantity > block.quantity) refuse("quantity", `${block.name} has ${block.quantity.toLocaleString("en-US")} accelerators.`);

  const others = await tx
    .select({ quantity: allocations.quantity, startAt: allocations.startAt, endAt: allocations.endAt, workload: workloads.name })
    .from(allocations)
    .innerJoin(workloads, eq(workloads.id, allocations.workloadId))
    .where(
      and(eq(allocations.reservationId, block.id), isNull(allocations.archivedAt), existing ? ne(allocations.id, existing.id) : undefined),
    );
  const spans = [...others, { ...data, workload: workload.name }].map((a) => ({ quantity: a.quantity, from: a.startAt, to: a.endAt }));
  const over = overAllocation(block.quantity, spans);
  if (!over) return;
  const holders = [...others, { ...data, workload: workload.name }]
    .filter((a) => a.startAt < (over.to ?? block.endAt) && (!a.endAt || a.endAt > over.from))
    .map((a) => `${a.workload} ${a.quantity.toLocaleString("en-US")}`);
  const until = over.to ? `to ${formatDay(over.to)}` : "onward";
  refuse(
    "quantity",
    `This would allocate ${over.allocated.toLocaleString("en-US")} of ${block.name}'s ${block.quantity.toLocaleString("en-US")} accelerators from ${formatDay(over.from)} ${until} (${holders.join(", ")}).`,
  );
}
