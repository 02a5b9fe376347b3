import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { RegisterTemplate } from "@/lib/csv/register-templates";

export type RowError = { line: number; column?: string; message: string };

/** One data row: `line` as a spreadsheet shows it (header = 1), values keyed by template column name. */
export type RegisterRow = { line: number; values: Record<string, string>; problem?: string };

/** A problem with the file as a whole (header, encoding, broken quoting): nothing in it can be loaded. */
export class RegisterFileError extends Error {
  override name = "RegisterFileError";
  constructor(readonly errors: RowError[]) {
    super(errors[0]?.message ?? "The file cannot be read.");
  }
}

/** Header names as people type them: case, surrounding spaces, and spaces or hyphens for underscores don't matter. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Maps each header cell to a template column, or reports unknown, duplicate and missing required columns. */
export function matchHeader(template: RegisterTemplate, header: readonly string[]): (string | null)[] {
  const columns = template.columns;
  const known = new Map(columns.map((c) => [c.name, c.name]));
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  const mapped = header.map((cell) => {
    const name = known.get(normalizeColumnName(cell));
    if (name === undefined) {
      if (cell.trim() !== "") unknown.push(cell.trim());
      return null;
    }
    if (seen.has(name)) errors.push({ line: 1, column: name, message: `The column ${name} appears more than once.` });
    seen.add(name);
    return name;
  });
  const allNames = columns.map((c) => c.name).join(", ");
  if (unknown.length > 0) {
    const list = unknown.join(", ");
    errors.push({
      line: 1,
      column: list,
      message: `Unknown column${unknown.length > 1 ? "s" : ""} ${list}. A ${template.label.toLowerCase()} file has the columns ${allNames}.`,
    });
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    errors.push({
      line: 1,
      column: missing.join(", "),
      message: `Missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`,
    });
  }
  if (errors.length > 0) throw new RegisterFileError(errors);
  return mapped;
}

function csvProblem(error: CsvError, line: number): RegisterFileError {
  const at = (error as CsvError & { lines?: number }).lines ?? line;
  const reason =
    error.code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted value is never closed"
      : error.code === "CSV_INVALID_CLOSING_QUOTE"
        ? "a closing quote is followed by more text (write a quote inside a quoted value as two quotes)"
        : error.message;
  return new RegisterFileError([{ line: at, message: `The file is not valid CSV near line ${at}: ${reason}.` }]);
}

/**
 * Reads a register CSV row by row with csv-parse (BOM, CRLF or LF, quoted fields with commas and line
 * breaks). Blank rows are skipped but still counted, so line numbers match the spreadsheet's rows.
 * Throws RegisterFileError for a bad header or broken CSV.
 */
export async function* readRegisterRows(template: RegisterTemplate, text: string): AsyncGenerator<RegisterRow> {
  const parser = Readable.from([text]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  let line = 0;
  let header: (string | null)[] | null = null;
  const names = template.columns.map((c) => c.name);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (header === null) {
        if (record.every((c) => c.trim() === ""))
          throw new RegisterFileError([{ line: 1, message: "The first line must be the header (the column names of the template)." }]);
        header = matchHeader(template, record);
        continue;
      }
      if (record.every((c) => c.trim() === "")) continue;
      const values: Record<string, string> = Object.fromEntries(names.map((n) => [n, ""]));
      let extra = false;
      record.forEach((cell, i) => {
        const name = i < header!.length ? header![i] : undefined;
        if (name) values[name] = cell;
        else if (cell.trim() !== "") extra = true;
      });
      const problem = extra ? `This line has values beyond the ${header.filter(Boolean).length} named columns of the header.` : undefined;
      yield { line, values, problem };
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error, line + 1);
    throw error;
  }
  if (header === null)
    throw new RegisterFileError([{ line: 1, message: "The file is empty: it needs the header line and at least one row." }]);
}
