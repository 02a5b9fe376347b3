import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Db, DbHandle } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { importFocus, type FocusImportResult } from "@/lib/services/imports/focus";
import { importBusinessMetricsCsv } from "@/lib/services/imports/business-metrics/import";
import type { BusinessMetricsImportResult } from "@/lib/ingest/business-metrics/types";
import { commitRegisterImport, previewRegisterImport, type RegisterImportResult } from "@/lib/services/imports/registers/import";
import { isRegisterKind, REGISTER_KIND_NAMES, REGISTER_KINDS, type RegisterKind } from "@/lib/services/imports/registers/kinds";
import type { Ctx } from "@/lib/auth/context";
import { systemCtx } from "@/lib/services/system-actor";
import { jobsOverview } from "@/lib/queries/settings/jobs";
import { runJobNow } from "@/lib/services/jobs/run-now";
import { parsePlanArgs, PLAN_HELP, PLAN_USAGE, runPlanCommand } from "./headroom-plan";
import { ALERTS_HELP, ALERTS_USAGE, runAlertsCommand } from "./headroom-alerts";

const KINDS = REGISTER_KIND_NAMES.join("|");

const USAGE = `Usage:
  npm run headroom -- import focus FILE [--json] [--as EMAIL]
  npm run headroom -- import <${KINDS}> FILE [--check] [--json] [--as EMAIL]
  npm run headroom -- import business-metrics FILE [--json] [--as EMAIL]
${PLAN_USAGE}
  npm run headroom -- jobs list
  npm run headroom -- jobs run NAME [--as EMAIL]
${ALERTS_USAGE}

import focus: a FOCUS 1.0–1.3 cost-and-usage CSV (plain or .gz).
import <register>: a register CSV with the columns of its template (download it from Imports → Registers, or see
README), loaded all-or-nothing through the same rules as the forms; errors are listed by line (line 1 is the
header) and column. --check validates every row and loads nothing.
import business-metrics: daily values per workload (columns workload,metric,day,value), loaded all-or-nothing;
a day sent again replaces its value.
${PLAN_HELP}
jobs list: each scheduled job, its schedule and its last run. jobs run NAME: runs that job now, recorded in its
history as a run from the command line (the result or the error is printed).
${ALERTS_HELP}

Every command works on the configured database (DATABASE_URL, or the embedded one in HEADROOM_DATA_DIR), applying migrations
first, as EMAIL's role (default: the command line acts as an admin). Progress goes to stderr; with --json the result
is printed to stdout as JSON (totals and amounts as decimal strings).
Exit code 0: succeeded (focus: or already imported; --check: every row valid; plan: a plan was found); 1: refused or
failed; 2: bad usage.`;

type CliIo = {
  /** Opens the database, migrated; the CLI closes it when done. */
  open: () => Promise<DbHandle>;
  out: (line: string) => void;
  progress: (text: string) => void;
};

async function actorCtx(db: Db, email: string | undefined): Promise<Ctx> {
  if (!email) return systemCtx(db, "cli");
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user || user.disabled) throw new AppError(`No active user with the email ${email}.`);
  return { db, actor: { id: user.id, email: user.email, role: user.role, kind: "user" } };
}

