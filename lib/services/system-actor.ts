import type { Db } from "@/lib/db/client";
import type { Ctx } from "@/lib/auth/context";

// The command line acts as the operator of the machine: an admin named after the tool.
export function systemCtx(db: Db, name: string): Ctx {
  return { db, actor: { id: null, email: name, role: "admin", kind: "system" } };
}
