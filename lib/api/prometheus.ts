// Prometheus text exposition format 0.0.4: a HELP and a TYPE line per metric, then one sample per line.

export type Sample = { labels: Record<string, string>; value: string };
export type Gauge = { name: string; help: string; samples: Sample[] };

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** A label value: backslash, double quote and line feed escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** HELP text: backslash and line feed escaped. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function sampleLine(name: string, s: Sample): string {
  const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return `${name}${labels.length ? `{${labels.join(",")}}` : ""} ${s.value}`;
}

export function exposition(gauges: readonly Gauge[]): string {
  const lines: string[] = [];
  for (const g of gauges) {
    lines.push(`# HELP ${g.name} ${escapeHelp(g.help)}`, `# TYPE ${g.name} gauge`);
    for (const s of g.samples) lines.push(sampleLine(g.name, s));
  }
  return `${lines.join("\n")}\n`;
}
