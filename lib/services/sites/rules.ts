import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { providers, sites } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import type { CreateSiteInput } from "./schemas";

export type SiteRow = typeof sites.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

// Rules that need the database: the provider exists (and is not archived, unless the site already had it)
// and no other site has the same name (case-insensitively).
export async function checkSiteRules(tx: Executor, data: CreateSiteInput, existing?: SiteRow): Promise<void> {
  const [provider] = await tx.select().from(providers).where(eq(providers.id, data.providerId));
  if (!provider) refuse("providerId", "This provider does not exist.");
  if (provider.archivedAt && provider.id !== existing?.providerId)
    refuse("providerId", `${provider.name} is archived; choose another provider.`);
  const [clash] = await tx
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(and(sql`lower(${sites.name}) = lower(${data.name})`, existing ? ne(sites.id, existing.id) : undefined));
  if (clash) refuse("name", `A site named ${clash.name} already exists.`);
}
