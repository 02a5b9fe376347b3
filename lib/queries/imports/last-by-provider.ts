import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export type LastImport = { provider: string; finishedAt: Date };

/**
 * Per provider, when its last succeeded billing import finished: the imports whose charges (billing_monthly) name the
 * provider — its Headroom name, or the name in the bill when no provider matched.
 */
export async function lastImportByProvider(ctx: Ctx): Promise<LastImport[]> {
  requirePermission(ctx, "app.read");
  const rows = await queryRows<{ provider: string; finished_at: string | Date }>(
    ctx.db,
    sql`select coalesce(p.name, nullif(btrim(b.provider_name), ''), '(no provider)') as provider, max(i.finished_at) as finished_at
        from (select distinct import_id, provider_id, provider_name from billing_monthly) b
        join imports i on i.id = b.import_id and i.status = 'succeeded' and i.finished_at is not null
        left join providers p on p.id = b.provider_id
        group by 1 order by 1`,
  );
  return rows.map((r) => ({ provider: r.provider, finishedAt: new Date(r.finished_at) }));
}
