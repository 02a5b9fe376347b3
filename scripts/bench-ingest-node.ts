import { createReadStream, openSync, writeSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Executor } from "@/lib/db/client";
import { ChargeMatcher } from "@/lib/ingest/charge-matcher";
import { chargeTier } from "@/lib/ingest/focus/ties";
import { scanAndStage } from "@/lib/services/imports/focus/stage";

// The Node side of the FOCUS import alone (scan, check, tie, COPY lines), into a COPY writer that drops its
// bytes: CPU µs per row of what runs on the importer's thread, without a database. Usage:
// tsx scripts/bench-ingest-node.ts --file FILE [--repeat 3]

const { values } = parseArgs({ options: { file: { type: "string" }, repeat: { type: "string" }, out: { type: "string" } } });
const file = values.file ?? "/tmp/headroom-bench-focus-1000000.csv";

async function main() {
  let copied = 0;
  let out: number | undefined;
  const sink = {
    session: {
      client: {
        query: async (q: string, _p: unknown[], o?: { blob?: Blob }) => {
          copied += o?.blob?.size ?? 0;
          // --out: the COPY's lines into a file (its column list first), to time the server's COPY of them alone.
          if (values.out && o?.blob) {
            if (!out) {
              out = openSync(values.out, "w");
              writeSync(out, `${/\(([^)]*)\)/.exec(q)![1]}\n`);
            }
            writeSync(out, new Uint8Array(await o.blob.arrayBuffer()));
          }
        },
      },
    },
  };
  const matcher = new ChargeMatcher({
    providers: [],
    contracts: [],
    reservations: [],
    skuMappings: [],
    contractMappings: [],
    allocationRules: [],
  });
  for (let r = 0; r < Number(values.repeat ?? 3); r++) {
    const read = { rows: 0, bytes: 0, sha256: "" };
    const cpu = process.cpuUsage();
    const t = performance.now();
    await scanAndStage(
      sink as unknown as Executor,
      { source: createReadStream(file, { highWaterMark: 1 << 18 }), fxRates: {}, importId: 1, freeze: false, ties: chargeTier(matcher) },
      read,
    );
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - t;
    console.log(
      `${read.rows} rows · ${(ms / 1000).toFixed(2)} s · CPU ${((used.user + used.system) / read.rows).toFixed(2)} µs/row · COPY ${(copied / 1e6).toFixed(0)} MB`,
    );
    copied = 0;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
