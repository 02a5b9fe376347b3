export type UploadEvent =
  | { type: "progress"; bytes: number; rows: number }
  | { type: "result"; result: unknown }
  | { type: "error"; status: number; error: string };

/** The complete NDJSON events in `text` after offset `from`, and the offset after the last complete line. */
export function readNdjsonEvents(text: string, from: number): { events: UploadEvent[]; next: number } {
  const events: UploadEvent[] = [];
  let at = from;
  for (;;) {
    const end = text.indexOf("\n", at);
    if (end < 0) break;
    const line = text.slice(at, end).trim();
    at = end + 1;
    if (line) events.push(JSON.parse(line) as UploadEvent);
  }
  return { events, next: at };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}
