import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireCtx } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await requireCtx();
  return <AppShell user={ctx.actor}>{children}</AppShell>;
}
