import { csvLine, type CsvValue } from "@/lib/csv/write";
import type { CsvTable } from "@/lib/queries/reports/answer-tables";
import type { MailAttachment } from "./smtp";

// A scheduled report as mail: the key figures as text and as an HTML table (never an image), the link, and the chosen
// sections as the CSV files their exports give.

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const FIGURE_LABELS: Record<string, string> = {
  committed_spend: "Committed spend",
  spend_to_date: "Spend to date",
  forecast_12_months: "Forecast, next 12 months",
  accelerators: "Accelerators in service",
  h100_equivalents: "H100-equivalents in service",
  utilization_30_days: "Utilization, last 30 days",
  tightest_power_headroom: "Tightest power headroom",
  runway: "Capacity runway",
  expiring_in_90_days: "Expiring in 90 days",
};

/** A CSV value as a person reads it: the number, date or text, blank for none. */
function shown(value: CsvValue): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object" && !(value instanceof Date)) return value.number;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export type KeyFigure = { figure: string; label: string; value: string; unit: string; note: string };

export async function keyFigures(table: CsvTable): Promise<KeyFigure[]> {
  const out: KeyFigure[] = [];
  for await (const row of table.rows as AsyncIterable<readonly CsvValue[]> | Iterable<readonly CsvValue[]>) {
    const [figure, value, unit, note] = row;
    const name = shown(figure);
    out.push({ figure: name, label: FIGURE_LABELS[name] ?? name, value: shown(value), unit: shown(unit), note: note ? shown(note) : "" });
  }
  return out;
}

export async function csvAttachment(table: CsvTable): Promise<MailAttachment> {
  let text = "\ufeff" + csvLine(table.header);
  for await (const row of table.rows as AsyncIterable<readonly CsvValue[]> | Iterable<readonly CsvValue[]>) text += csvLine(row);
  return { filename: table.fileName, content: text, contentType: "text/csv; charset=utf-8" };
}

export function renderReportMail(input: {
  reportName: string;
  note: string | null;
  dateLabel: string;
  figures: KeyFigure[];
  link: string;
  expiresOn: string;
  attachments: string[];
}): { subject: string; text: string; html: string } {
  const subject = `${input.reportName} — ${input.dateLabel}`;
  const figureLines = input.figures.map(
    (f) => `- ${f.label}: ${f.value}${f.unit && f.unit !== "—" ? ` ${f.unit}` : ""}${f.note ? ` (${f.note})` : ""}`,
  );
  const text = [
    input.reportName,
    input.dateLabel,
    ...(input.note ? ["", input.note] : []),
    "",
    "Key figures",
    ...figureLines,
    "",
    `Open the report: ${input.link}`,
    `(read-only link, valid until ${input.expiresOn})`,
    ...(input.attachments.length ? ["", `Attached: ${input.attachments.join(", ")}`] : []),
    "",
    "Sent by Headroom on a schedule.",
  ].join("\n");
  const rows = input.figures
    .map(
      (f) =>
        `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0">${escapeHtml(f.label)}</th><td style="padding:4px 12px 4px 0;text-align:right">${escapeHtml(f.value)}</td><td style="padding:4px 12px 4px 0">${escapeHtml(f.unit === "—" ? "" : f.unit)}</td><td style="padding:4px 0;color:#555">${escapeHtml(f.note)}</td></tr>`,
    )
    .join("");
  const html = `<!doctype html><html><body style="font-family:sans-serif"><h1 style="font-size:20px">${escapeHtml(input.reportName)}</h1><p>${escapeHtml(input.dateLabel)}</p>${input.note ? `<p>${escapeHtml(input.note)}</p>` : ""}<h2 style="font-size:16px">Key figures</h2><table style="border-collapse:collapse">${rows}</table><p><a href="${escapeHtml(input.link)}">Open the report</a> (read-only link, valid until ${escapeHtml(input.expiresOn)})</p>${input.attachments.length ? `<p>Attached: ${input.attachments.map(escapeHtml).join(", ")}</p>` : ""}<p><small>Sent by Headroom on a schedule.</small></p></body></html>`;
  return { subject, text, html };
}
