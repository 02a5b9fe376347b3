import { describe, expect, it } from "vitest";
import { refuseControlCharacters } from "./export-ctx";

describe("CSV export query", () => {
  it("answers 400 naming a parameter that holds NUL, before any row is streamed", async () => {
    const refused = refuseControlCharacters(new Request("http://localhost/contracts/export.csv?status=active&q=%00"));
    expect(refused?.status).toBe(400);
    expect(await refused?.text()).toContain('"q"');
  });

  it("lets an ordinary query through", () => {
    expect(refuseControlCharacters(new Request("http://localhost/contracts/export.csv?q=azure%20west&sort=name"))).toBeNull();
  });
});
