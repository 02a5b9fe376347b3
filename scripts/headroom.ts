import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { DatabaseUnavailableError, openDatabase, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { users } from "@/lib/db/schema";
import { env, EnvError } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importFocus, type FocusImportResult } from "@/lib/services/imports/focus";
import type { Ctx } from "@/lib/auth/context";
import { systemCtx } from "@/lib/services/system-actor";
import { runningPid } from "./lib/server-lock";

const USAGE = `Usage:
  npm run headroom -- import focus FILE [--json] [--as EMAIL]

Imports a FOCUS 1.0–1.3 cost-and-usage CSV (plain or .gz) into the configured database (DATABASE_URL,
or the embedded one in HEADROOM_DATA_DIR), applying migrations first. Progress goes to stderr; with
--json the result (status, rows, totals as decimal strings) is printed to stdout as JSON.
Exit code 0: succeeded or already imported (duplicate); 1: failed.`;

async function actorCtx(db: Db, email: string | undefined): Promise<Ctx> {
  if (!email) return systemCtx(db, "cli");
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user || user.disabled) throw new AppError(`No active user with the email ${email}.`);
  return { db, actor: { id: user.id, email: user.email, role: user.role, kind: "user" } };
}

function printHuman(result: FocusImportResult, fileName: string): void {
  if (result.status === "duplicate") {
    console.log(
      `${fileName} was already imported as import #${result.importId} (${result.duplicateOf?.fileName}, ${result.duplicateOf?.createdAt}); nothing changed.`,
    );
    return;
  }
  if (result.status === "failed") {
    console.log(`${fileName} was rejected; nothing was loaded${result.importId ? ` (import #${result.importId})` : ""}.`);
    for (const e of result.errors) console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
    return;
  }
  const s = result.summary!;
  console.log(`Imported ${result.rows.toLocaleString("en-US")} rows from ${fileName} as import #${result.importId}.`);
  console.log(`  total: BilledCost ${s.total.billedCost} ${s.currency}, EffectiveCost ${s.total.effectiveCost} ${s.currency}`);
  for (const p of s.byProvider)
    console.log(`  ${p.provider}: ${p.rows} rows, BilledCost ${p.billedCost}, EffectiveCost ${p.effectiveCost}`);
  for (const m of s.byMonth) console.log(`  ${m.month}: ${m.rows} rows, BilledCost ${m.billedCost}, EffectiveCost ${m.effectiveCost}`);
  for (const r of result.replaced ?? [])
    console.log(`  replaced ${r.rows} earlier rows of ${r.provider}, billing period ${r.billingPeriodStart}`);
  console.log(`  unmatched: ${s.matching.unmatchedRows} rows, EffectiveCost ${s.matching.unmatchedEffectiveCost}`);
}

async function main(): Promise<number> {
  const [command, kind, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: "boolean" }, as: { type: "string" } },
  });
  const file = positionals[0];
  if (command !== "import" || kind !== "focus" || !file) {
    console.log(USAGE);
    return command ? 2 : 0;
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw new AppError(`No such file: ${file}`);
  const e = env();
  if (!e.databaseUrl && runningPid(e.dataDir)) {
    throw new AppError("Headroom is running on the embedded database; stop it before using this command (or use the upload page).");
  }
  const handle = await openDatabase({ url: e.databaseUrl, dataDir: e.dataDir });
  try {
    await migrateDatabase(handle);
    const ctx = await actorCtx(handle.db, values.as);
    const size = statSync(file).size;
    const started = Date.now();
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    const result = await importFocus({
      ctx,
      source: createReadStream(file, { highWaterMark: 1 << 18 }),
      fileName: path.basename(file),
      signal: controller.signal,
      onProgress: ({ bytes, rows }) => {
        const pct = size ? Math.floor((bytes / size) * 100) : 0;
        process.stderr.write(`\r${pct}% · ${(bytes / 1e6).toFixed(1)} MB · ${rows.toLocaleString("en-US")} rows`);
      },
    });
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    process.stderr.write(`\r${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s${" ".repeat(30)}\n`);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else printHuman(result, path.basename(file));
    return result.status === "failed" ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError || error instanceof EnvError || error instanceof DatabaseUnavailableError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
