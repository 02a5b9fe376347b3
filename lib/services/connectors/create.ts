import { connectors } from "@/lib/db/schema";
import { nextCronTime } from "@/lib/jobs/schedule";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
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
import { ConnectorInput } from "./schemas";

/** Creates a connector; its credentials are stored encrypted (HEADROOM_SECRET_KEY, required here) and never returned. */
export async function createConnector({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }) {
  requirePermission(ctx, "connectors.manage");
  const data = parseInput(ConnectorInput, input);
  const key = requireSecretKey();
  checkLocation(data);
  const credentials = typedCredentials(data);
  if (!credentials) throw missingCredentials(data);
  return withTransaction(ctx, async (tx) => {
    await checkConnectorRules(tx, data);
    const [created] = await tx
      .insert(connectors)
      .values({
        name: data.name,
        kind: data.kind,
        providerId: data.providerId,
        location: locationOf(data),
        prefix: data.prefix,
        credentials: sealCredentials(credentials, key),
        schedule: data.schedule,
        enabled: data.enabled,
        nextRunAt: nextCronTime(data.schedule, now),
        createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
        updatedBy: ctx.actor.email,
      })
      .returning();
    const visible = withoutCredentials(created!);
    await audit(tx, ctx, { action: "connector.create", entityType: "connector", entityId: visible.id, after: visible });
    return visible;
  });
}
