import type { CsvValue } from "@/lib/csv/write";
import type { HistoryRow } from "./index";

export const ALERT_HISTORY_HEADER = ["at", "event", "severity", "rule", "title", "summary", "by", "href", "alert_id"] as const;

export function alertHistoryCsvRow(h: HistoryRow): CsvValue[] {
  return [h.at.toISOString(), h.event, h.severity, h.ruleName, h.title, h.summary, h.by, h.href, h.alertId];
}
