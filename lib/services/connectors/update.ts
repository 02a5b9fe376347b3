import { and, eq } from "drizzle-orm";
import { connectors } from "@/lib/db/schema";
import { nextCronTime } from "@/lib/jobs/schedule";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import {
  checkLocation,
  locationOf,
  missingCredentials,
  requireSecretKey,
  sealCredentials,
  typedCredentials,
  withoutCredentials,
} from "./config";
import { checkConnectorRules } from "./rules";
import { ConnectorInput, ConnectorRef } from "./schemas";

/**
 * Edits a connector. Blank credential fields keep the saved credentials, unless the kind or the Azure sign-in method
 * changed (then new ones are required); typed ones replace them. A changed schedule moves the next run.
 */
export async function updateConnector({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }) {
  requirePermission(ctx, "connectors.manage");
  const ref = parseInput(ConnectorRef, input);
  const data = parseInput(ConnectorInput, input);
  checkLocation(data);
  const typed = typedCredentials(data);
  const key = typed ? requireSecretKey() : undefined;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(connectors).where(eq(connectors.id, ref.id)).for("update");
    if (!row) throw new NotFoundError("This connector no longer exists.");
    const before = withoutCredentials(row);
    if (row.version !== ref.version) {
      throw await staleEditConflict(tx, { type: "connector", id: row.id, label: `Connector ${row.name}` }, ref.version, before);
    }
    const sameMethod = row.kind === data.kind && (data.kind === "s3" || (row.location as { auth?: string }).auth === data.auth);
    if (!typed && !sameMethod) throw missingCredentials(data);
    await checkConnectorRules(tx, data, row.id);
    const [updated] = await tx
      .update(connectors)
      .set({
        name: data.name,
        kind: data.kind,
        providerId: data.providerId,
        location: locationOf(data),
        prefix: data.prefix,
        ...(typed && key ? { credentials: sealCredentials(typed, key) } : {}),
        schedule: data.schedule,
        enabled: data.enabled,
        nextRunAt: row.schedule === data.schedule && row.nextRunAt ? row.nextRunAt : nextCronTime(data.schedule, now),
        version: ref.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.actor.email,
      })
      .where(and(eq(connectors.id, ref.id), eq(connectors.version, ref.version)))
      .returning();
    const after = { ...withoutCredentials(updated!), ...(typed ? { credentialsReplaced: true } : {}) };
    await audit(tx, ctx, { action: "connector.update", entityType: "connector", entityId: row.id, before, after });
    return withoutCredentials(updated!);
  });
}
