import { createServer } from "node:http";
import next from "next";
import { withResponseCache } from "@/lib/cache/responses";
import { getDb } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { startJobs, stopJobs } from "@/lib/jobs/runner";

// The production server (started by scripts/start.ts): Next.js' own request handler behind the rendered-page cache
// of lib/cache/responses.ts. Next.js runs in this process, so the database pool on globalThis (lib/db/client) is the
// one the pages use: on PGlite there is still one engine per data folder.

/** The analysis pages: their figures are functions of the versioned data and the minute, and they are the ones read most. */
const CACHED_PAGES = ["/", "/capacity", "/costs", "/power", "/utilization", "/concentration", "/lease-vs-build"];

const port = Number(process.env.PORT ?? "3000");

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const handler = withResponseCache((req, res) => nextHandler(req, res), {
    pages: CACHED_PAGES,
    version: async () => readDataVersion(await getDb()),
  });
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      console.error("Request failed:", (error as Error).message);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal server error");
    });
  });
  // Scheduled jobs (lib/jobs): pg-boss on a Postgres server, timers in this process on the embedded database.
  const runner = await startJobs(await getDb());
  server.listen(port, () =>
    console.log(`▲ Headroom listening on port ${port} (jobs: ${runner.kind === "queue" ? "pg-boss queue" : "in process"})`),
  );
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive sockets would hold close() open
    void stopJobs();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
