import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createGzip } from "node:zlib";
import { createRng } from "@/lib/demo/random";
import { generateFocusCsv } from "@/lib/demo/generate-focus";

const USAGE = `Usage:
  npm run gen -- focus --rows 1000000 --out FILE [--gzip] [--seed 1] [--month 2025-01]
  npm run gen -- utilization --blocks 2000 --days 365 --out FILE [--gzip] [--seed 1] [--from 2025-01-01] [--prefix gen-block-]

focus:        a FOCUS 1.2 cost-and-usage CSV with the quirks of real exports (see lib/demo/generate-focus.ts).
utilization:  reservation,hour,used_ah — one row per block and hour; reservation is <prefix><n> (4 digits),
              used_ah between 0 and 8 accelerator-hours (8-accelerator blocks).`;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

function open(file: string, gzip: boolean): { out: Writable; close: () => Promise<void> } {
  const fileStream = createWriteStream(file);
  if (!gzip) {
    return {
      out: fileStream,
      close: async () => {
        fileStream.end();
        await once(fileStream, "finish");
      },
    };
  }
  const z = createGzip({ level: 6 });
  z.pipe(fileStream);
  return {
    out: z,
    close: async () => {
      z.end();
      await once(fileStream, "finish");
    },
  };
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      rows: { type: "string" },
      out: { type: "string" },
      gzip: { type: "boolean" },
      seed: { type: "string" },
      month: { type: "string" },
      blocks: { type: "string" },
      days: { type: "string" },
      from: { type: "string" },
      prefix: { type: "string" },
    },
  });
  if ((command !== "focus" && command !== "utilization") || !values.out) {
    console.log(USAGE);
    process.exitCode = command ? 2 : 0;
    return;
  }
  const seed = Number(values.seed ?? 1);
  const started = Date.now();
  const { out, close } = open(values.out, Boolean(values.gzip));
  let rows = 0;
  if (command === "focus") {
    const total = Number(values.rows ?? 100_000);
    for (const chunk of generateFocusCsv({ rows: total, seed, month: values.month })) {
      await write(out, chunk);
      rows += 2000;
      if (rows % 100_000 === 0) process.stderr.write(`\r${Math.min(rows, total).toLocaleString("en-US")} rows`);
    }
    rows = total;
  } else {
    const blocks = Number(values.blocks ?? 2000);
    const days = Number(values.days ?? 365);
    const from = Date.parse(`${values.from ?? "2025-01-01"}T00:00:00Z`);
    const prefix = values.prefix ?? "gen-block-";
    const rng = createRng(seed);
    const level = Array.from({ length: blocks }, () => 0.4 + rng.next() * 0.55);
    await write(out, "reservation,hour,used_ah\n");
    for (let h = 0; h < days * 24; h++) {
      const hour = new Date(from + h * 3_600_000).toISOString().replace(".000Z", "Z");
      let chunk = "";
      for (let b = 0; b < blocks; b++) {
        const used = Math.min(8, Math.max(0, level[b]! * 8 + (rng.next() - 0.5) * 2));
        chunk += `${prefix}${String(b + 1).padStart(4, "0")},${hour},${used.toFixed(4)}\n`;
      }
      await write(out, chunk);
      rows += blocks;
      if (h % 240 === 0) process.stderr.write(`\r${rows.toLocaleString("en-US")} rows`);
    }
  }
  await close();
  process.stderr.write(
    `\rWrote ${rows.toLocaleString("en-US")} rows to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
