import { fieldLabel } from "@/lib/format/field-label";
import type { FieldChange } from "./diff";

/** One changed field as a person reads it: "Committed amount: 1000000.00 → 750000.00", names instead of ids. */
export type ReadableChange = { field: string; label: string; before: string; after: string };

/** Labels of records by `${entityType}:${id}` (see lib/queries/audit/labels.ts). */
export type EntityLabels = ReadonlyMap<string, string>;

// Fields a snapshot holds that say nothing to a reader (the entry already says who and when) or must stay hidden.
const NOISE = new Set(["id", "createdAt", "updatedBy"]);
const SECRET = new Set(["passwordHash", "keyHash", "tokenHash"]);

/** Snapshot fields that point at another record, and that record's type. */
const REFERENCE_FIELDS: Readonly<Record<string, string>> = {
  providerId: "provider",
  contractId: "contract",
  siteId: "site",
  acceleratorTypeId: "accelerator_type",
  reservationId: "reservation",
  reportId: "report",
  parentId: "team",
  teamId: "team",
  workloadId: "workload",
  userId: "user",
  createdBy: "user",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const DECIMAL = /^-?\d+\.\d+$/;

// An exact decimal as written by the database: thousands grouped, zeros past the cents dropped ("1000000.0000" → "1,000,000.00", "1.2" stays).
function readableDecimal(value: string): string {
  const [whole = "0", frac = ""] = value.split(".");
  const kept = frac.replace(/0+$/, "").padEnd(Math.min(2, frac.length), "0");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${kept}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// Nested objects (a scenario's overrides) become one change per leaf, "overrides.demandGrowthPct".
function flatten(change: FieldChange): FieldChange[] {
  const { field, before, after } = change;
  if (!isObject(before) && !isObject(after)) return [change];
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .sort()
    .filter((k) => !same(b[k], a[k]))
    .flatMap((k) => flatten({ field: `${field}.${k}`, before: b[k] ?? null, after: a[k] ?? null }));
}

function byId(labels: EntityLabels, id: string): string | undefined {
  for (const [key, label] of labels) if (key.endsWith(`:${id}`)) return label;
  return undefined;
}

function label(path: string, labels: EntityLabels): string {
  return path
    .split(".")
    .map((part) => (UUID.test(part) ? (byId(labels, part) ?? part) : /^\d+$/.test(part) ? `#${Number(part) + 1}` : fieldLabel(part)))
    .join(" › ");
}

/** A snapshot value as text: "—" for none, yes/no, a record's name for its id, an instant in UTC, a grouped decimal. */
function readableValue(value: unknown, field: string, labels: EntityLabels): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const type = REFERENCE_FIELDS[field.split(".").at(-1) ?? ""];
    if (UUID.test(value)) return (type ? labels.get(`${type}:${value}`) : byId(labels, value)) ?? value;
    if (DECIMAL.test(value)) return readableDecimal(value);
    if (INSTANT.test(value)) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    }
    return value;
  }
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) {
    return value.length ? value.map((v) => readableValue(v, field, labels)).join(", ") : "none";
  }
  return JSON.stringify(value);
}

/** The changes of one audit entry as readable rows: noise left out, secrets hidden, nested fields spelled out. */
export function readableChanges(changes: FieldChange[], labels: EntityLabels): ReadableChange[] {
  return changes
    .filter((c) => !NOISE.has(c.field))
    .flatMap(flatten)
    .map((c) => ({
      field: c.field,
      label: label(c.field, labels),
      before: SECRET.has(c.field) ? (c.before ? "(hidden)" : "—") : readableValue(c.before, c.field, labels),
      after: SECRET.has(c.field) ? (c.after ? "(hidden)" : "—") : readableValue(c.after, c.field, labels),
    }));
}

/** The records an entry names (itself and the ids its snapshots point at), to look their labels up in one pass. */
export function entryReferences(entry: { entityType: string; entityId: string | null; before: unknown; after: unknown }) {
  const refs: { type: string; id: string }[] = [];
  if (entry.entityId) refs.push({ type: entry.entityType, id: entry.entityId });
  for (const snapshot of [entry.before, entry.after]) {
    if (!isObject(snapshot)) continue;
    for (const [field, type] of Object.entries(REFERENCE_FIELDS)) {
      const v = snapshot[field];
      if (typeof v === "string" && UUID.test(v)) refs.push({ type, id: v });
    }
  }
  return refs;
}

const PAGES: Record<string, (id: string) => string> = {
  contract: (id) => `/contracts/${id}`,
  reservation: (id) => `/reservations/${id}`,
  provider: (id) => `/settings/providers/${id}`,
  site: (id) => `/sites/${id}`,
  accelerator_type: (id) => `/settings/accelerators/${id}`,
  sku_mapping: (id) => `/settings/sku-mappings/${id}`,
  contract_mapping: (id) => `/costs/mappings/${id}`,
  demand_plan: (id) => `/demand-plans/${id}`,
  offer: (id) => `/offers/${id}`,
  team: (id) => `/allocation/teams/${id}`,
  workload: (id) => `/allocation/workloads/${id}`,
  scenario: (id) => `/scenarios/${id}`,
  report: (id) => `/reports/${id}`,
  user: (id) => `/settings/users/${id}`,
  api_key: (id) => `/settings/api-keys/${id}`,
  import: (id) => `/imports/${id}`,
};

/**
 * The page of the record an entry is about: its own page, or its parent's for records shown on another's page
 * (a power budget step on its site, a share link on its report). Null when there is none.
 */
export function entityHref(entityType: string, entityId: string | null, snapshot: unknown): string | null {
  const s = isObject(snapshot) ? snapshot : {};
  if (entityType === "power_budget" && typeof s.siteId === "string") return PAGES.site!(s.siteId);
  if (entityType === "shared_report" && typeof s.reportId === "string") return PAGES.report!(s.reportId);
  const page = PAGES[entityType];
  if (!page || !entityId) return null;
  if (entityType === "import" ? !/^\d+$/.test(entityId) : !UUID.test(entityId)) return null;
  return page(entityId);
}

/** "Contract", "SKU mapping", "Power budget". */
export function entityTypeLabel(entityType: string): string {
  return fieldLabel(entityType.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
}

/** A record's label from its own snapshot, for a record that no longer exists (a deleted budget step). */
export function snapshotLabel(snapshot: unknown): string | null {
  if (!isObject(snapshot)) return null;
  for (const key of ["name", "email", "fileName", "skuId", "reference"]) {
    const v = snapshot[key];
    if (typeof v === "string" && v.trim()) return v;
  }
  if (typeof snapshot.effectiveFrom === "string") return `from ${snapshot.effectiveFrom}`;
  return null;
}
