import { and, asc, gt, gte, isNull, lte, or } from "drizzle-orm";
import { openDatabase } from "@/lib/db/client";
import { reservations } from "@/lib/db/schema";
import { updateReservation } from "@/lib/services/reservations/update";
import { systemCtx } from "@/lib/services/system-actor";

// `npm run bench:load` (unless --skip-write-check): "a write is visible on the next request". Takes one accelerator off a block
// in service today through the reservations service (the code path of the reservation form's server action) on the
// server's database, reads the Overview once and checks its Accelerators figure went down by one; then puts the
// accelerator back the same way and checks the figure is back. Leaves two audit rows and the block's version + 2.

export type WriteCheck = { ok: boolean; detail: string };

/** The Overview's "Accelerators … in service" KPI value, as a number. */
export function acceleratorsShown(html: string): number {
  const at = html.indexOf('id="kpi-accelerators"');
  const value = at < 0 ? null : /data-testid="kpi-value"[^>]*>([\d,]+)/.exec(html.slice(at));
  if (!value) throw new Error("The Overview shows no Accelerators figure.");
  return Number(value[1]!.replaceAll(",", ""));
}

export async function checkWrite(databaseUrl: string, overview: () => Promise<string>): Promise<WriteCheck> {
  const handle = await openDatabase({ url: databaseUrl, max: 1 });
  const ctx = systemCtx(handle.db, "bench:load");
  try {
    const now = new Date();
    const [block] = await handle.db
      .select()
      .from(reservations)
      .where(
        and(
          isNull(reservations.archivedAt),
          lte(reservations.startAt, now),
          gt(reservations.endAt, now),
          or(isNull(reservations.deliveryDate), lte(reservations.deliveryDate, now.toISOString().slice(0, 10))),
          gte(reservations.quantity, 2),
        ),
      )
      .orderBy(asc(reservations.name))
      .limit(1);
    if (!block) return { ok: false, detail: "no block in service today with 2 accelerators or more to change." };
    const before = acceleratorsShown(await overview());
    const changed = await updateReservation({
      ctx,
      input: { id: block.id, version: block.version, changes: { quantity: block.quantity - 1 } },
    });
    const after = acceleratorsShown(await overview());
    await updateReservation({ ctx, input: { id: block.id, version: changed.version, changes: { quantity: block.quantity } } });
    const undone = acceleratorsShown(await overview());
    const ok = after === before - 1 && undone === before;
    const fmt = (n: number) => n.toLocaleString("en-US");
    return {
      ok,
      detail:
        `block ${block.name} ${block.quantity} → ${block.quantity - 1} accelerators: the Overview's Accelerators ${fmt(before)} → ${fmt(after)} ` +
        `on the next request (expected ${fmt(before - 1)}); put back: ${fmt(undone)}.`,
    };
  } finally {
    await handle.close();
  }
}
