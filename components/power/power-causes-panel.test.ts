import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dec } from "@/lib/metrics/decimal";
import type { PowerCauses } from "@/lib/queries/power";
import { CAUSES_SHOWN } from "@/lib/queries/power/points";
import { PowerCausesPanel } from "./power-view";

const month = { from: new Date("2027-03-01T00:00:00Z"), to: new Date("2027-04-01T00:00:00Z") };

function causes(n: number): PowerCauses {
  return {
    siteId: "site-1",
    siteName: "Reno",
    point: { month, at: month.from, budgetMw: dec(100), itMw: dec(80), facilityMw: dec(96), headroomMw: dec(4), overBudget: false },
    blocks: Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      name: `block-${String(i).padStart(3, "0")}`,
      providerName: "AWS",
      typeName: "H100 SXM",
      quantity: 8,
      systemW: 1275,
      startAt: new Date("2026-01-01T00:00:00Z"),
      endAt: new Date("2028-01-01T00:00:00Z"),
      itMw: dec(n - i),
      facilityMw: dec(n - i),
      added: false,
      startedInMonth: false,
    })),
  };
}

const render = (n: number, allHref: string | null) =>
  renderToStaticMarkup(
    createElement(PowerCausesPanel, { causes: causes(n), csvHref: "/power/export.csv?table=causes", allHref, pickHint: "" }),
  );
const bodyRows = (html: string) => (html.match(/<tr>/g) ?? []).length - 1; // minus the header row

describe("PowerCausesPanel", () => {
  it("lists the 25 largest loads, the count and a link to all of them when there are more", () => {
    const html = render(147, "?cause=site-1%3A2027-03&causes=all#causes");
    expect(bodyRows(html)).toBe(CAUSES_SHOWN);
    expect(html).toContain("block-024");
    expect(html).not.toContain("block-025");
    expect(html).toContain("The 25 largest of 147.");
    expect(html).toContain('href="?cause=site-1%3A2027-03&amp;causes=all#causes"');
    expect(html).toContain("Show all 147");
    expect(html).toContain('href="/power/export.csv?table=causes"');
  });

  it("lists every load when all are asked for, or when there are no more than 25", () => {
    expect(bodyRows(render(147, null))).toBe(147);
    const few = render(CAUSES_SHOWN, "?causes=all");
    expect(bodyRows(few)).toBe(CAUSES_SHOWN);
    expect(few).not.toContain("Show all");
  });
});
