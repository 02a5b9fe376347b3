import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import type { LeaseCatalog } from "@/lib/queries/lease-vs-build/params";
import { medianRate } from "@/lib/metrics/lease-vs-build";
import { MONEY_CURRENCY, tsParam } from "@/lib/db/sql";
import { requirePermission, type Ctx } from "@/lib/auth/context";

/**
 * The calculator's defaults: accelerator types (system W) and sites (PUE) not archived, and per type the median rate
 * of its current USD reservations (not archived, not marked expired, asOf ∈ [start, end)), reserved blocks apart from
 * on-demand and spot ones.
 */
export async function getLeaseCatalog(ctx: Ctx, asOf = new Date()): Promise<LeaseCatalog> {
  requirePermission(ctx, "app.read");
  const [types, sites, rates] = await Promise.all([
    queryRows<{ id: string; name: string; family: string; system_w: number }>(
      ctx.db,
      sql`select id, name, family, system_w from accelerator_types where archived_at is null order by name`,
    ),
    queryRows<{ id: string; name: string; pue: string; owned: boolean }>(
      ctx.db,
      sql`select s.id, s.name, s.pue::text as pue, p.kind = 'owned' as owned
          from sites s join providers p on p.id = s.provider_id
          where s.archived_at is null order by s.name`,
    ),
    queryRows<{ accelerator_type_id: string; billing: "reserved" | "usage"; rate: string }>(
      ctx.db,
      sql`select accelerator_type_id, case when pricing_model = 'reserved' then 'reserved' else 'usage' end as billing, rate::text as rate
          from reservations
          where archived_at is null and status <> 'expired' and currency = ${MONEY_CURRENCY}
            and start_at <= ${tsParam(asOf)} and end_at > ${tsParam(asOf)}`,
    ),
  ]);
  return {
    types: types.map((t) => {
      const of = (billing: "reserved" | "usage") =>
        rates.filter((r) => r.accelerator_type_id === t.id && r.billing === billing).map((r) => r.rate);
      const reserved = of("reserved");
      const usage = of("usage");
      return {
        id: t.id,
        name: t.name,
        family: t.family,
        systemW: t.system_w,
        medianRate: { reserved: medianRate(reserved)?.toString() ?? null, usage: medianRate(usage)?.toString() ?? null },
        rateCounts: { reserved: reserved.length, usage: usage.length },
      };
    }),
    sites: sites.map((s) => ({ id: s.id, name: s.name, pue: s.pue, owned: s.owned })),
  };
}