function printFocus(out: CliIo["out"], result: FocusImportResult, fileName: string): void {
  if (result.status === "duplicate") {
    out(
      `${fileName} was already imported as import #${result.importId} (${result.duplicateOf?.fileName}, ${result.duplicateOf?.createdAt}); nothing changed.`,
    );
    return;
  }
  if (result.status === "failed") {
    out(`${fileName} was rejected; nothing was loaded${result.importId ? ` (import #${result.importId})` : ""}.`);
    for (const e of result.errors) out(`  line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
    return;
  }
  const s = result.summary!;
  out(`Imported ${result.rows.toLocaleString("en-US")} rows from ${fileName} as import #${result.importId}.`);
  out(`  total: BilledCost ${s.total.billedCost} ${s.currency}, EffectiveCost ${s.total.effectiveCost} ${s.currency}`);
  for (const p of s.byProvider) out(`  ${p.provider}: ${p.rows} rows, BilledCost ${p.billedCost}, EffectiveCost ${p.effectiveCost}`);
  for (const m of s.byMonth) out(`  ${m.month}: ${m.rows} rows, BilledCost ${m.billedCost}, EffectiveCost ${m.effectiveCost}`);
  for (const r of result.replaced ?? []) out(`  replaced ${r.rows} earlier rows of ${r.provider}, billing period ${r.billingPeriodStart}`);
  out(`  unmatched: ${s.matching.unmatchedRows} rows, EffectiveCost ${s.matching.unmatchedEffectiveCost}`);
}

function printRegister(out: CliIo["out"], result: RegisterImportResult): void {
  const { singular } = REGISTER_KINDS[result.kind].template;
  const count = (n: number, one: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : `${one}s`}`;
  if (result.errorCount === 0) {
    out(
      result.mode === "preview"
        ? `All ${count(result.rows, "row")} of ${result.fileName} are valid; nothing was loaded (--check).`
        : `Imported ${count(result.created, singular)} from ${result.fileName} as import #${result.importId}.`,
    );
    return;
  }
  const recorded = result.importId ? ` (import #${result.importId})` : "";
  out(
    `${result.fileName} was rejected; nothing was loaded${recorded}. ${count(result.errorCount, "error")} in ${count(result.rows, "row")}:`,
  );
  for (const e of result.errors) out(`  line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
  if (result.errorCount > result.errors.length) out(`  … and ${count(result.errorCount - result.errors.length, "more error")}.`);
}

function printBusinessMetrics(out: CliIo["out"], result: BusinessMetricsImportResult, fileName: string): void {
  if (result.status === "failed") {
    out(`${fileName} was rejected; nothing was loaded${result.importId ? ` (import #${result.importId})` : ""}.`);
    for (const e of result.errors) out(`  line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
    return;
  }
  const s = result.summary!;
  out(`Imported ${s.values.toLocaleString("en-US")} daily values from ${fileName} as import #${result.importId}.`);
  out(
    `  ${s.workloads} workloads, metrics ${s.metrics.join(", ")}, ${s.firstDay} to ${s.lastDay}; ${s.replaced} replaced an earlier value`,
  );
}

function runBusinessMetrics(ctx: Ctx, file: string, io: CliIo): Promise<BusinessMetricsImportResult> {
  // Opened when first read, after the permission check: a refused caller leaves no open file behind.
  async function* source() {
    yield* createReadStream(file, { highWaterMark: 1 << 18 }) as AsyncIterable<Uint8Array>;
  }
  return importBusinessMetricsCsv({
    ctx,
    source: source(),
    fileName: path.basename(file),
    onProgress: ({ rows }) => io.progress(`${rows.toLocaleString("en-US")} rows`),
  });
}

async function runFocus(ctx: Ctx, file: string, io: CliIo): Promise<FocusImportResult> {
  const size = statSync(file).size;
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await importFocus({
      ctx,
      source: createReadStream(file, { highWaterMark: 1 << 18 }),
      fileName: path.basename(file),
      signal: controller.signal,
      onProgress: ({ bytes, rows }) => {
        const pct = size ? Math.floor((bytes / size) * 100) : 0;
        io.progress(`${pct}% · ${(bytes / 1e6).toFixed(1)} MB · ${rows.toLocaleString("en-US")} rows`);
      },
    });
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

function runRegister(ctx: Ctx, kind: RegisterKind, file: string, check: boolean, io: CliIo): Promise<RegisterImportResult> {
  const input = { kind, fileName: path.basename(file), content: new Uint8Array(readFileSync(file)) };
  const verb = check ? previewRegisterImport : commitRegisterImport;
  return verb({ ctx, input, onProgress: ({ rows }) => io.progress(`${rows.toLocaleString("en-US")} rows`) });
}

async function plan(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parsePlanArgs>;
  try {
    parsed = parsePlanArgs(args);
  } catch (error) {
    if (error instanceof AppError) throw error;
    io.out(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const handle = await io.open();
  try {
    const ctx = await actorCtx(handle.db, parsed.as);
    return await runPlanCommand(ctx, parsed, io.out);
  } finally {
    await handle.close();
  }
}

async function jobs(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { as: { type: "string" } } });
  const [verb, name] = positionals;
  if (!(verb === "list" && !name) && !(verb === "run" && name)) {
    io.out(USAGE);
    return 2;
  }
  const handle = await io.open();
  try {
    const ctx = await actorCtx(handle.db, values.as);
    if (verb === "list") {
      for (const job of await jobsOverview(ctx)) {
        const last = job.last ? `${job.last.status} ${job.last.startedAt.toISOString()}` : "never run";
        io.out(`${job.name.padEnd(24)} ${(job.schedule ?? "on request").padEnd(14)} last: ${last}`);
      }
      return 0;
    }
    const outcome = await runJobNow({ ctx, input: { name: name ?? "", trigger: "cli" } });
    io.out(outcome.status === "succeeded" ? `${name}: ${outcome.result ?? "done"} (${outcome.ms} ms)` : `${name} failed: ${outcome.error}`);
    return outcome.status === "succeeded" ? 0 : 1;
  } finally {
    await handle.close();
  }
}

/** `headroom import <kind> FILE …` or `headroom plan …`: the exit code (0 done, 1 refused or failed, 2 bad usage). Known refusals throw AppError. */
export async function runHeadroom(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === "plan") return plan(argv.slice(1), io);
  if (argv[0] === "jobs") return jobs(argv.slice(1), io);
  if (argv[0] === "alerts") return runAlertsCommand(argv.slice(1), io, USAGE);
  const [command, kind, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: "boolean" }, as: { type: "string" }, check: { type: "boolean" } },
  });
  const file = positionals[0];
  const known = kind === "focus" || kind === "business-metrics" || isRegisterKind(kind);
  if (command !== "import" || !known || !file || ((kind === "focus" || kind === "business-metrics") && values.check)) {
    io.out(USAGE);
    return command ? 2 : 0;
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw new AppError(`No such file: ${file}`);
  const handle = await io.open();
  try {
    const ctx = await actorCtx(handle.db, values.as);
    const started = Date.now();
    const result = isRegisterKind(kind)
      ? await runRegister(ctx, kind, file, values.check === true, io)
      : kind === "business-metrics"
        ? await runBusinessMetrics(ctx, file, io)
        : await runFocus(ctx, file, io);
    io.progress(`${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else if ("kind" in result) printRegister(io.out, result);
    else if (kind === "business-metrics") printBusinessMetrics(io.out, result as BusinessMetricsImportResult, path.basename(file));
    else printFocus(io.out, result as FocusImportResult, path.basename(file));
    return result.status === "failed" || result.status === "invalid" ? 1 : 0;
  } finally {
    await handle.close();
  }
}
