import type { Executor } from "@/lib/db/client";
import { bumpDataVersion } from "@/lib/db/data-version";
import { auditLog } from "@/lib/db/schema";
import type { Ctx } from "@/lib/auth/context";

export async function audit(
  tx: Executor,
  ctx: Ctx,
  entry: { action: string; entityType: string; entityId: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(auditLog).values({
    userId: ctx.actor.kind === "user" ? ctx.actor.id : null,
    actor: ctx.actor.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
  });
  await bumpDataVersion(tx); // every write verb audits in its transaction: the page cache's key moves with it
}

const SECRET_KEYS = new Set(["passwordHash", "keyHash", "tokenHash", "credentials"]);

function redact(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== "object") return value ?? null;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.has(k) ? "[redacted]" : v]));
}
