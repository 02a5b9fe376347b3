import { asc, eq, isNull } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { teams, workloads } from "@/lib/db/schema";
import { registerOptions, type Option } from "@/lib/queries/lists/options";

/** Teams by path ("Research › Pre-training"), the hierarchy at most 4 deep. */
function teamPaths(rows: { id: string; name: string; parentId: string | null }[]): Option[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path = (id: string, depth = 0): string => {
    const t = byId.get(id)!;
    return t.parentId && byId.has(t.parentId) && depth < 4 ? `${path(t.parentId, depth + 1)} › ${t.name}` : t.name;
  };
  return rows.map((r) => ({ value: r.id, label: path(r.id) })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The budget form's choices: providers, families and contracts of the registers, teams and workloads (not archived). */
export async function budgetFormOptions(ctx: Ctx) {
  requirePermission(ctx, "app.read");
  const [registers, teamRows, workloadRows] = await Promise.all([
    registerOptions(ctx),
    ctx.db.select({ id: teams.id, name: teams.name, parentId: teams.parentId, archivedAt: teams.archivedAt }).from(teams),
    ctx.db
      .select({ id: workloads.id, name: workloads.name, teamName: teams.name })
      .from(workloads)
      .innerJoin(teams, eq(teams.id, workloads.teamId))
      .where(isNull(workloads.archivedAt))
      .orderBy(asc(workloads.name)),
  ]);
  const active = new Set(teamRows.filter((t) => !t.archivedAt).map((t) => t.id));
  return {
    providers: registers.providers,
    families: registers.families,
    contracts: registers.contracts.map((c) => ({ value: c.value, label: `${c.label} (${c.currency})` })),
    teams: teamPaths(teamRows).filter((t) => active.has(t.value)),
    workloads: workloadRows.map((w) => ({ value: w.id, label: `${w.name} (${w.teamName})` })),
  };
}
