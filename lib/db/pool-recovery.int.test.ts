import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { describeOnServer } from "@/lib/testing/databases";

const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// The scenario runs in a child process: the driver's error is thrown outside any promise, and the child handles
// it as Next.js does (log and go on), where inside the test runner it would be reported as the test's own error.
// Ten transactions are busy when the server ends their backends; then twenty queries must all answer.
const child = (recover: boolean) => `(async () => {
const { default: postgres } = await import("postgres");
const { RecoveringPool } = await import(${JSON.stringify(path.resolve("lib/db/pool-recovery.ts"))});
const url = ${JSON.stringify(serverUrl)};
const app = "headroom_pool_recovery_" + process.pid;
// Only the driver's lost-socket write counts: under load other errors of the killed backends (a write after the
// connection ended) may also surface uncaught, and those are not what replaces the pool.
let uncaught = 0;
process.on("uncaughtException", (e) => { if (e instanceof TypeError && e.message.includes("reading 'write'")) uncaught += 1; });
const openPool = async () => {
  const sql = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 30, connection: { application_name: app } });
  return { sql, close: () => sql.end({ timeout: 1 }) };
};
const pool = new RecoveringPool(openPool, 100);
const fixed = await pool.get();
const current = async () => (${recover} ? await pool.get() : fixed).sql;
const admin = postgres(url, { max: 1 });
const sql = await current();
const busy = Array.from({ length: 10 }, (_, i) => sql.begin(async (tx) => { await tx\`select \${i}::int\`; await tx\`select pg_sleep(30)\`; }));
for (let n = 0; n < 200; n++) {
  const [{ count }] = await admin\`select count(*)::int as count from pg_stat_activity where application_name = \${app} and query like 'select pg_sleep%'\`;
  if (count === 10) break;
  await new Promise((r) => setTimeout(r, 50));
}
await admin\`select pg_terminate_backend(pid) from pg_stat_activity where application_name = \${app}\`;
await Promise.allSettled(busy);
await new Promise((r) => setTimeout(r, 300));
const after = await current();
const answered = await Promise.race([
  Promise.all(Array.from({ length: 20 }, (_, i) => after\`select \${i}::int as i\`)).then((rows) => rows.length),
  new Promise((r) => setTimeout(() => r("no answer in 20 s"), 20_000)),
]);
console.log(JSON.stringify({ answered, replaced: pool.replaced, uncaught }));
await admin.end();
process.exit(0);
})();
`;

// run(false) keeps the first pool, as before the fix: its twenty queries never answer (checked by hand).
async function run(recover: boolean): Promise<{ answered: number | string; replaced: number; uncaught: number }> {
  const { stdout } = await promisify(execFile)("npx", ["tsx", "--eval", child(recover)], { timeout: 90_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { answered: number | string; replaced: number; uncaught: number };
}

describeOnServer("pool recovery after the server ends busy backends (Postgres server)", () => {
  it("answers every query on the replaced pool when the driver lost its connections", async () => {
    const out = await run(true);
    expect(out.answered).toBe(20);
    // The driver's lost-socket error happened (the case this guards) and each occurrence replaced the pool.
    expect(out.uncaught).toBeGreaterThan(0);
    expect(out.replaced).toBe(out.uncaught);
  }, 120_000);
});
