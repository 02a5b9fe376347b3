export type FieldChange = { field: string; before: unknown; after: unknown };

const IGNORED = new Set(["updatedAt", "version"]);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

// Field-by-field changes between two audit snapshots; a create has only `after`, a delete only `before`.
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f)).sort();
  return fields.filter((field) => !same(b[field], a[field])).map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
