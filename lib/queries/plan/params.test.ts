import { describe, expect, it } from "vitest";
import { PlanInputs } from "@/lib/validation/plan";
import { planInputFromParams, planInputsSentence, planParamsProblem, planQuery } from "./params";

const parse = (q: string) => PlanInputs.parse(planInputFromParams(new URLSearchParams(q)));

describe("plan inputs in the URL", () => {
  it("no parameters: the defaults (median, 24 months, everything allowed, no caps)", () => {
    const inputs = parse("");
    expect(inputs).toMatchObject({ horizon: 24, demand: "median", capProvider: null, noOnDemand: false, noSpot: false, noBuild: false });
    expect(planQuery(inputs)).toBe("");
  });

  it("caps are percentages in the URL and shares in the inputs; a link round-trips", () => {
    const inputs = parse("demand=p80&cap_provider=35&cap_site=12.5&family=GB200&family=H100&budget=1,000,000&late=1&horizon=36");
    expect(inputs.capProvider).toBe(0.35);
    expect(inputs.capSite).toBe(0.125);
    expect(inputs.families).toEqual(["GB200", "H100"]);
    expect(inputs.budgetUsd).toBe("1000000");
    expect(inputs.lateDelivery).toBe(true);
    expect(inputs.horizon).toBe(36);
    expect(parse(planQuery(inputs))).toEqual(inputs);
  });

  it("a link says `0` for what may not be bought; a submitted form (set=1) says it by leaving the box unticked", () => {
    expect(parse("on_demand=0&build=0")).toMatchObject({ noOnDemand: true, noSpot: false, noBuild: true });
    expect(parse("set=1&on_demand=1")).toMatchObject({ noOnDemand: false, noSpot: true, noBuild: true });
    expect(planQuery(parse("set=1&spot=1"))).toBe("on_demand=0&build=0");
  });

  it("a cap that is not a percentage from 0 to 100 is named", () => {
    expect(planParamsProblem(new URLSearchParams("cap_provider=abc"))).toBe(
      "The largest provider share must be a percentage from 0 to 100, like 35.",
    );
    expect(planParamsProblem(new URLSearchParams("cap_vendor=140"))).toMatch(/largest chip vendor share/);
    expect(planParamsProblem(new URLSearchParams("cap_site=35%"))).toBeNull();
  });

  it("says the inputs in words for a report", () => {
    expect(planInputsSentence(parse("demand=p80&cap_provider=35&spot=0"))).toBe(
      "Covers the upper 80 % band of the demand forecast plus demand plans over 24 months; every family; provider share at most 35 %; no spot.",
    );
  });
});
