// RFC 5545 text: CRLF line endings, content lines folded at 75 octets, TEXT values escaped.

const encoder = new TextEncoder();

/** Escapes a TEXT value (backslash, semicolon, comma, newline). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** One content line, folded so no physical line exceeds 75 octets (never inside a UTF-8 character), CRLF-terminated. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = " ";
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n") + "\r\n";
}

const pad = (n: number) => String(n).padStart(2, "0");

export function icsDate(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

export function icsDateTime(d: Date): string {
  return `${icsDate(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export type AllDayEvent = { uid: string; stamp: Date; day: Date; summary: string; description: string };

export const CALENDAR_START = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Headroom//Renewals//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
  .map(foldLine)
  .join("");
export const CALENDAR_END = foldLine("END:VCALENDAR");

/** One all-day VEVENT (DTEND the next day, as RFC 5545 reads a one-day event). */
export function vevent(e: AllDayEvent): string {
  const next = new Date(e.day.getTime() + 86_400_000);
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${icsDateTime(e.stamp)}`,
    `DTSTART;VALUE=DATE:${icsDate(e.day)}`,
    `DTEND;VALUE=DATE:${icsDate(next)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ]
    .map(foldLine)
    .join("");
}

/** A streamed text/calendar download of the events as they are produced. */
export function icsResponse(fileName: string, events: AsyncIterable<AllDayEvent>): Response {
  const enc = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(CALENDAR_START));
        return;
      }
      let chunk = "";
      while (chunk.length < 64 * 1024) {
        const next = await iterator.next();
        if (next.done) {
          controller.enqueue(enc.encode(chunk + CALENDAR_END));
          controller.close();
          return;
        }
        chunk += vevent(next.value);
      }
      controller.enqueue(enc.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
