import type { Executor } from "@/lib/db/client";
import { acceleratorTypes } from "@/lib/db/schema";
import { nameplateH100e } from "@/lib/metrics/h100e";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkAcceleratorTypeName } from "./rules";
import { CreateAcceleratorTypeInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertAcceleratorType(tx: Executor, ctx: Ctx, data: CreateAcceleratorTypeInput) {
  const h100Equivalent = data.h100Equivalent ?? nameplateH100e(data.bf16Tflops).toFixed(4);
  await checkAcceleratorTypeName(tx, data.name);
  const [created] = await tx
    .insert(acceleratorTypes)
    .values({ ...data, h100Equivalent, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "accelerator_type.create", entityType: "accelerator_type", entityId: created!.id, after: created });
  return created!;
}

export async function createAcceleratorType({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(CreateAcceleratorTypeInput, input);
  return withTransaction(ctx, (tx) => insertAcceleratorType(tx, ctx, data));
}
