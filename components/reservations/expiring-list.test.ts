import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReservationListRow } from "@/lib/queries/reservations";
import { EXPIRING_SHOWN, ExpiringList } from "./expiring-list";

const asOf = new Date("2026-11-27T00:00:00Z");

function rows(n: number): ReservationListRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    name: `block-${String(i).padStart(3, "0")}`,
    providerName: "AWS",
    siteName: "Reno",
    typeName: "H100 SXM",
    quantity: 8,
    endAt: new Date(asOf.getTime() + (i + 1) * 86_400_000),
  })) as unknown as ReservationListRow[];
}

const render = (n: number, allHref: string | null) => renderToStaticMarkup(createElement(ExpiringList, { rows: rows(n), asOf, allHref }));
const bodyRows = (html: string) => (html.match(/<tr>/g) ?? []).length - 1; // minus the header row

describe("ExpiringList", () => {
  it("shows the 25 ending soonest, the count and a link to all of them when there are more", () => {
    const html = render(30, "?sort=name&dir=asc&expiring=all#expiring-heading");
    expect(bodyRows(html)).toBe(EXPIRING_SHOWN);
    expect(html).toContain("block-024");
    expect(html).not.toContain("block-025");
    expect(html).toContain("The 25 ending soonest of 30.");
    expect(html).toContain('href="?sort=name&amp;dir=asc&amp;expiring=all#expiring-heading"');
  });

  it("shows every block when asked for all, or when there are no more than 25", () => {
    expect(bodyRows(render(30, null))).toBe(30);
    const few = render(EXPIRING_SHOWN, "?expiring=all");
    expect(bodyRows(few)).toBe(EXPIRING_SHOWN);
    expect(few).not.toContain("Show all");
  });
});
