import { asc, eq, isNull, sql } from "drizzle-orm";
import { acceleratorTypes, providers, scenarios, sites } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/rows";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead } from "@/lib/cache/read";

export type FilterOption = { value: string; label: string };
export type FilterOptions = {
  providers: FilterOption[];
  families: FilterOption[];
  sites: (FilterOption & { providerId: string })[];
  /** Scenarios not archived; the baseline is implied (no scenario). */
  scenarios: FilterOption[];
  /** Teams not archived in hierarchy order (each after its parent), `level` 1 for a top team. */
  teams: (FilterOption & { level: number; path: string })[];
  /** Workloads not archived, by their team's path then name; `group` is the team's path. */
  workloads: (FilterOption & { group: string })[];
};

/** The choices of the FilterBar: providers, accelerator families, sites, scenarios, teams and workloads not archived. */
export async function getFilterOptions(ctx: Ctx): Promise<FilterOptions> {
  requirePermission(ctx, "app.read");
  return cachedRead("filter-options", ctx.db, null, () => loadFilterOptions(ctx));
}

async function loadFilterOptions(ctx: Ctx): Promise<FilterOptions> {
  const [providerRows, familyRows, siteRows, scenarioRows, teamRows, workloadRows] = await Promise.all([
    ctx.db
      .select({ id: providers.id, name: providers.name })
      .from(providers)
      .where(isNull(providers.archivedAt))
      .orderBy(asc(providers.name)),
    ctx.db
      .selectDistinct({ family: acceleratorTypes.family })
      .from(acceleratorTypes)
      .where(isNull(acceleratorTypes.archivedAt))
      .orderBy(asc(acceleratorTypes.family)),
    ctx.db
      .select({ id: sites.id, name: sites.name, providerId: sites.providerId })
      .from(sites)
      .innerJoin(providers, eq(providers.id, sites.providerId))
      .where(isNull(sites.archivedAt))
      .orderBy(asc(sites.name)),
    ctx.db
      .select({ id: scenarios.id, name: scenarios.name })
      .from(scenarios)
      .where(isNull(scenarios.archivedAt))
      .orderBy(asc(scenarios.name)),
    queryRows<{ id: string; name: string; parent_id: string | null }>(
      ctx.db,
      sql`select id, name, parent_id from teams where archived_at is null order by lower(name), id`,
    ),
    queryRows<{ id: string; name: string; team_id: string }>(
      ctx.db,
      sql`select id, name, team_id from workloads where archived_at is null order by lower(name), id`,
    ),
  ]);
  return {
    providers: providerRows.map((p) => ({ value: p.id, label: p.name })),
    families: familyRows.map((f) => ({ value: f.family, label: f.family })),
    sites: siteRows.map((s) => ({ value: s.id, label: s.name, providerId: s.providerId })),
    scenarios: scenarioRows.map((s) => ({ value: s.id, label: s.name })),
    ...teamTree(teamRows, workloadRows),
  };
}

/**
 * Teams in hierarchy order (depth first, siblings by name; a team under an archived parent shows as a top team) with
 * their level and path, and the workloads grouped by their team in that order (a workload of an archived team last).
 */
export function teamTree(
  teamRows: readonly { id: string; name: string; parent_id: string | null }[],
  workloadRows: readonly { id: string; name: string; team_id: string }[],
): Pick<FilterOptions, "teams" | "workloads"> {
  const ids = new Set(teamRows.map((t) => t.id));
  const children = new Map<string | null, typeof teamRows>();
  for (const t of teamRows) {
    const parent = t.parent_id && ids.has(t.parent_id) ? t.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const teams: FilterOptions["teams"] = [];
  const visit = (parent: string | null, level: number, prefix: string) => {
    for (const t of children.get(parent) ?? []) {
      const path = prefix ? `${prefix} › ${t.name}` : t.name;
      teams.push({ value: t.id, label: t.name, level, path });
      if (level < 8) visit(t.id, level + 1, path);
    }
  };
  visit(null, 1, "");
  const order = new Map(teams.map((t, i) => [t.value, i]));
  const pathOf = new Map(teams.map((t) => [t.value, t.path]));
  const workloads = [...workloadRows]
    .sort((a, b) => (order.get(a.team_id) ?? Infinity) - (order.get(b.team_id) ?? Infinity))
    .map((w) => ({ value: w.id, label: w.name, group: pathOf.get(w.team_id) ?? "Archived teams" }));
  return { teams, workloads };
}
