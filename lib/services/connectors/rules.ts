import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { connectors, providers } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";

export async function checkConnectorRules(tx: Executor, data: { name: string; providerId: string }, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ name: connectors.name })
    .from(connectors)
    .where(and(sql`lower(${connectors.name}) = lower(${data.name})`, exceptId ? ne(connectors.id, exceptId) : undefined));
  if (clash) {
    const message = `A connector named ${clash.name} already exists.`;
    throw new ValidationError(message, { name: [message] });
  }
  const [provider] = await tx.select({ archivedAt: providers.archivedAt }).from(providers).where(eq(providers.id, data.providerId));
  if (!provider || provider.archivedAt) {
    const message = provider ? "This provider is archived; choose an active one." : "Choose the provider it bills for.";
    throw new ValidationError(message, { providerId: [message] });
  }
}
