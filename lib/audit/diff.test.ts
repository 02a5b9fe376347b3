import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff";

describe("diffSnapshots", () => {
  it("lists only the fields that changed, in name order", () => {
    const changes = diffSnapshots(
      { role: "viewer", name: "Ann", version: 1, updatedAt: "t1" },
      { role: "finance", name: "Ann", version: 2, updatedAt: "t2" },
    );
    expect(changes).toEqual([{ field: "role", before: "viewer", after: "finance" }]);
  });

  it("shows every field of a created entity as new", () => {
    expect(diffSnapshots(null, { email: "a@b.c", role: "infra" })).toEqual([
      { field: "email", before: null, after: "a@b.c" },
      { field: "role", before: null, after: "infra" },
    ]);
  });

  it("compares nested values by content", () => {
    expect(diffSnapshots({ scope: { a: 1 } }, { scope: { a: 1 } })).toEqual([]);
    expect(diffSnapshots({ scope: { a: 1 } }, { scope: { a: 2 } })).toHaveLength(1);
  });
});
