import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { parseUtc } from "@/lib/metrics/calendar";
import { deliveredStart } from "@/lib/metrics/capacity";
import type { PricingModel } from "@/lib/metrics/planned-cost";
import type { ComparisonBlock } from "@/lib/metrics/provider-comparison";
import type { Ctx } from "@/lib/auth/context";
import { isoDate, isoTs, tsParam } from "@/lib/db/sql";

/** The filters the cost and utilization views read (the planning filters' fields of the same names). */
export type CostFilters = { from: Date; to: Date; provider: string | null; family: string | null; site: string | null };

export type CostBlock = ComparisonBlock & { name: string; siteId: string; siteName: string; typeName: string };

/** SQL conditions of the filters on a reservation `r` joined to its accelerator type `t`. */
export function blockFilterSql(f: Pick<CostFilters, "provider" | "family" | "site">): SQL {
  const parts: SQL[] = [sql`r.archived_at is null`];
  if (f.provider) parts.push(sql`r.provider_id = ${f.provider}::uuid`);
  if (f.family) parts.push(sql`t.family = ${f.family}`);
  if (f.site) parts.push(sql`r.site_id = ${f.site}::uuid`);
  return sql.join(parts, sql` and `);
}

type Row = {
  id: string;
  name: string;
  provider_id: string;
  provider_name: string;
  site_id: string;
  site_name: string;
  accelerator_type_id: string;
  type_name: string;
  family: string;
  quantity: number;
  start_at: string;
  end_at: string;
  delivery_date: string | null;
  pricing_model: PricingModel;
  rate: string;
  currency: string;
  bf16_tflops: string;
  factor: string;
};

/**
 * The baseline blocks (reservations not archived) overlapping [from, to) that match the filters, with the start
 * moved to the delivery date when capacity arrives late — the planning model's blocks without a scenario.
 */
export async function loadCostBlocks(ctx: Ctx, f: CostFilters): Promise<CostBlock[]> {
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select r.id, r.name, r.provider_id, p.name as provider_name, r.site_id, s.name as site_name, r.accelerator_type_id,
               t.name as type_name, t.family, r.quantity, ${isoTs("r.start_at")} as start_at, ${isoTs("r.end_at")} as end_at,
               ${isoDate("r.delivery_date")} as delivery_date, r.pricing_model::text as pricing_model, r.rate::text as rate, r.currency,
               t.bf16_tflops::text as bf16_tflops, t.h100_equivalent::text as factor
        from reservations r
        join providers p on p.id = r.provider_id
        join sites s on s.id = r.site_id
        join accelerator_types t on t.id = r.accelerator_type_id
        where ${blockFilterSql(f)} and r.start_at < ${tsParam(f.to)} and r.end_at > ${tsParam(f.from)}
        order by r.name`,
  );
  return rows.map((r) => {
    const start = parseUtc(r.start_at);
    const end = parseUtc(r.end_at);
    return {
      id: r.id,
      name: r.name,
      providerId: r.provider_id,
      providerName: r.provider_name,
      siteId: r.site_id,
      siteName: r.site_name,
      acceleratorTypeId: r.accelerator_type_id,
      typeName: r.type_name,
      family: r.family,
      quantity: r.quantity,
      startAt: deliveredStart(start, end, r.delivery_date ? parseUtc(r.delivery_date) : null),
      endAt: end,
      pricingModel: r.pricing_model,
      rate: r.rate,
      currency: r.currency,
      bf16Tflops: r.bf16_tflops,
      h100eFactor: r.factor,
    };
  });
}
