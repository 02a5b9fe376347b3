import { eq } from "drizzle-orm";
import { sharedReports } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { RevokeShareLinkInput } from "./schemas";

/** Revokes a link at once: the shared view reads the row on every request, so the next visit gets the 404 page. */
export async function revokeShareLink({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "shares.manage");
  const data = parseInput(RevokeShareLinkInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(sharedReports).where(eq(sharedReports.id, data.id)).for("update");
    if (!row) throw new NotFoundError("This share link no longer exists.");
    const { tokenHash: _b, ...before } = row;
    if (before.revokedAt) throw new ValidationError("This link is already revoked.");
    const [updated] = await tx.update(sharedReports).set({ revokedAt: new Date() }).where(eq(sharedReports.id, data.id)).returning();
    const { tokenHash: _a, ...after } = updated!;
    await audit(tx, ctx, { action: "share_link.revoke", entityType: "shared_report", entityId: before.id, before, after });
    return after;
  });
}
