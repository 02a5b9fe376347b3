import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import Decimal from "decimal.js";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { costLineItems, imports } from "@/lib/db/schema";
import { systemCtx } from "@/lib/services/system-actor";
import { runFocusImport, type FocusImportArgs } from "@/lib/services/imports/focus";

// Helpers for the FOCUS import tests (not used by the app).

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const focusDataDir = path.resolve(repoRoot, "../shared/data/focus");

export function requireFocusData(): string {
  if (!existsSync(focusDataDir)) {
    throw new Error(`The FOCUS test data is missing: expected ${focusDataDir} (../shared/data/focus next to the repository).`);
  }
  return focusDataDir;
}

/** Independent totals of a FOCUS CSV: csv-parse's synchronous API and decimal.js, nothing from the importer. */
export function independentTotals(file: string): { rows: number; billedCost: Decimal; effectiveCost: Decimal } {
  const records = parse<Record<string, string>>(readFileSync(file), { bom: true, columns: true, skip_empty_lines: true });
  const pick = (r: Record<string, string>, name: string) => {
    const key = Object.keys(r).find((k) => k.toLowerCase() === name.toLowerCase());
    const v = key ? r[key]!.trim() : "";
    return v === "" || v.toLowerCase() === "null" ? new Decimal(0) : new Decimal(v);
  };
  return records.reduce(
    (t, r) => ({
      rows: t.rows + 1,
      billedCost: t.billedCost.plus(pick(r, "BilledCost")),
      effectiveCost: t.effectiveCost.plus(pick(r, "EffectiveCost")),
    }),
    { rows: 0, billedCost: new Decimal(0), effectiveCost: new Decimal(0) },
  );
}

export function toCents(value: Decimal | string): string {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function importFile(db: Db, file: string, extra: Partial<FocusImportArgs> = {}, fxRates: Record<string, string> = {}) {
  return runFocusImport(
    { ctx: systemCtx(db, "test"), source: createReadStream(file), fileName: path.basename(file), ...extra },
    { fxRates },
  );
}

export function importText(db: Db, text: string | Buffer, fileName = "test.csv", fxRates: Record<string, string> = {}) {
  return runFocusImport({ ctx: systemCtx(db, "test"), source: once(Buffer.from(text)), fileName }, { fxRates });
}

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

export async function lineItemCount(db: Db, importId?: number): Promise<number> {
  const q = db.select({ n: count() }).from(costLineItems);
  const [row] = importId === undefined ? await q : await q.where(eq(costLineItems.importId, importId));
  return row!.n;
}

export async function importRow(db: Db, id: number) {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row;
}
