import { and, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { providers } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";

export async function checkProviderName(tx: Executor, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ name: providers.name })
    .from(providers)
    .where(and(sql`lower(${providers.name}) = lower(${name})`, exceptId ? ne(providers.id, exceptId) : undefined));
  if (clash) {
    const message = `A provider named ${clash.name} already exists.`;
    throw new ValidationError(message, { name: [message] });
  }
}
