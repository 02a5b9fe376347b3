import { describe, expect, it } from "vitest";
import { formText } from "./form-data";

describe("formText", () => {
  it("returns the text a form sent", () => {
    const form = new FormData();
    form.set("name", "  Azure EA ");
    expect(formText(form, "name")).toBe("  Azure EA ");
  });

  it("returns an empty string for a missing field", () => {
    expect(formText(new FormData(), "name")).toBe("");
  });

  it("returns an empty string for a file sent in place of text", () => {
    const form = new FormData();
    form.set("name", new Blob(["x"]), "x.txt");
    expect(formText(form, "name")).toBe("");
  });
});
