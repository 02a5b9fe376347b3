import Link from "next/link";
import type { ReactNode } from "react";
import { InboxBell } from "@/components/alerts/inbox-bell";
import { can, type Role } from "@/lib/auth/permissions";
import { MobileMenu } from "./mobile-menu";
import { NAV_GROUPS, NAV_ITEMS } from "./nav-items";
import { NavLinks, type NavLinkGroup } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";

// From lg (1024 px) up, a sticky sidebar with the grouped navigation; below it, a top bar whose Menu button opens
// the same navigation, the theme switch and sign-out as a dialog. A skip link leads past either to the content.

function Account({ user }: { user: { email: string; role: Role } }) {
  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
      <div className="px-3">
        <p className="truncate text-sm font-medium" title={user.email}>
          {user.email}
        </p>
        <p className="text-xs text-slate-600 capitalize dark:text-slate-400">{user.role}</p>
      </div>
      <div className="flex items-center gap-2 px-1">
        <ThemeSwitch />
        <SignOutButton />
      </div>
    </div>
  );
}

export function AppShell({ user, children }: { user: { email: string; role: Role }; children: ReactNode }) {
  const items = NAV_ITEMS.filter((item) => can(user.role, item.permission));
  const groups: NavLinkGroup[] = NAV_GROUPS.map((name) => ({
    name,
    items: items.filter((i) => i.group === name).map(({ href, label, icon }) => ({ href, label, icon })),
  })).filter((g) => g.items.length > 0);
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] print:block!">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-slate-900 dark:text-brand-300"
      >
        Skip to content
      </a>
      <header
        data-print-hidden
        className="sticky top-0 z-20 flex items-center justify-between gap-4 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-900/95"
      >
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Headroom
        </Link>
        <div className="flex items-center gap-2">
          <InboxBell align="right" />
          <MobileMenu>
            <nav aria-label="Main" className="flex-1">
              <NavLinks groups={groups} idPrefix="menu" />
            </nav>
            <Account user={user} />
          </MobileMenu>
        </div>
      </header>
      <aside
        data-print-hidden
        className="sticky top-0 hidden h-screen flex-col gap-3 border-r border-slate-200 bg-white/95 px-2 py-4 lg:flex dark:border-slate-800 dark:bg-slate-900/95"
      >
        <div className="flex items-center justify-between pr-1 pl-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Headroom
          </Link>
          <InboxBell />
        </div>
        <nav aria-label="Main" className="min-h-0 flex-1 overflow-y-auto">
          <NavLinks groups={groups} idPrefix="sidebar" />
        </nav>
        <Account user={user} />
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 px-4 py-6 outline-none md:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
