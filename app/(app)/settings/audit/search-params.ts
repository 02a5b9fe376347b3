import { z } from "zod";

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

export const AuditSearchParams = z.object({
  action: text,
  entity: text,
  actor: text,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export function parseAuditSearchParams(raw: Record<string, string | string[] | undefined>) {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = AuditSearchParams.safeParse(first);
  return parsed.success ? parsed.data : { page: 1, action: undefined, entity: undefined, actor: undefined };
}
