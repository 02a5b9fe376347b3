import { createHash } from "node:crypto";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { parseListParams, type ListParams, type ListSpec } from "@/lib/queries/lists/params";
import { searchParamsOf } from "./query";

// Cursor paging over a register list: the cursor is opaque to clients (base64url of the position in the list and a
// fingerprint of the filters and sort it belongs to). The rows are the page's own (its sort, its tie-breakers), read
// `limit + 1` at a time to know whether more follow. A row added or removed between two calls can shift the rest by
// one, as on the page.

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;

const limitMessage = `must be a whole number from 1 to ${LIMIT_MAX}.`;

/** The query schema of a list: search, sort, direction, the register's own filters (its schemas), limit and cursor. */
export function listQuery<S extends string, F extends z.ZodRawShape, G extends z.ZodRawShape>(
  spec: ListSpec<S, F>,
  filters: G,
  search: string,
) {
  return z.strictObject({
    q: z.string().trim().max(200, "must be at most 200 characters.").optional().meta({ description: search }),
    sort: z
      .enum(spec.sortable, { message: `must be one of ${spec.sortable.join(", ")}.` })
      .optional()
      .meta({
        description: `Sort column (default ${spec.defaultSort}).`,
      }),
    dir: z
      .enum(["asc", "desc"], { message: "must be asc or desc." })
      .optional()
      .meta({
        description: `Sort direction (default ${spec.defaultDir ?? "asc"}).`,
      }),
    ...filters,
    limit: z.coerce
      .number({ message: limitMessage })
      .int(limitMessage)
      .min(1, limitMessage)
      .max(LIMIT_MAX, limitMessage)
      .default(LIMIT_DEFAULT)
      .meta({ description: `Rows per page (default ${LIMIT_DEFAULT}, at most ${LIMIT_MAX}).` }),
    cursor: z.string().max(200, "is not a cursor of this API.").optional().meta({
      description: "next_cursor of the previous page, with the same other parameters.",
    }),
  });
}

type Query = { limit: number; cursor?: string | undefined } & Record<string, string | number | undefined>;

function fingerprint(values: Record<string, string | number | undefined>): string {
  const keep = Object.entries(values)
    .filter(([k, v]) => k !== "cursor" && k !== "limit" && v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify(keep)).digest("base64url").slice(0, 16);
}

export function encodeCursor(offset: number, values: Record<string, string | number | undefined>): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint(values) })).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, values: Record<string, string | number | undefined>): number {
  if (cursor === undefined) return 0;
  const bad = new ValidationError(
    "Bad query parameter cursor: it is not a next_cursor of this list with these filters and sort; start again without it.",
    { cursor: ["not a next_cursor of this list with these filters and sort."] },
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad;
  }
  const shape = z.object({ o: z.number().int().min(0).max(10_000_000), f: z.string() }).safeParse(parsed);
  if (!shape.success || shape.data.f !== fingerprint(values)) throw bad;
  return shape.data.o;
}

/** One page of a list: the page's parsed params, the rows from the cursor on, and the cursor of the next page. */
export async function listPage<S extends string, F extends z.ZodRawShape, R>(
  spec: ListSpec<S, F>,
  query: Query,
  rows: (params: ListParams<S, F>, offset: number, limit: number) => Promise<R[]>,
): Promise<{ data: R[]; next_cursor: string | null }> {
  const { cursor, limit, ...values } = query;
  const offset = decodeCursor(cursor, values);
  const params = parseListParams(spec, searchParamsOf(values));
  const filters = params.filters as Record<string, unknown>;
  for (const key of Object.keys(spec.filters)) {
    if (values[key] !== undefined && filters[key] === undefined)
      throw new ValidationError(`Bad query parameter ${key}: the register does not accept "${values[key]}".`, {
        [key]: [`the register does not accept "${values[key]}".`],
      });
  }
  const found = await rows(params, offset, limit + 1);
  const more = found.length > limit;
  return { data: found.slice(0, limit), next_cursor: more ? encodeCursor(offset + limit, values) : null };
}

export const nextCursorMeta = { description: "The cursor of the next page; null on the last page." };
