// The part of parse-prometheus-text-format's API (v1, no bundled types) that the Prometheus endpoint's tests use.
declare module "parse-prometheus-text-format" {
  export type MetricFamily = {
    name: string;
    help: string;
    type: "GAUGE" | "COUNTER" | "SUMMARY" | "HISTOGRAM" | "UNTYPED";
    metrics: { value: string; labels?: Record<string, string> }[];
  };
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
