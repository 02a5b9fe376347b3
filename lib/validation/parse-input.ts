import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { fieldLabel } from "@/lib/format/field-label";

/** The input parsed by the schema, or a ValidationError naming the first field wrong and listing every message by field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0]!;
  const where = first.path.length ? `${fieldLabel(first.path.join("."))}: ` : "";
  throw new ValidationError(`Please fix the highlighted fields (${where}${first.message}).`, fieldErrors);
}
