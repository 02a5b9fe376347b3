import { and, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";

/** Active rule names are unique (case-insensitive): said as a field error rather than a constraint violation. */
export async function uniqueNameConflict(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: alertRules.id })
    .from(alertRules)
    .where(
      and(
        sql`lower(${alertRules.name}) = lower(${name})`,
        isNull(alertRules.archivedAt),
        exceptId ? ne(alertRules.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new ValidationError("Another rule has this name.", { name: ["Another rule has this name."] });
}
