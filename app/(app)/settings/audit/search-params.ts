import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import type { AuditParams } from "@/lib/queries/settings/audit";
import { hasControlCharacter } from "@/lib/validation/control-characters";

// A value holding a control character such as NUL (which PostgreSQL refuses) is malformed, so ignored.
const text = z
  .string()
  .trim()
  .max(200)
  .refine((v) => !hasControlCharacter(v))
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));

/** A UTC day, YYYY-MM-DD, that exists on the calendar (2026-02-30 does not). */
function isDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const at = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(v);
}

const day = text.refine((v) => v === undefined || isDay(v)).catch(undefined);

export const AuditSearchParams = z.object({
  action: text,
  entity: text,
  actor: text,
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditSearch = z.infer<typeof AuditSearchParams>;

const first = (raw: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

/** The page's filters; a malformed value is ignored (the page shows the log without it). */
export function parseAuditSearchParams(raw: Record<string, string | string[] | undefined>): AuditSearch {
  const parsed = AuditSearchParams.safeParse(first(raw));
  return parsed.success ? parsed.data : { page: 1, action: undefined, entity: undefined, actor: undefined, from: undefined, to: undefined };
}

/** The query the list reads. */
export function auditQuery(s: AuditSearch): AuditParams {
  return { action: s.action, entityType: s.entity, actor: s.actor, from: s.from, to: s.to, page: s.page };
}

/**
 * The CSV export's filters: the page's, but a date that is not a day, or a range that ends before it starts, is
 * refused (a CSV that quietly dropped a filter would not be the rows asked for).
 */
export function parseAuditExportParams(search: URLSearchParams): AuditParams {
  for (const key of ["from", "to"] as const) {
    const v = search.get(key)?.trim();
    if (v && !isDay(v)) throw new ValidationError(`"${key}" must be a day as YYYY-MM-DD, e.g. 2026-03-31; got "${v.slice(0, 40)}".`);
  }
  const params = auditQuery(parseAuditSearchParams(Object.fromEntries(search)));
  if (params.from && params.to && params.from > params.to) {
    throw new ValidationError(`"from" (${params.from}) is after "to" (${params.to}); no entry can match.`);
  }
  return params;
}
