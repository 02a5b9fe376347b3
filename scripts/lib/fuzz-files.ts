import { gzipSync } from "node:zlib";
import fc from "fast-check";

// Random import files for scripts/fuzz.ts: FOCUS billing exports and utilization feeds as a careless spreadsheet,
// a broken exporter or a hostile client would send them — random bytes, encodings, quotes, line breaks, widths,
// numbers, dates and gzip (whole, truncated, or a bomb of one endless record).

export type FuzzFile = { door: "focus" | "utilization-csv" | "utilization-json"; body: Buffer; type: string; label: string };

const FOCUS_COLUMNS = [
  "BillingCurrency",
  "BillingPeriodStart",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
  "BilledCost",
  "EffectiveCost",
  "ProviderName",
  "ServiceName",
  "SkuId",
  "RegionId",
  "Tags",
  "x_Note",
];

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom("-0", "0", "1e309", "1.5E-7", "$10,100.00", "NaN", "", "NULL", "1".repeat(40), "0.00000000001", "-12.5", "2,5"),
);
const date = fc.oneof(
  fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({ min: new Date("2025-01-01"), max: new Date("2026-06-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 13) + ":00:00Z"),
  fc.constantFrom(
    "0000-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z",
    "2026-03-01T30:00:00Z",
    "5/1/25",
    "",
    "9999-12-31T23:00:00Z",
    "2026-03-01 14:00",
  ),
);
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom('a "quoted" cell', "comma, inside", "line\nbreak", "crlf\r\nbreak", "Gävle —", "\u0000nul", '{"team":"a"}', "=cmd()"),
);
const cell = fc.oneof(number, date, text, fc.constantFrom("USD", "usd", "EUR", "XXX", "Usage", "Credit", "AWS", "Microsoft Azure"));

function csvCell(value: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const layout = fc.record({
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  finalNewline: fc.boolean(),
  encoding: fc.constantFrom<BufferEncoding>("utf8", "utf8", "utf8", "latin1", "utf16le"),
  gzip: fc.constantFrom("none", "none", "whole", "truncated"),
  /** Repeat the rows this many times: large files from small generated ones. */
  repeat: fc.constantFrom<number>(1, 1, 1, 10, 1_000, 20_000),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function encode(header: string[], rows: string[][], l: Layout): Buffer {
  const line = (cells: string[]) => cells.map((c) => csvCell(c, l.quoteAll)).join(",");
  const body = rows.map(line).join(l.newline);
  const once = `${line(header)}${l.newline}`;
  // At most about 40 MB of text: a wide record repeated 20,000 times would not fit in a string.
  const times = Math.min(l.repeat, Math.max(1, Math.floor(40e6 / Math.max(1, body.length))));
  const repeated = Array.from({ length: times }, () => body).join(l.newline);
  let bytes = Buffer.from(`${l.bom ? "\uFEFF" : ""}${once}${repeated}${l.finalNewline ? l.newline : ""}`, l.encoding);
  if (l.gzip !== "none") {
    const zipped = gzipSync(bytes);
    bytes = l.gzip === "whole" ? zipped : zipped.subarray(0, Math.max(10, Math.floor(zipped.length / 2)));
  }
  return bytes;
}

const rowsOf = (width: fc.Arbitrary<number>, cells: fc.Arbitrary<string>) =>
  fc.array(
    width.chain((w) => fc.array(cells, { minLength: w, maxLength: w })),
    { minLength: 0, maxLength: 30 },
  );

const focusFile: fc.Arbitrary<FuzzFile> = fc
  .record({
    header: fc
      .shuffledSubarray(FOCUS_COLUMNS, { minLength: 1 })
      .chain((cols) => fc.tuple(...cols.map((c) => fc.constantFrom(c, c.toLowerCase(), c.toUpperCase())))),
    extraWidth: fc.constantFrom(0, 0, 0, 1, -1, 5_000),
    layout,
  })
  .chain(({ header, extraWidth, layout: l }) =>
    rowsOf(fc.constant(Math.max(1, header.length + extraWidth)), cell).map((rows) => ({
      door: "focus" as const,
      body: encode(header, rows, l),
      type: "application/octet-stream",
      label: `focus ${header.length} cols, ${rows.length}×${l.repeat} rows, ${l.encoding}, gzip ${l.gzip}`,
    })),
  );

/** A FOCUS file whose one record never ends: `megabytes` of digits, gzipped to a few kB. */
const endlessRecord: fc.Arbitrary<FuzzFile> = fc.constantFrom(2, 30).map((megabytes) => ({
  door: "focus" as const,
  body: gzipSync(Buffer.concat([Buffer.from("BillingCurrency,BilledCost\nUSD,"), Buffer.alloc(megabytes << 20, "9")])),
  type: "application/gzip",
  label: `focus endless record, ${megabytes} MB gzipped`,
}));

/** Random bytes, sometimes behind a gzip magic number. */
const randomBytes: fc.Arbitrary<FuzzFile> = fc
  .tuple(fc.uint8Array({ maxLength: 4_096 }), fc.boolean(), fc.constantFrom("focus", "utilization-csv"))
  .map(([bytes, magic, door]) => ({
    door: door,
    body: Buffer.concat([Buffer.from(magic ? [0x1f, 0x8b] : []), Buffer.from(bytes)]),
    type: door === "focus" ? "application/octet-stream" : "text/csv",
    label: `${door} ${bytes.length} random bytes${magic ? " after a gzip magic" : ""}`,
  }));

function utilizationFiles(reservations: string[]): fc.Arbitrary<FuzzFile> {
  const reservation = fc.oneof(fc.constantFrom(...reservations), text);
  const used = fc.oneof(number, fc.integer({ min: 0, max: 8 }).map(String));
  const utilCell = fc.oneof(reservation, date, used);
  const csv = fc
    .record({
      header: fc.constantFrom<string[]>(
        ["reservation", "hour", "used_ah"],
        ["RESERVATION", "Hour", "used_ah", "note"],
        ["hour", "used_ah"],
      ),
      extraWidth: fc.constantFrom(0, 0, 0, 1, 9_997),
      layout: layout.map((l) => ({ ...l, gzip: "none" as const })),
      rows: fc.array(fc.tuple(reservation, date, used), { maxLength: 30 }),
      noise: rowsOf(fc.constant(3), utilCell),
    })
    .map(({ header, extraWidth, layout: l, rows, noise }) => {
      const widen = (r: string[]) => [...r, ...Array.from({ length: Math.max(0, header.length + extraWidth - r.length) }, () => "x")];
      return {
        door: "utilization-csv" as const,
        body: encode(header, [...rows.map((r) => widen([...r])), ...noise.map(widen)], { ...l, repeat: Math.min(l.repeat, 10) }),
        type: "text/csv",
        label: `utilization csv ${rows.length + noise.length} rows, ${l.encoding}`,
      };
    });
  const json = fc
    .array(fc.record({ reservation, hour: date, used_ah: fc.oneof(used, fc.double(), fc.constant(-0)) }), { maxLength: 30 })
    .map((rows) => ({
      door: "utilization-json" as const,
      body: Buffer.from(JSON.stringify({ rows })),
      type: "application/json",
      label: `utilization json ${rows.length} rows`,
    }));
  return fc.oneof(csv, json);
}

export function fuzzFiles(reservations: string[]): fc.Arbitrary<FuzzFile> {
  return fc.oneof(
    { weight: 5, arbitrary: focusFile },
    { weight: 1, arbitrary: endlessRecord },
    { weight: 1, arbitrary: randomBytes },
    { weight: 4, arbitrary: utilizationFiles(reservations) },
  );
}
