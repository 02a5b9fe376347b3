import { z } from "zod";
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
