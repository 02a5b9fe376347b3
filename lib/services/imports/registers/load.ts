import type { Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/context";
import { readRegisterRows, type RowError } from "@/lib/ingest/registers/parse";
import { fieldOf, loadLookups, rowInput, type Lookups } from "@/lib/ingest/registers/resolve";
import type { RegisterTemplate, SampleRow } from "@/lib/csv/register-templates";
import { REGISTER_KINDS, type RegisterKind } from "./kinds";

// Loads every row of a register file inside the caller's transaction through the same zod schema and
// insert helper (database rules + audit row) as the form, collecting errors instead of stopping at the
// first. Rows of the file see the rows before them, so duplicates and overlaps within a file are caught.

export const MAX_LISTED_ERRORS = 100;
export const SAMPLE_ROWS = 20;

export type LoadOutcome = { rows: number; created: number; errors: RowError[]; errorCount: number; sample: SampleRow[] };

/** Service field errors → the template columns they belong to; one entry per message. */
function columnErrors(template: RegisterTemplate, fieldErrors: Record<string, string[]>): { column?: string; message: string }[] {
  const columns = template.columns.map((c) => c.name);
  const byMessage = new Map<string, string[]>();
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const column = columns.find((c) => fieldOf(c) === field);
    for (const message of messages) {
      const list = byMessage.get(message) ?? [];
      if (column && !list.includes(column)) list.push(column);
      byMessage.set(message, list);
    }
  }
  return [...byMessage].map(([message, cols]) => ({ column: cols.length ? cols.join(", ") : undefined, message }));
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** The created row as the template's columns, references shown by the name they resolved to. */
function sampleValues(template: RegisterTemplate, row: Record<string, unknown>, lookups: Lookups): Record<string, string> {
  const names = new Map(
    [
      ...lookups.providers,
      ...lookups.sites,
      ...lookups.types,
      ...lookups.contracts,
      ...lookups.scenarios,
      ...lookups.teams,
      ...lookups.workloads,
    ].map((n) => [n.id, n.name]),
  );
  return Object.fromEntries(
    template.columns.map((c) => {
      const value = row[fieldOf(c.name)];
      return [c.name, typeof value === "string" && names.has(value) ? names.get(value)! : display(value)];
    }),
  );
}

export type Progress = (p: { rows: number }) => void;

export async function loadRegisterRows(tx: Tx, ctx: Ctx, kind: RegisterKind, text: string, onProgress?: Progress): Promise<LoadOutcome> {
  const { template, schema, insert, names } = REGISTER_KINDS[kind];
  const lookups = await loadLookups(tx, template);
  const outcome: LoadOutcome = { rows: 0, created: 0, errors: [], errorCount: 0, sample: [] };
  const report = (line: number, list: { column?: string; message: string }[]) => {
    for (const e of list) {
      outcome.errorCount++;
      if (outcome.errors.length < MAX_LISTED_ERRORS)
        outcome.errors.push(e.column ? { line, column: e.column, message: e.message } : { line, message: e.message });
    }
  };
  let reported = Date.now();
  for await (const row of readRegisterRows(template, text)) {
    outcome.rows++;
    if (onProgress && Date.now() - reported >= 250) {
      reported = Date.now();
      onProgress({ rows: outcome.rows });
    }
    if (row.problem) {
      report(row.line, [{ message: row.problem }]);
      continue;
    }
    const { input, errors } = rowInput(template, row.values, lookups);
    const parsed = schema.safeParse(input);
    const unresolved = new Set(errors.map((e) => fieldOf(e.column)));
    const fieldErrors: Record<string, string[]> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (!unresolved.has(field) && !fieldErrors[field]) fieldErrors[field] = [issue.message];
      }
    }
    const problems = [...errors, ...columnErrors(template, fieldErrors)];
    if (problems.length > 0 || !parsed.success) {
      report(row.line, problems);
      continue;
    }
    try {
      // No savepoint per row (thousands of subtransactions slow Postgres down): the rules refuse a row
      // before any SQL fails, so the transaction stays usable and the rest of the file is still checked.
      const created = await insert(tx, ctx, parsed.data);
      outcome.created++;
      // A later row may name this one (a team under a parent created a few lines above).
      if (names && typeof created.id === "string" && typeof created.name === "string")
        lookups[names].push({ id: created.id, name: created.name, archived: false });
      if (outcome.sample.length < SAMPLE_ROWS) outcome.sample.push({ line: row.line, values: sampleValues(template, created, lookups) });
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        // The database refused a statement, so the transaction is aborted: report the line and stop checking.
        console.error(error);
        report(row.line, [{ message: "The database refused this row; the rows after it were not checked." }]);
        break;
      }
      const listed = columnErrors(template, error.fieldErrors);
      report(row.line, listed.length > 0 ? listed : [{ message: error.message }]);
    }
  }
  return outcome;
}
