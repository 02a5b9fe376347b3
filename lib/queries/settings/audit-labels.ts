import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import type { EntityLabels } from "@/lib/audit/readable";

// How each audited record type is named: its table and a label expression over alias `t` (joins where a
// record is best named by its parent).
const SOURCES: Readonly<Record<string, { from: string; label: string }>> = {
  contract: { from: "contracts t", label: "t.name" },
  reservation: { from: "reservations t", label: "t.name" },
  provider: { from: "providers t", label: "t.name" },
  site: { from: "sites t", label: "t.name" },
  accelerator_type: { from: "accelerator_types t", label: "t.name" },
  sku_mapping: {
    from: "sku_mappings t join providers p on p.id = t.provider_id",
    label: "p.name || ' · SKU ' || t.sku_id || coalesce(' in ' || t.region_id, '')",
  },
  contract_mapping: { from: "contract_mappings t join contracts k on k.id = t.contract_id", label: "'Mapping to ' || k.name" },
  offer: {
    from: "offers t join providers p on p.id = t.provider_id join accelerator_types a on a.id = t.accelerator_type_id",
    label: "p.name || ' · ' || a.name || ' · ' || replace(t.pricing_model::text, '_', '-')",
  },
  demand_plan: { from: "demand_plans t", label: "t.name" },
  team: { from: "teams t", label: "t.name" },
  workload: { from: "workloads t", label: "t.name" },
  allocation_rule: { from: "allocation_rules t join workloads w on w.id = t.workload_id", label: "'Allocation rule to ' || w.name" },
  scenario: { from: "scenarios t", label: "t.name" },
  report: { from: "reports t", label: "t.name" },
  shared_report: { from: "shared_reports t", label: "t.name" },
  power_budget: {
    from: "power_budgets t join sites s on s.id = t.site_id",
    label: "s.name || ' from ' || to_char(t.effective_from, 'YYYY-MM-DD')",
  },
  user: { from: "users t", label: "coalesce(nullif(t.name, '') || ' (' || t.email || ')', t.email)" },
  api_key: { from: "api_keys t", label: "t.name" },
  import: { from: "imports t", label: "t.file_name" },
  channel: { from: "channels t", label: "'Channel ' || t.name" },
  report_schedule: { from: "report_schedules t join reports r on r.id = t.report_id", label: "'Email schedule of ' || r.name" },
};

/**
 * The current labels of the records audit entries name, keyed `${type}:${id}`: one query per record type
 * present. A record that no longer exists, or a type with no source, is simply absent.
 */
export async function entityLabels(db: Executor, refs: readonly { type: string; id: string }[]): Promise<EntityLabels> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs) if (SOURCES[r.type]) byType.set(r.type, (byType.get(r.type) ?? new Set()).add(r.id));
  const labels = new Map<string, string>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const source = SOURCES[type]!;
      const rows = await queryRows<{ id: string; label: string | null }>(
        db,
        sql`select t.id::text as id, ${sql.raw(source.label)} as label from ${sql.raw(source.from)}
            where t.id::text in (${sql.join(
              [...ids].map((id) => sql`${id}`),
              sql`, `,
            )})`,
      );
      for (const row of rows) if (row.label) labels.set(`${type}:${row.id}`, row.label);
    }),
  );
  return labels;
}
