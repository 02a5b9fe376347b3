import { eq } from "drizzle-orm";
import { connectors } from "@/lib/db/schema";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { openStore, type ConnectorConfig } from "@/lib/connectors/storage";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput } from "@/lib/services/context";
import { configOf, requireSecretKey, scrub } from "./config";
import { planObjects, type PlannedObject } from "./plan";
import { ConnectorId } from "./schemas";

/** Lists what a run would import now (key, size, ETag, new / changed / seen), without importing or recording anything. */
export async function testConnector({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<PlannedObject[]> {
  requirePermission(ctx, "connectors.manage");
  const { id } = parseInput(ConnectorId, input);
  const [row] = await ctx.db.select().from(connectors).where(eq(connectors.id, id));
  if (!row) throw new NotFoundError("This connector no longer exists.");
  let config: ConnectorConfig | undefined;
  try {
    config = configOf(row, requireSecretKey());
    const store = openStore(config);
    try {
      return await planObjects(ctx.db, row.id, store, row.prefix);
    } finally {
      store.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new ValidationError(
      `Headroom could not list the storage: ${scrub(error instanceof Error ? error.message : String(error), config)}`,
    );
  }
}
