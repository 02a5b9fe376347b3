import { createConnection, createServer, type Server, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, serverUrlOf, type DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { createTestDatabase, describeOnServer } from "@/lib/testing/databases";

// The server pool under load: more queries than connections wait their turn, and a connection whose handshake
// is slow (a saturated event loop or server took 10 s and more under 50 concurrent users) still opens.

/** A TCP proxy to the Postgres server that holds each connection's first answer from the server for `delayMs`. */
function slowHandshakeProxy(target: URL, delayMs: number): Promise<{ server: Server; port: number }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let first = true;
    upstream.on("data", (data) => {
      if (!first) return void client.write(data);
      first = false;
      upstream.pause();
      setTimeout(() => {
        client.write(data);
        upstream.resume();
      }, delayMs);
    });
    client.on("data", (data) => upstream.write(data));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  server.on("close", () => sockets.forEach((s) => s.destroy()));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port })),
  );
}

describeOnServer("Postgres pool under load", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("queues 50 concurrent queries on 3 connections whose handshakes each take 11 s, and answers every one", async () => {
    const proxy = await slowHandshakeProxy(new URL(serverUrlOf(handle.db)!), 11_000);
    const url = new URL(serverUrlOf(handle.db)!);
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    const pool = await openDatabase({ url: url.toString(), max: 3 });
    try {
      const queries = Array.from({ length: 50 }, (_, i) =>
        queryRows<{ i: number }>(pool.db, sql`select ${i}::int as i, pg_sleep(0.01)::text as slept`),
      );
      const answers = await Promise.allSettled(queries);
      const failed = answers.filter((a) => a.status === "rejected").map((a) => String(a.reason));
      expect(failed).toEqual([]);
      expect(answers.map((a) => (a as PromiseFulfilledResult<{ i: number }[]>).value[0]!.i)).toEqual([...Array(50).keys()]);
    } finally {
      await pool.close();
      proxy.server.close();
    }
  });
});
