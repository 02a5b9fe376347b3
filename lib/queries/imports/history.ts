import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { hasControlCharacter } from "@/lib/validation/control-characters";
import { PAGE_SIZES, type ListResult } from "@/lib/queries/lists/params";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { IMPORT_KINDS, IMPORT_STATUSES } from "@/lib/enums";
import { IMPORT_LIST, listImports, parseImportListParams, type ImportListParams, type ImportListRow } from ".";

/** An import history row as JSON carries it: the times as ISO strings. */
export type ImportHistoryRow = Omit<ImportListRow, "createdAt" | "finishedAt"> & { createdAt: string; finishedAt: string | null };
/** `readAt`: when the server read the rows (ms since the epoch), so a browser cache can tell which copy is newer. */
export type ImportHistory = ListResult<ImportHistoryRow> & { readAt: number };

const oneOf = (name: string, values: readonly string[]) => `${name} must be one of ${values.join(", ")}.`;

// The JSON history refuses what the page forgives: a wrong parameter is a caller's bug, answered with a 400 naming it.
const ImportHistoryQuery = z.strictObject(
  {
    q: z
      .string()
      .max(200, "q is at most 200 characters.")
      .refine((q) => !hasControlCharacter(q), "q must not contain a control character (such as NUL).")
      .optional(),
    sort: z.enum(IMPORT_LIST.sortable, oneOf("sort", IMPORT_LIST.sortable)).optional(),
    dir: z.enum(["asc", "desc"], oneOf("dir", ["asc", "desc"])).optional(),
    page: z
      .string()
      .regex(/^\d+$/, "page must be a whole number.")
      .refine((s) => Number(s) >= 1 && Number(s) <= 100_000, "page must be between 1 and 100000.")
      .optional(),
    size: z
      .string()
      .refine((s) => (PAGE_SIZES as readonly number[]).includes(Number(s)) && /^\d+$/.test(s), oneOf("size", PAGE_SIZES.map(String)))
      .optional(),
    kind: z.enum(IMPORT_KINDS, oneOf("kind", IMPORT_KINDS)).optional(),
    status: z.enum(IMPORT_STATUSES, oneOf("status", IMPORT_STATUSES)).optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter: ${issue.keys.join(", ")}.` : undefined) },
);

/** The history's list state from a JSON request's query (an empty value means unset, as the page's filter form sends "All");
 * anything malformed is a ValidationError naming the parameter. */
export function parseImportHistoryQuery(search: URLSearchParams): ImportListParams {
  const parsed = ImportHistoryQuery.safeParse(Object.fromEntries([...search.entries()].filter(([, v]) => v !== "")));
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid query.");
  return parseImportListParams(search);
}

/** One page of the import history, as the page shows it and the JSON route sends it. */
export async function getImportHistory(ctx: Ctx, params: ImportListParams): Promise<ImportHistory> {
  requirePermission(ctx, "app.read");
  const readAt = Date.now();
  const result = await listImports(ctx, params);
  return {
    ...result,
    readAt,
    rows: result.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
  };
}
