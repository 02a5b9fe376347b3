import type { ReactNode } from "react";
import { ALERTS_ITEMS } from "@/components/shell/nav-items";
import { SettingsTabs } from "@/components/shell/settings-tabs";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Every Alerts page under the tabs its user may open (each page still checks its own permission). */
export default async function AlertsLayout({ children }: { children: ReactNode }) {
  const ctx = await requireCtx();
  const items = ALERTS_ITEMS.filter((item) => can(ctx.actor.role, item.permission)).map(({ href, label, exact }) => ({
    href,
    label,
    exact,
  }));
  return (
    <>
      <SettingsTabs items={items} label="Alerts" />
      {children}
    </>
  );
}
