import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { imports } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { audit } from "@/lib/services/audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { loadRegisterRows, MAX_LISTED_ERRORS, type LoadOutcome, type Progress } from "./load";
import { RegisterFileError, type RowError } from "@/lib/ingest/registers/parse";
import type { SampleRow } from "@/lib/csv/register-templates";
import { REGISTER_KIND_NAMES, REGISTER_KINDS, registerKindList, type RegisterKind } from "./kinds";

/** Register files are read whole; onboarding files of tens of thousands of rows are a few MB. */
export const MAX_REGISTER_FILE_BYTES = 10 * 1024 * 1024;

export type RegisterImportResult = {
  kind: RegisterKind;
  mode: "preview" | "commit";
  /** preview: valid | invalid; commit: succeeded | failed. */
  status: "valid" | "invalid" | "succeeded" | "failed";
  importId: number | null;
  fileName: string;
  sha256: string;
  rows: number;
  created: number;
  errorCount: number;
  /** The first 100 errors, by line. */
  errors: RowError[];
  columns: string[];
  /** The first rows as they are (or would be) created, references shown by their resolved names. */
  sample: SampleRow[];
};

const KindInput = z.object({
  kind: z.enum(REGISTER_KIND_NAMES, { message: `Choose what the file holds: ${registerKindList()}.` }),
});

const FileInput = z.object({
  fileName: z.string().trim().min(1).max(200).catch("register.csv"),
  content: z.union([z.string(), z.instanceof(Uint8Array)], { message: "Choose a CSV file." }),
});

class Rollback extends Error {
  constructor(readonly outcome: LoadOutcome) {
    super("rollback");
  }
}

function decode(content: string | Uint8Array): string {
  if (typeof content === "string") return content;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    throw new RegisterFileError([{ line: 1, message: "The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”." }]);
  }
}

function sizeError(bytes: number): ValidationError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new ValidationError(`The file is ${mb} MB; register files are limited to 10 MB. Split it into several files.`);
}

async function run(ctx: Ctx, input: unknown, mode: "preview" | "commit", onProgress?: Progress): Promise<RegisterImportResult> {
  const { kind } = parseOrRefuse(KindInput, input);
  requirePermission(ctx, REGISTER_KINDS[kind].template.permission);
  const { fileName, content } = parseOrRefuse(FileInput, input);
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  if (size > MAX_REGISTER_FILE_BYTES) throw sizeError(size);
  const base = { kind, mode, fileName, columns: REGISTER_KINDS[kind].template.columns.map((c) => c.name) };
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let outcome: LoadOutcome;
  let importId: number | null = null;
  try {
    const text = decode(content);
    const [earlier] = await ctx.db
      .select({ id: imports.id, createdAt: imports.createdAt })
      .from(imports)
      .where(and(eq(imports.kind, kind), eq(imports.sha256, sha256), eq(imports.status, "succeeded")));
    if (earlier) {
      const when = earlier.createdAt.toISOString().slice(0, 16).replace("T", " ");
      throw new RegisterFileError([
        {
          line: 1,
          message: `This file was already imported (import #${earlier.id}, ${when} UTC); importing it again would load its rows twice.`,
        },
      ]);
    }
    const committed = await ctx.db.transaction(async (tx) => {
      const loaded = await loadRegisterRows(tx, ctx, kind, text, onProgress);
      if (loaded.rows === 0) throw new RegisterFileError([{ line: 2, message: "The file has a header but no rows." }]);
      if (mode === "preview" || loaded.errorCount > 0) throw new Rollback(loaded);
      const [row] = await tx
        .insert(imports)
        .values({
          kind,
          fileName,
          sha256,
          rows: loaded.rows,
          bytes: bytes.byteLength,
          status: "succeeded",
          summary: { created: loaded.created },
          createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
          finishedAt: new Date(),
        })
        .returning({ id: imports.id });
      await audit(tx, ctx, {
        action: "import.register",
        entityType: "import",
        entityId: String(row!.id),
        after: { kind, fileName, sha256, rows: loaded.rows },
      });
      return { loaded, id: row!.id };
    });
    outcome = committed.loaded;
    importId = committed.id;
  } catch (error) {
    if (error instanceof Rollback) outcome = error.outcome;
    else if (error instanceof RegisterFileError)
      outcome = { rows: 0, created: 0, errors: error.errors.slice(0, MAX_LISTED_ERRORS), errorCount: error.errors.length, sample: [] };
    else throw error;
  }
  const failed = outcome.errorCount > 0;
  if (mode === "commit" && failed) importId = await recordFailure(ctx, { kind, fileName, sha256, outcome, size });
  return {
    ...base,
    status: mode === "preview" ? (failed ? "invalid" : "valid") : failed ? "failed" : "succeeded",
    importId,
    sha256,
    rows: outcome.rows,
    created: failed || mode === "preview" ? 0 : outcome.created,
    errorCount: outcome.errorCount,
    errors: outcome.errors,
    sample: outcome.sample,
  };
}

async function recordFailure(
  ctx: Ctx,
  f: { kind: RegisterKind; fileName: string; sha256: string; outcome: LoadOutcome; size: number },
): Promise<number> {
  const [row] = await ctx.db
    .insert(imports)
    .values({
      kind: f.kind,
      fileName: f.fileName,
      sha256: f.sha256,
      rows: f.outcome.rows,
      bytes: f.size,
      status: "failed",
      errors: f.outcome.errors,
      summary: { errorCount: f.outcome.errorCount },
      createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
      finishedAt: new Date(),
    })
    .returning({ id: imports.id });
  return row!.id;
}

function parseOrRefuse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]!.message);
  return parsed.data;
}

/** Validates every row of a register file and rolls everything back: what an import would do, changing nothing. */
export function previewRegisterImport({
  ctx,
  input,
  onProgress,
}: {
  ctx: Ctx;
  input: unknown;
  onProgress?: Progress;
}): Promise<RegisterImportResult> {
  return run(ctx, input, "preview", onProgress);
}

/** Loads a register file all-or-nothing: every row is created in one transaction, or none when any row is bad. */
export function commitRegisterImport({
  ctx,
  input,
  onProgress,
}: {
  ctx: Ctx;
  input: unknown;
  onProgress?: Progress;
}): Promise<RegisterImportResult> {
  return run(ctx, input, "commit", onProgress);
}
