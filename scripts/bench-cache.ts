import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/demo";
import { CAPACITY_DEFAULTS } from "@/lib/queries/reports/sections";
import { getCapacity } from "@/lib/queries/capacity";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { getOverview } from "@/lib/queries/overview";
import { systemCtx } from "@/lib/services/system-actor";
import { updateReservation } from "@/lib/services/reservations/update";
import { reservations } from "@/lib/db/schema";

// The page cache on the demo data in an in-memory PGlite, without Next.js: each page's loader cold (first read at a
// data version), warm (the same answer again, median of 50), and cold again after a write through a verb.
//   npx tsx scripts/bench-cache.ts

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function main() {
  const handle = await openDatabase({});
  await migrateDatabase(handle);
  await seedDemo(handle.db, { demoPassword: "bench-cache-password" });
  const ctx = systemCtx(handle.db, "bench:cache");
  const pages: Record<string, () => Promise<unknown>> = {
    overview: () => getOverview(ctx, {}),
    capacity: () => getCapacity(ctx, parsePlanningFilters({}, { defaults: CAPACITY_DEFAULTS })),
    costs: () => getCostsFromUrl(ctx, {}),
  };
  console.log("| page | cold (ms) | warm, median of 50 (ms) | after a write (ms) |\n|---|--:|--:|--:|");
  for (const [name, run] of Object.entries(pages)) {
    const cold = await time(run);
    const warm: number[] = [];
    for (let i = 0; i < 50; i++) warm.push(await time(run));
    warm.sort((a, b) => a - b);
    const [row] = await handle.db.select().from(reservations).limit(1);
    await updateReservation({ ctx, input: { id: row!.id, version: row!.version, changes: { quantity: row!.quantity + 1 } } });
    const after = await time(run);
    console.log(`| ${name} | ${cold.toFixed(0)} | ${warm[25]!.toFixed(2)} | ${after.toFixed(0)} |`);
  }
  await handle.close();
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
