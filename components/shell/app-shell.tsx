import Link from "next/link";
import type { ReactNode } from "react";
import { can, type Role } from "@/lib/auth/permissions";
import { NAV_ITEMS } from "./nav-items";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";

export function AppShell({ user, children }: { user: { email: string; role: Role }; children: ReactNode }) {
  const items = NAV_ITEMS.filter((item) => can(user.role, item.permission)).map(({ href, label, icon }) => ({
    href,
    label,
    icon,
  }));
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[14rem_1fr]">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur lg:h-screen lg:border-r lg:border-b-0 dark:border-slate-800 dark:bg-slate-900/95">
        <div className="flex items-center gap-4 px-4 py-3 lg:h-full lg:flex-col lg:items-stretch lg:py-5">
          <Link href="/" className="text-lg font-semibold tracking-tight lg:px-3">
            Headroom
          </Link>
          <nav aria-label="Main" className="min-w-0 flex-1 overflow-x-auto">
            <NavLinks items={items} />
          </nav>
          <div className="flex items-center gap-2 lg:flex-col lg:items-stretch lg:border-t lg:border-slate-200 lg:pt-4 lg:dark:border-slate-800">
            <div className="hidden text-right sm:block lg:px-3 lg:text-left">
              <p className="max-w-48 truncate text-sm font-medium" title={user.email}>
                {user.email}
              </p>
              <p className="text-xs text-slate-600 capitalize dark:text-slate-400">{user.role}</p>
            </div>
            <ThemeSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="min-w-0 px-4 py-6 md:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
