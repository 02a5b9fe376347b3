import { asc, eq, isNull } from "drizzle-orm";
import { acceleratorTypes, poolRules } from "@/lib/db/schema";
import type { PoolRuleKind } from "@/lib/enums";
import { requirePermission, type Ctx } from "@/lib/auth/context";

/** Every family of the catalog's active types with its pool rule (proportional where none is set). */
export async function getPoolRuleSettings(
  ctx: Ctx,
): Promise<{ family: string; kind: PoolRuleKind; teamId: string | null; updatedAt: Date | null; updatedBy: string | null }[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .selectDistinct({
      family: acceleratorTypes.family,
      kind: poolRules.kind,
      teamId: poolRules.teamId,
      updatedAt: poolRules.updatedAt,
      updatedBy: poolRules.updatedBy,
    })
    .from(acceleratorTypes)
    .leftJoin(poolRules, eq(poolRules.family, acceleratorTypes.family))
    .where(isNull(acceleratorTypes.archivedAt))
    .orderBy(asc(acceleratorTypes.family));
  return rows.map((r) => ({ ...r, kind: r.kind ?? "proportional" }));
}
