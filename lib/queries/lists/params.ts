import { z } from "zod";
import { hasControlCharacter } from "@/lib/validation/control-characters";

// URL state of a register list: search, sort, direction, page and the list's own filters.
// Everything the list shows is derived from these, so a link or a CSV export reproduces it exactly.

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZES = [25, 50, 100] as const;

export type ListSpec<S extends string, F extends z.ZodRawShape> = {
  sortable: readonly [S, ...S[]];
  defaultSort: S;
  defaultDir?: "asc" | "desc";
  filters: F;
};

export type ListParams<S extends string, F extends z.ZodRawShape> = {
  q: string | undefined;
  sort: S;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  filters: z.infer<z.ZodObject<F>>;
};

/** The first value of each parameter; a value holding a control character (which PostgreSQL may refuse) is malformed, so unset. */
function first(raw: RawSearchParams | URLSearchParams): Record<string, string | undefined> {
  const entries =
    raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return Object.fromEntries(entries.filter(([, v]) => v === undefined || !hasControlCharacter(v)));
}

/** An optional text filter: trimmed, empty becomes undefined. */
export const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

/** Parses list state from the URL; anything malformed falls back to its default rather than failing. */
export function parseListParams<S extends string, F extends z.ZodRawShape>(
  spec: ListSpec<S, F>,
  raw: RawSearchParams | URLSearchParams,
): ListParams<S, F> {
  const values = first(raw);
  const sort = (spec.sortable as readonly string[]).includes(values.sort ?? "") ? (values.sort as S) : spec.defaultSort;
  const dir = values.dir === "asc" || values.dir === "desc" ? values.dir : (spec.defaultDir ?? "asc");
  const page = Math.min(100_000, Math.max(1, Number.parseInt(values.page ?? "1", 10) || 1));
  const sizeRaw = Number.parseInt(values.size ?? "", 10);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : PAGE_SIZES[1];
  const q = values.q?.trim().slice(0, 200) || undefined;
  const filters: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(spec.filters)) {
    const parsed = (schema as z.ZodType).safeParse(values[key]);
    filters[key] = parsed.success ? parsed.data : undefined;
  }
  return { q, sort, dir, page, pageSize, filters: filters as z.infer<z.ZodObject<F>> };
}

/** The query string for these params with some changed; defaults are left out to keep URLs short. */
export function listQuery(
  params: { q?: string; sort: string; dir: string; page: number; pageSize: number; filters: Record<string, string | number | undefined> },
  changes: Partial<{ q: string | undefined; sort: string; dir: string; page: number; pageSize: number }> = {},
): string {
  const next = { ...params, ...changes };
  const s = new URLSearchParams();
  if (next.q) s.set("q", next.q);
  for (const [k, v] of Object.entries(params.filters)) if (v !== undefined && v !== "") s.set(k, String(v));
  s.set("sort", next.sort);
  s.set("dir", next.dir);
  if (next.pageSize !== PAGE_SIZES[1]) s.set("size", String(next.pageSize));
  if (next.page > 1) s.set("page", String(next.page));
  return `?${s.toString()}`;
}

/** Escapes a search term for ILIKE. */
export function likePattern(q: string): string {
  return `%${q.replace(/[%_\\]/g, "\\$&")}%`;
}

export type ListResult<T> = { rows: T[]; total: number; page: number; pageCount: number; pageSize: number };

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
