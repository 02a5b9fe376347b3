import type { Permission } from "@/lib/auth/permissions";
import type { Ctx } from "./context";
import { createUser } from "./users/create";
import { updateUser } from "./users/update";

export type WriteVerb = (args: { ctx: Ctx; input: unknown }) => Promise<unknown>;

// Every write verb and the permission it demands; the permission matrix test is generated from this list.
export const WRITE_VERBS = {
  createUser: { permission: "users.manage", run: createUser },
  updateUser: { permission: "users.manage", run: updateUser },
} satisfies Record<string, { permission: Permission; run: WriteVerb }>;

export type WriteVerbName = keyof typeof WRITE_VERBS;
