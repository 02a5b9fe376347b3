import postgres from "postgres";

// Usage: check-postgres URL [--recreate DATABASE_URL]; exits non-zero when the server does not answer.
const [url, flag, target] = process.argv.slice(2);
if (!url) {
  console.error("check-postgres: a server URL is required");
  process.exit(2);
}
const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
try {
  await sql`select 1`;
  if (flag === "--recreate" && target) {
    const name = new URL(target).pathname.slice(1);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.unsafe(`create database ${name}`);
  }
  await sql.end({ timeout: 2 });
} catch (error) {
  console.error(`Postgres check failed: ${(error as Error).message}`);
  await sql.end({ timeout: 1 }).catch(() => {});
  process.exit(1);
}
