"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

/**
 * A section's pages (Settings, Alerts) as a row of tabs above each of them (the sidebar has one link for the section).
 * On a phone the row scrolls sideways inside itself (brought to the current tab); the page does not. An `exact` tab is
 * current on its own path only (the section's root).
 */
export function SettingsTabs({ items, label = "Settings" }: { items: { href: string; label: string; exact?: boolean }[]; label?: string }) {
  const pathname = usePathname();
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && current && current.offsetLeft + current.offsetWidth > nav.clientWidth) nav.scrollLeft = current.offsetLeft - 16;
  }, [pathname]);
  return (
    <nav
      ref={navRef}
      aria-label={label}
      className="relative mx-auto mb-6 max-w-6xl overflow-x-auto border-b border-slate-200 dark:border-slate-800"
    >
      <ul className="flex gap-1">
        {items.map((item) => {
          const active = pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-brand-600 text-brand-700 dark:border-brand-400 dark:text-white"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-white",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
