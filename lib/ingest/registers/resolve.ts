import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, contracts, providers, reservations, scenarios, sites, teams, workloads } from "@/lib/db/schema";
import type { RegisterTemplate } from "@/lib/csv/register-templates";

// Names in a register file → ids. Exact names win (case and spacing ignored); otherwise a name that
// appears as whole words in exactly one active record (provider "Azure" → "Microsoft Azure"). Archived
// records resolve only by exact name, so the service rules can say they are archived.

export type Named = { id: string; name: string; archived: boolean };
export type ContractRef = Named & { reference: string | null; providerId: string };
export type Lookups = {
  providers: Named[];
  sites: Named[];
  types: Named[];
  contracts: ContractRef[];
  scenarios: Named[];
  teams: Named[];
  workloads: Named[];
  reservations: Named[];
};

export type Resolution = { id: string } | { error: string } | { blank: true };

const REFERENCE_COLUMNS: Record<string, string> = {
  provider: "providerId",
  site: "siteId",
  accelerator_type: "acceleratorTypeId",
  contract: "contractId",
  scenario: "scenarioId",
  parent_team: "parentId",
  team: "teamId",
  workload: "workloadId",
  reservation: "reservationId",
};

const LOOKUP_OF: Record<string, Exclude<keyof Lookups, "contracts">> = {
  provider: "providers",
  site: "sites",
  accelerator_type: "types",
  scenario: "scenarios",
  parent_team: "teams",
  team: "teams",
  workload: "workloads",
  reservation: "reservations",
};

const spoken = (column: string) => column.replace(/_/g, " ");

/** The service field a template column feeds: `start_date` → `startDate`, `provider` → `providerId`. */
export function fieldOf(column: string): string {
  return REFERENCE_COLUMNS[column] ?? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const key = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function resolveName(list: readonly Named[], value: string, what: string): Resolution {
  const wanted = key(value);
  if (wanted === "") return { blank: true };
  // Names are unique among active records only (teams, workloads): an active one wins over archived namesakes.
  const exact = list.find((n) => !n.archived && key(n.name) === wanted) ?? list.find((n) => key(n.name) === wanted);
  if (exact) return { id: exact.id };
  const words = new RegExp(`(^|[\\s(/,-])${escape(wanted)}($|[\\s)/,-])`);
  const partial = list.filter((n) => !n.archived && words.test(key(n.name)));
  if (partial.length === 1) return { id: partial[0]!.id };
  if (partial.length > 1) {
    const names = partial
      .slice(0, 4)
      .map((n) => n.name)
      .join(", ");
    return { error: `"${value.trim()}" matches several ${what}s (${names}); write the full name.` };
  }
  return { error: `No ${what} is named "${value.trim()}".` };
}

/** A contract by reference or name; among several, the one with the block's provider. */
export function resolveContract(list: readonly ContractRef[], value: string, providerId: string | undefined): Resolution {
  const wanted = key(value);
  if (wanted === "") return { blank: true };
  const byReference = list.filter((c) => c.reference !== null && key(c.reference) === wanted);
  const candidates = byReference.length > 0 ? byReference : list.filter((c) => key(c.name) === wanted);
  if (candidates.length === 0) return { error: `No contract has the reference or name "${value.trim()}".` };
  if (candidates.length === 1) return { id: candidates[0]!.id };
  const sameProvider = candidates.filter((c) => c.providerId === providerId);
  if (sameProvider.length === 1) return { id: sameProvider[0]!.id };
  return { error: `"${value.trim()}" names several contracts; use the contract's reference.` };
}

/** Loads, once per file, the names a kind refers to (catalogs are small; contracts are thousands at most). */
export async function loadLookups(tx: Executor, template: RegisterTemplate): Promise<Lookups> {
  const names = new Set(template.columns.map((c) => c.name));
  const needs = new Set<keyof Lookups>([...names].flatMap((n) => (n === "contract" ? ["contracts" as const] : (LOOKUP_OF[n] ?? []))));
  const named = <T extends { id: string; name: string; archivedAt: Date | null }>(rows: T[]) =>
    rows.map(({ archivedAt, ...rest }) => ({ ...rest, archived: archivedAt !== null }));
  const [p, s, t, c, sc, tm, w, r] = await Promise.all([
    needs.has("providers") ? tx.select({ id: providers.id, name: providers.name, archivedAt: providers.archivedAt }).from(providers) : [],
    needs.has("sites") ? tx.select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt }).from(sites) : [],
    needs.has("types")
      ? tx.select({ id: acceleratorTypes.id, name: acceleratorTypes.name, archivedAt: acceleratorTypes.archivedAt }).from(acceleratorTypes)
      : [],
    needs.has("contracts")
      ? tx
          .select({
            id: contracts.id,
            name: contracts.name,
            archivedAt: contracts.archivedAt,
            reference: contracts.reference,
            providerId: contracts.providerId,
          })
          .from(contracts)
      : [],
    needs.has("scenarios") ? tx.select({ id: scenarios.id, name: scenarios.name, archivedAt: scenarios.archivedAt }).from(scenarios) : [],
    needs.has("teams") ? tx.select({ id: teams.id, name: teams.name, archivedAt: teams.archivedAt }).from(teams) : [],
    needs.has("workloads") ? tx.select({ id: workloads.id, name: workloads.name, archivedAt: workloads.archivedAt }).from(workloads) : [],
    needs.has("reservations")
      ? tx.select({ id: reservations.id, name: reservations.name, archivedAt: reservations.archivedAt }).from(reservations)
      : [],
  ]);
  return {
    providers: named(p),
    sites: named(s),
    types: named(t),
    contracts: named(c),
    scenarios: named(sc),
    teams: named(tm),
    workloads: named(w),
    reservations: named(r),
  };
}

export type RowInput = { input: Record<string, unknown>; errors: { column: string; message: string }[] };

/** Turns a row's cells into the service's input: names resolved to ids, blanks to undefined (or the column's blank value), choices normalized. */
export function rowInput(template: RegisterTemplate, values: Record<string, string>, lookups: Lookups): RowInput {
  const input: Record<string, unknown> = {};
  const errors: RowInput["errors"] = [];
  const refs: Record<string, Resolution> = {};
  for (const column of template.columns) {
    const raw = values[column.name] ?? "";
    if (column.name === "contract") continue;
    const lookup = LOOKUP_OF[column.name];
    if (lookup) {
      refs[column.name] = resolveName(lookups[lookup], raw, spoken(column.name));
      continue;
    }
    const value = raw.trim() === "" ? column.blank : raw.trim();
    input[fieldOf(column.name)] = value === undefined ? undefined : column.choice ? value.toLowerCase().replace(/[\s-]+/g, "_") : value;
  }
  if (template.columns.some((c) => c.name === "contract")) {
    const provider = refs.provider;
    refs.contract = resolveContract(lookups.contracts, values.contract ?? "", provider && "id" in provider ? provider.id : undefined);
  }
  for (const column of template.columns) {
    const r = refs[column.name];
    if (!r) continue;
    if ("id" in r) input[fieldOf(column.name)] = r.id;
    else if ("error" in r) errors.push({ column: column.name, message: r.error });
    else if (column.required) errors.push({ column: column.name, message: `Enter the ${spoken(column.name)} name.` });
  }
  return { input, errors };
}
