import { describe, expect, it } from "vitest";
import { controlCharacterMessage, controlCharacterParam, hasControlCharacter } from "./control-characters";

describe("control characters", () => {
  it("finds NUL, the other C0 characters and DEL, and nothing else", () => {
    for (const c of ["\u0000", "\u0001", "\t", "\n", "\u001f", "\u007f"])
      expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const s of ["", "azure", "Zürich 2,000", "\u00a0", "\u0080", "—"]) expect(hasControlCharacter(s), s).toBe(false);
  });

  it("names the first parameter whose name or value holds one", () => {
    expect(controlCharacterParam(new URLSearchParams("q=ok&sort=name"))).toBeUndefined();
    expect(controlCharacterParam(new URLSearchParams("sort=name&q=%00&family=%01"))).toBe("q");
    expect(controlCharacterParam(new URLSearchParams("a%00b=1"))).toBe("a\u0000b");
  });

  it("shows the parameter's name without the raw control character", () => {
    expect(controlCharacterMessage("q")).toBe('The parameter "q" contains a control character (such as NUL); remove it and try again.');
    expect(controlCharacterMessage("a\u0000b")).not.toContain("\u0000");
  });
});
