import { DatabaseUnavailableError, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { env, EnvError } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { runHeadroom } from "./lib/headroom-cli";
import { runningPid } from "./lib/server-lock";
import { exitAfterFlush } from "./lib/exit-after-flush";

async function open() {
  const e = env();
  if (!e.databaseUrl && runningPid(e.dataDir)) {
    throw new AppError("Headroom is running on the embedded database; stop it before using this command (or use the upload page).");
  }
  const handle = await openDatabase({ url: e.databaseUrl, dataDir: e.dataDir });
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

runHeadroom(process.argv.slice(2), {
  open,
  out: (line) => console.log(line),
  progress: (text) => process.stderr.write(`\r${text.trimEnd().padEnd(48)}${text.endsWith("\n") ? "\n" : ""}`),
}).then(
  (code) => exitAfterFlush(code),
  (error: unknown) => {
    if (error instanceof AppError || error instanceof EnvError || error instanceof DatabaseUnavailableError) console.error(error.message);
    else console.error(error);
    exitAfterFlush(1);
  },
);
