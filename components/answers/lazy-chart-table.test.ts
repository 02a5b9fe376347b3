import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "@/components/overview/data-table";
import { LazyChartTable, plainRows, type PlainTable } from "./lazy-chart-table";

const table: PlainTable = {
  caption: "Headroom by month",
  columns: [{ header: "Month" }, { header: "Headroom", numeric: true }, { header: "Status" }],
  rows: [
    [
      { text: "Mar 2027", href: "?cause=s%3A2027-03#causes", current: true },
      { text: "-4.0 MW", over: true },
      { text: "Over budget", over: true },
    ],
    ["Apr 2027", "2.0 MW", "Within budget"],
  ],
};

describe("LazyChartTable", () => {
  it("sends the summary and the server part, not the table, until it is opened", () => {
    const html = renderToStaticMarkup(
      createElement(LazyChartTable, { summary: "View Reno as table", head: createElement("p", null, "CSV"), table }),
    );
    expect(html).toContain("<summary");
    expect(html).toContain("View Reno as table");
    expect(html).toContain("<p>CSV</p>");
    expect(html).not.toContain("<table");
  });

  it("renders plain cells as the server-rendered table did: links with aria-current, over-budget cells in red", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, { caption: table.caption, columns: table.columns, rows: plainRows(table.rows) }),
    );
    expect(html).toContain('<caption class="sr-only">Headroom by month</caption>');
    expect(html).toContain(
      '<th scope="row" class="px-3 py-1.5 text-left font-normal"><a class="underline" aria-current="true" href="?cause=s%3A2027-03#causes">Mar 2027</a></th>',
    );
    expect(html).toContain(
      '<td class="px-3 py-1.5 text-right tabular-nums whitespace-nowrap"><span class="font-medium text-red-700 dark:text-red-300">-4.0 MW</span></td>',
    );
    expect(html).toContain('<th scope="row" class="px-3 py-1.5 text-left font-normal">Apr 2027</th>');
    expect(html).toContain('<td class="px-3 py-1.5 text-left">Within budget</td>');
  });
});
