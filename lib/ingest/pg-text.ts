// PostgreSQL's text semantics as the SQL matching rules use them, for the Node matcher (lib/ingest/charge-matcher.ts).

/** btrim(s): strips spaces only (not tabs or newlines). */
export function btrim(s: string): string {
  let a = 0;
  let z = s.length;
  while (a < z && s.charCodeAt(a) === 32) a++;
  while (z > a && s.charCodeAt(z - 1) === 32) z--;
  return a === 0 && z === s.length ? s : s.slice(a, z);
}

/** nullif(btrim(s), ''). */
export function trimmedOrNull(s: string | null): string | null {
  if (s === null) return null;
  const t = btrim(s);
  return t === "" ? null : t;
}

/** lower(s) under a UTF-8 ctype: one code point at a time (no final sigma, İ → i), ASCII on the fast path. */
export function pgLower(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  let out = "";
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : String.fromCodePoint(lower.codePointAt(0)!);
  }
  return out;
}

/** Byte order of the UTF-8 forms, as `collate "C"` and uuid comparisons sort. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * jsonb's text output of a parsed JSON value: keys ordered by byte length then bytes, ", " and ": " separators.
 * Numbers print as JavaScript does (1.50 → 1.5, unlike numeric's 1.50).
 */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object") return `${value as number | boolean}`;
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(", ")}]`;
  const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a, "utf8") - Buffer.byteLength(b, "utf8") || compareBytes(a, b));
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`).join(", ")}}`;
}

/** `j ->> key` / `j #>> '{}'` of a parsed value: a string as is, JSON null as SQL null, anything else as jsonb text. */
export function jsonValueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return typeof value === "object" ? jsonbText(value) : `${value as number | boolean}`;
}

/** `j -> key` of a parsed object: undefined when absent (SQL null); JSON null stays null. */
export function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
