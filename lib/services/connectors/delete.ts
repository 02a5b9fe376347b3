import { eq } from "drizzle-orm";
import { connectors } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { withoutCredentials } from "./config";
import { ConnectorRef } from "./schemas";

/** Deletes an archived connector with its encrypted credentials and its object history; the imports it made stay. */
export async function deleteConnector({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "connectors.manage");
  const data = parseInput(ConnectorRef, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(connectors).where(eq(connectors.id, data.id)).for("update");
    if (!row) throw new NotFoundError("This connector no longer exists.");
    const before = withoutCredentials(row);
    if (row.version !== data.version) {
      throw await staleEditConflict(tx, { type: "connector", id: row.id, label: `Connector ${row.name}` }, data.version, before);
    }
    if (!row.archivedAt) throw new ValidationError("Archive the connector before deleting it.");
    await tx.delete(connectors).where(eq(connectors.id, data.id));
    await audit(tx, ctx, { action: "connector.delete", entityType: "connector", entityId: row.id, before });
    return { id: row.id };
  });
}
