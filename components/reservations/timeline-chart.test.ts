import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TimelineChart, type TimelineChartLane } from "./timeline-chart";

const lanes: TimelineChartLane[] = [
  {
    key: "AWS",
    label: "AWS",
    rows: 2,
    bars: [
      ["r1", "block-1", 1024, "H100", "1 Jan 2026", "1 Jan 2027", "active", false, null, 0, 12.5, 40],
      ["r2", "block-2", 8, "H100", "1 Mar 2026", "1 Dec 2026", "expiring", true, "20 Mar 2026", 1, 20.125, 30.5],
    ],
  },
];

const render = () =>
  renderToStaticMarkup(
    createElement(TimelineChart, { lanes, ticks: [["2026-01-01", 0, "Jan '26"]], now: 33.333, group: "provider", count: 2 }),
  );

describe("TimelineChart", () => {
  it("draws each bar with its title, kind and position from the compact rows", () => {
    const html = render();
    expect(html).toContain('aria-label="Timeline of 2 capacity blocks grouped by provider; the table below lists them."');
    // Each bar is named for screen readers (not only by its hover title), quantities with thousands separators.
    expect(html).toContain('role="img" aria-label="block-1: 1,024 × H100, 1 Jan 2026 → 1 Jan 2027 (Active)"');
    expect(html).toContain('title="block-1: 1,024 × H100, 1 Jan 2026 → 1 Jan 2027 (Active)"');
    expect(html).toContain('title="block-2: 8 × H100, 1 Mar 2026 → 1 Dec 2026 (Expiring within 90 days, late delivery)"');
    expect(html).toContain('class="absolute h-3.5 rounded-sm bg-amber-500 ring-2 ring-red-600"');
    expect(html).toContain("left:20.125%;width:max(calc(30.5% - 2px), 2px);top:18px");
    expect(html).toContain("left:33.333%");
  });

  it("leaves the collapsed table view's rows to be drawn when it is opened", () => {
    const html = render();
    expect(html).toContain("View the timeline as a table");
    expect(html).toContain("<caption");
    expect(html).not.toContain('href="/reservations/r1"');
  });
});
