import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/lib/db/client";
import { appSettings } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";

export const EVALUATE_EVERY_KEY = "alerts.evaluate_every_minutes";
export const DEFAULT_EVALUATE_EVERY_MINUTES = 15;

export const EvaluationIntervalInput = z.object({
  minutes: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number({ message: "Enter the minutes between evaluations." })
      .int("The interval must be a whole number of minutes.")
      .min(1, "The interval must be at least 1 minute.")
      .max(1440, "The interval is at most 1,440 minutes (a day)."),
  ),
});

/** Minutes between scheduled evaluations (app_settings; 15 when unset or unreadable). */
export async function readEvaluationInterval(db: Executor): Promise<number> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, EVALUATE_EVERY_KEY));
  const parsed = EvaluationIntervalInput.shape.minutes.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_EVALUATE_EVERY_MINUTES;
}

export async function setEvaluationInterval({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "alerts.write");
  const { minutes } = parseInput(EvaluationIntervalInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await readEvaluationInterval(tx);
    await tx
      .insert(appSettings)
      .values({ key: EVALUATE_EVERY_KEY, value: minutes, updatedBy: ctx.actor.email })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: minutes, updatedAt: new Date(), updatedBy: ctx.actor.email } });
    await audit(tx, ctx, {
      action: "setting.update",
      entityType: "setting",
      entityId: EVALUATE_EVERY_KEY,
      before: { minutes: before },
      after: { minutes },
    });
    return { minutes };
  });
}
