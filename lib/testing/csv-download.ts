import { csvBytesResponse, csvResponse } from "@/lib/csv/response";

export type Download = { header: string[]; rows: Record<string, string>[] };

// Minimal RFC 4180 reader for the test: quoted cells with doubled quotes, CRLF or LF records.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  return rows;
}

function byHeader(text: string): Download {
  const [head, ...body] = parseCsv(text);
  return { header: head!, rows: body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!]))) };
}

/** What a browser would save from a CSV route fed by the database's byte stream, read back as header and rows. */
export async function downloadBytes(chunks: AsyncIterable<Uint8Array>): Promise<Download> {
  return byHeader(await csvBytesResponse("x.csv", chunks, { bom: false }).text());
}

/** What a browser would save from a CSV route fed row by row, read back as header and rows. */
export async function download(header: readonly string[], rows: Parameters<typeof csvResponse>[2]): Promise<Download> {
  return byHeader(await csvResponse("x.csv", header, rows, { bom: false }).text());
}
