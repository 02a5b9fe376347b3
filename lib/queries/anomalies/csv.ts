import { num, type CsvValue } from "@/lib/csv/write";
import type { Anomaly } from "./detect";

export const ANOMALY_CSV_HEADER = [
  "day",
  "kind",
  "series",
  "provider",
  "service",
  "workload",
  "family",
  "unit",
  "currency",
  "actual",
  "expected",
  "deviation",
  "deviation_pct",
  "threshold",
  "direction",
  "basis",
  "drivers",
];

const driverText = (a: Anomaly) => a.drivers.map((d) => `${d.label}: ${d.actual} vs ${d.expected} (${d.delta})`).join("; ");

/** One row of /alerts/anomalies' table: figures as the detector gives them (money to the cent, utilization as a ratio). */
export function anomalyCsvRow(a: Anomaly): CsvValue[] {
  return [
    a.day,
    a.kind,
    a.series,
    a.providerName,
    a.serviceName,
    a.workloadName,
    a.family,
    a.unit,
    a.currency,
    num(a.actual),
    num(a.expected),
    num(a.delta),
    a.pct === null ? null : num((a.pct * 100).toFixed(2)),
    num(a.threshold),
    a.direction,
    a.basisText,
    driverText(a),
  ];
}
