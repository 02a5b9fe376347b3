import { gzipSync } from "node:zlib";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverUrlOf, type DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { createTestDatabase, describeOnServer } from "@/lib/testing/databases";
import { lineItemCount } from "@/lib/testing/focus-import";
import { systemCtx } from "@/lib/services/system-actor";
import { runFocusImport } from ".";

// Twenty hostile uploads against the Postgres server, at once: every one answers (failed, with its line where it
// has one) and nothing loads; the pool then serves the app's next queries at once, no connection left busy or
// idle in a transaction.

const HEADER = "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName,ChargeDescription";
const row = (i: number) => `USD,2025-04-01T00:00:00Z,2025-04-01T01:00:00Z,Usage,1,1,AWS,row ${i} ${"x".repeat(200)}\n`;

const HOSTILE: Record<string, () => Buffer> = {
  // A Latin-1 export: é as the single byte 0xe9.
  "invalid UTF-8": () =>
    Buffer.concat([
      Buffer.from(`${HEADER}\n${row(1)}`),
      Buffer.from("USD,2025-04-01,2025-04-02,Usage,1,1,AWS,caf"),
      Buffer.from([0xe9, 0x0a]),
    ]),
  // 30 MB without a line break, 30 kB on the wire.
  "endless record": () => gzipSync(Buffer.concat([Buffer.from(`${HEADER}\n${row(1)}USD,`), Buffer.alloc(30 << 20, "9")])),
  "10,000 fields": () => Buffer.from(`${HEADER}\n${row(1)}${row(2).trimEnd()}${",x".repeat(9_992)}\n`),
  "truncated gzip": () => {
    const whole = gzipSync(Buffer.from(`${HEADER}\n${Array.from({ length: 5_000 }, (_, i) => row(i)).join("")}`));
    return whole.subarray(0, Math.floor(whole.length / 2));
  },
};

/** The promise's value, or a failure naming what did not answer within `seconds` (generous, but not a hang). */
function answered<T>(promise: Promise<T>, what: string, seconds = 90): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${seconds} s`)), seconds * 1000)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function* chunked(bytes: Buffer, size = 16_384): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describeOnServer("FOCUS uploads from a hostile client [postgres]", () => {
  let handle: DbHandle;
  let admin: postgres.Sql;
  let database: string;
  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
    const url = serverUrlOf(handle.db)!;
    database = new URL(url).pathname.slice(1);
    admin = postgres(url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin?.end({ timeout: 5 });
    await handle?.close();
  });

  const others = () =>
    admin<{ pid: number; state: string; query: string }[]>`
      select pid, state, query from pg_stat_activity
      where datname = ${database} and pid <> pg_backend_pid() and backend_type = 'client backend'`;

  it("answers 20 hostile uploads, loads nothing, and leaves a pool that answers at once", async () => {
    const ctx = systemCtx(handle.db, "hostile");
    const run = (source: AsyncIterable<Buffer>, name: string) =>
      answered(runFocusImport({ ctx, source, fileName: name }, { fxRates: {} }), name);

    const hostile = Object.entries(HOSTILE).flatMap(([kind, file]) =>
      Array.from({ length: 5 }, (_, k) => run(chunked(file()), `${kind}-${k}.csv`).then((r) => [kind, r] as const)),
    );
    const results = await Promise.all(hostile);
    expect(results).toHaveLength(20);
    for (const [kind, r] of results) {
      expect(r.status, kind).toBe("failed");
      expect(JSON.stringify(r.errors), kind).not.toMatch(/CONNECTION_|Failed query|TypeError/);
      if (kind === "invalid UTF-8") expect(r.errors[0], kind).toMatchObject({ line: 3, message: expect.stringMatching(/UTF-8/) });
      if (kind === "endless record") expect(r.errors[0], kind).toMatchObject({ line: 3, message: expect.stringMatching(/longer than/) });
      if (kind === "10,000 fields") expect(r.errors[0], kind).toMatchObject({ line: 3, message: expect.stringMatching(/10000 fields/) });
      if (kind === "truncated gzip") expect(r.errors[0]!.message, kind).toMatch(/gzip/);
    }
    // The app's next queries, 20 at once with different parameter counts: answered by the pool at once.
    const ask = (i: number) =>
      queryRows<{ one: number }>(handle.db, i % 2 ? sql`select ${i}::int as one` : sql`select ${i}::int + ${0}::int as one`);
    const answers = await answered(Promise.all(Array.from({ length: 20 }, (_, i) => ask(i))), "20 queries", 10);
    expect(answers.map((a) => a[0]!.one)).toEqual([...Array(20).keys()]);
    const busy = (await others()).filter((a) => a.state !== "idle");
    expect(busy).toEqual([]);
    expect(await lineItemCount(handle.db)).toBe(0);
  });

  it("stops and rolls back when the client aborts after its whole gzip arrived, while it is still being unpacked", async () => {
    const rows = 200_000;
    const file = gzipSync(Buffer.from(`${HEADER}\n${Array.from({ length: rows }, (_, i) => row(i)).join("")}`));
    const controller = new AbortController();
    let progress = 0;
    const result = await answered(
      runFocusImport(
        {
          ctx: systemCtx(handle.db, "hostile"),
          source: chunked(file, file.length), // all of it at once: only the unpacking is left to stop
          fileName: "gave-up.csv.gz",
          signal: controller.signal,
          onProgress: (p) => {
            progress = p.rows;
            if (p.rows > 0) controller.abort(); // the client gives up once its upload is under way
          },
        },
        { fxRates: {} },
      ),
      "the aborted import",
    );
    expect(result.status).toBe("failed");
    expect(result.errors[0]!.message).toMatch(/aborted/);
    expect(progress).toBeLessThan(rows);
    expect(await lineItemCount(handle.db)).toBe(0);
    await expect.poll(async () => (await others()).filter((a) => a.state !== "idle"), { timeout: 10_000 }).toEqual([]);
  });
});
