import { and, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";

export async function checkAcceleratorTypeName(tx: Executor, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ name: acceleratorTypes.name })
    .from(acceleratorTypes)
    .where(and(sql`lower(${acceleratorTypes.name}) = lower(${name})`, exceptId ? ne(acceleratorTypes.id, exceptId) : undefined));
  if (clash) {
    const message = `An accelerator type named ${clash.name} already exists.`;
    throw new ValidationError(message, { name: [message] });
  }
}
