import { acceleratorTypes } from "@/lib/db/schema";
import { nameplateH100e } from "@/lib/metrics/h100e";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkAcceleratorTypeName } from "./rules";
import { CreateAcceleratorTypeInput } from "./schemas";

export async function createAcceleratorType({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(CreateAcceleratorTypeInput, input);
  const h100Equivalent = data.h100Equivalent ?? nameplateH100e(data.bf16Tflops).toFixed(4);
  return withTransaction(ctx, async (tx) => {
    await checkAcceleratorTypeName(tx, data.name);
    const [created] = await tx
      .insert(acceleratorTypes)
      .values({ ...data, h100Equivalent, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "accelerator_type.create", entityType: "accelerator_type", entityId: created!.id, after: created });
    return created!;
  });
}
