import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { NotFoundError } from "@/lib/errors";
import { parseStoredOverrides } from "@/lib/planning/model";
import type { ScenarioOverrides } from "@/lib/planning/overrides";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { isoTs } from "@/lib/db/sql";
import { registerOptions } from "@/lib/queries/lists/options";
import { pageClock } from "@/lib/cache/read";

export type ScenarioRow = {
  id: string;
  name: string;
  description: string | null;
  overrides: ScenarioOverrides;
  /** Set when the stored overrides could not be read. */
  overridesWarning: string | null;
  demandPlans: number;
  archivedAt: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
  version: number;
};

type Raw = {
  id: string;
  name: string;
  description: string | null;
  overrides: unknown;
  demand_plans: number;
  archived_at: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
};

function toRow(r: Raw): ScenarioRow {
  const stored = typeof r.overrides === "string" ? (JSON.parse(r.overrides) as unknown) : r.overrides;
  const { overrides, warning } = parseStoredOverrides(stored);
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    overrides,
    overridesWarning: warning,
    demandPlans: r.demand_plans,
    archivedAt: r.archived_at ? new Date(r.archived_at) : null,
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
    version: r.version,
  };
}

const SELECT = sql`select s.id, s.name, s.description, s.overrides,
    (select count(*)::int from demand_plans p where p.scenario_id = s.id and p.archived_at is null) as demand_plans,
    ${isoTs("s.archived_at")} as archived_at, ${isoTs("s.updated_at")} as updated_at, s.updated_by, s.version
  from scenarios s`;

/** Scenarios by name; archived ones only when asked (`archived`: "only" or "all"). */
export async function listScenarios(ctx: Ctx, archived: "none" | "only" | "all" = "none"): Promise<ScenarioRow[]> {
  requirePermission(ctx, "app.read");
  const where = archived === "only" ? sql`where s.archived_at is not null` : archived === "all" ? sql`` : sql`where s.archived_at is null`;
  const rows = await queryRows<Raw>(ctx.db, sql`${SELECT} ${where} order by s.name`);
  return rows.map(toRow);
}

export async function getScenario(ctx: Ctx, id: string): Promise<ScenarioRow> {
  requirePermission(ctx, "app.read");
  const [row] = await queryRows<Raw>(ctx.db, sql`${SELECT} where s.id = ${id}`);
  if (!row) throw new NotFoundError("That scenario does not exist.");
  return toRow(row);
}

export type ReservationChoice = { value: string; label: string; providerId: string; family: string };

/** Choices of the scenario form: the register options plus the reservations still running or to come. */
export async function scenarioFormOptions(ctx: Ctx, asOf = pageClock()) {
  const [options, reservations] = await Promise.all([
    registerOptions(ctx),
    queryRows<{
      id: string;
      name: string;
      provider_id: string;
      provider: string;
      family: string;
      quantity: number;
      start_at: string;
      end_at: string;
    }>(
      ctx.db,
      sql`select r.id, r.name, r.provider_id, p.name as provider, t.family, r.quantity,
                 to_char(r.start_at at time zone 'UTC', 'YYYY-MM-DD') as start_at, to_char(r.end_at at time zone 'UTC', 'YYYY-MM-DD') as end_at
          from reservations r join providers p on p.id = r.provider_id join accelerator_types t on t.id = r.accelerator_type_id
          where r.archived_at is null and r.end_at > ${asOf.toISOString()}::timestamptz
          order by p.name, r.start_at, r.name`,
    ),
  ]);
  return {
    providers: options.providers,
    sites: options.sites,
    types: options.types,
    families: options.families,
    reservations: reservations.map<ReservationChoice>((r) => ({
      value: r.id,
      label: `${r.provider} · ${r.name} · ${r.quantity.toLocaleString("en-US")} ${r.family} · ${r.start_at} → ${r.end_at}`,
      providerId: r.provider_id,
      family: r.family,
    })),
  };
}

export type ScenarioFormOptions = Awaited<ReturnType<typeof scenarioFormOptions>>;

export type OverrideLabels = {
  providers: Record<string, string>;
  sites: Record<string, string>;
  types: Record<string, string>;
  reservations: Record<string, string>;
};

/** Names of everything the overrides refer to (archived rows included), for reading them back in words. */
export async function overrideLabels(ctx: Ctx, overrides: ScenarioOverrides): Promise<OverrideLabels> {
  requirePermission(ctx, "app.read");
  const reservationIds = [
    ...new Set([...(overrides.removeReservationIds ?? []), ...(overrides.delaySlips ?? []).map((s) => s.reservationId)]),
  ];
  const [providers, sites, types, reservations] = await Promise.all([
    queryRows<{ id: string; name: string }>(ctx.db, sql`select id, name from providers`),
    queryRows<{ id: string; name: string }>(ctx.db, sql`select id, name from sites`),
    queryRows<{ id: string; name: string }>(ctx.db, sql`select id, name from accelerator_types`),
    reservationIds.length
      ? queryRows<{ id: string; name: string }>(
          ctx.db,
          sql`select r.id, p.name || ' · ' || r.name || ' · ' || r.quantity || ' ' || t.family as name
              from reservations r join providers p on p.id = r.provider_id join accelerator_types t on t.id = r.accelerator_type_id
              where r.id in (${sql.join(
                reservationIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
        )
      : Promise.resolve([]),
  ]);
  const map = (rows: { id: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name]));
  return { providers: map(providers), sites: map(sites), types: map(types), reservations: map(reservations) };
}
