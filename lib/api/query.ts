import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { hasControlCharacter } from "@/lib/validation/control-characters";

/**
 * A request's query parameters checked against the endpoint's schema: an unknown parameter, one given twice, a
 * control character or a value the schema refuses is a 400 naming the field. The parsed values go on to the page's
 * own URL parser, so the API reads its filters exactly as the page does.
 */
export function checkQuery<T extends z.ZodType>(url: URL, schema: T): z.output<T> {
  const values = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (values.has(key)) throw fieldError(key, `${key} is given more than once.`);
    if (hasControlCharacter(value)) throw fieldError(key, `${key} holds a control character.`);
    values.set(key, value);
  }
  const parsed = schema.safeParse(Object.fromEntries(values));
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const issue of parsed.error.issues) {
    const names = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "query")];
    for (const name of names)
      (fields[name] ??= []).push(issue.code === "unrecognized_keys" ? `${name} is not a parameter of this endpoint.` : issue.message);
  }
  const [first] = Object.entries(fields);
  throw new ValidationError(`Bad query parameter ${first![0]}: ${first![1][0]}`, fields);
}

function fieldError(field: string, message: string): ValidationError {
  return new ValidationError(`Bad query parameter ${field}: ${message}`, { [field]: [message] });
}

/** The checked values as URL parameters again, for the page's parser (undefined left out). */
export function searchParamsOf(values: Record<string, string | number | undefined>): URLSearchParams {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) s.set(k, String(v));
  return s;
}
