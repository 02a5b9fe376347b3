import { eq } from "drizzle-orm";
import { connectors } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput } from "@/lib/services/context";
import { runConnector, type RunSummary } from "./run";
import { ConnectorId } from "./schemas";

/** "Run now": runs the connector at once as the caller, whatever its schedule (the schedule is left as it is). */
export async function runConnectorNow({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }): Promise<RunSummary> {
  requirePermission(ctx, "connectors.manage");
  const { id } = parseInput(ConnectorId, input);
  const [row] = await ctx.db.select({ archivedAt: connectors.archivedAt }).from(connectors).where(eq(connectors.id, id));
  if (!row) throw new NotFoundError("This connector no longer exists.");
  if (row.archivedAt) throw new ValidationError("This connector is archived; unarchive it to run it.");
  return runConnector(ctx.db, id, { now, ctx });
}
