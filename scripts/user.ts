import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openDatabase, DatabaseUnavailableError } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { users } from "@/lib/db/schema";
import { env, EnvError } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { systemCtx } from "@/lib/services/system-actor";
import { createUser } from "@/lib/services/users/create";
import { updateUser } from "@/lib/services/users/update";
import { runningPid } from "./lib/server-lock";

const USAGE = `Usage:
  npm run user -- create --email EMAIL --role admin|finance|infra|viewer [--name NAME] [--password PASSWORD]
  npm run user -- set-role --email EMAIL --role ROLE
  npm run user -- disable --email EMAIL
  npm run user -- enable --email EMAIL
  npm run user -- list`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const e = env();
  if (!e.databaseUrl && runningPid(e.dataDir)) {
    throw new AppError("Headroom is running on the embedded database; stop it before using this command.");
  }
  const handle = await openDatabase({ url: e.databaseUrl, dataDir: e.dataDir });
  try {
    await migrateDatabase(handle);
    const ctx = systemCtx(handle.db, "cli");
    const find = async () => {
      const email = values.email?.trim().toLowerCase();
      const [user] = email ? await handle.db.select().from(users).where(eq(users.email, email)) : [];
      if (!user) throw new AppError(`No user with the email ${values.email ?? "(none given)"}.`);
      return user;
    };
    switch (command) {
      case "create": {
        const password = values.password ?? randomBytes(12).toString("base64url");
        const user = await createUser({
          ctx,
          input: { email: values.email, role: values.role, name: values.name ?? values.email?.split("@")[0], password },
        });
        console.log(`Created ${user.email} (${user.role}).`);
        if (!values.password) console.log(`Password (shown once): ${password}`);
        break;
      }
      case "set-role":
      case "disable":
      case "enable": {
        const user = await find();
        const changes = command === "set-role" ? { role: values.role } : { disabled: command === "disable" };
        const after = await updateUser({ ctx, input: { id: user.id, version: user.version, changes } });
        console.log(`Updated ${after.email}: role ${after.role}${after.disabled ? ", disabled" : ""}.`);
        break;
      }
      case "list": {
        const rows = await handle.db.select().from(users).orderBy(users.email);
        for (const u of rows) console.log(`${u.email}\t${u.role}${u.disabled ? "\tdisabled" : ""}`);
        break;
      }
      default:
        console.log(USAGE);
        process.exitCode = command ? 2 : 0;
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof AppError || error instanceof EnvError || error instanceof DatabaseUnavailableError) {
    console.error(error.message);
    if ("fieldErrors" in error) console.error(JSON.stringify((error as { fieldErrors: unknown }).fieldErrors));
  } else {
    console.error(error);
  }
  process.exit(1);
});
