import { redirect } from "next/navigation";
import { requireCtx } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The Settings link opens its first tab, which every role may read. */
export default async function SettingsPage() {
  await requireCtx();
  redirect("/settings/providers");
}
