import { expect, it } from "vitest";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { SAMPLE_INPUTS } from "@/lib/testing/permission-samples";
import { WRITE_VERBS } from "@/lib/testing/verbs";

// The matrix itself runs by area: permissions-{registers,imports,planning,allocation,access}.int.test.ts.
describeOnEachEngine("permission matrix", () => {
  it("has a sample input for every write verb", () => {
    expect(Object.keys(SAMPLE_INPUTS).sort()).toEqual(Object.keys(WRITE_VERBS).sort());
  });
});
