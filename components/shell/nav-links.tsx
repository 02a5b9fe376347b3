"use client";

import {
  BellRing,
  Boxes,
  Building2,
  CalendarRange,
  ChartArea,
  ClipboardList,
  ShoppingCart,
  ListChecks,
  CircleDollarSign,
  Coins,
  FileSignature,
  FileText,
  FlaskConical,
  Gauge,
  GitFork,
  HandCoins,
  LayoutDashboard,
  Network,
  PieChart,
  PiggyBank,
  ReceiptText,
  Scale,
  Settings,
  Upload,
  Zap,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const ICONS = {
  overview: LayoutDashboard,
  contracts: FileSignature,
  reservations: CalendarRange,
  sites: Building2,
  imports: Upload,
  power: Zap,
  concentration: PieChart,
  leaseVsBuild: Scale,
  capacity: ChartArea,
  scenarios: FlaskConical,
  costs: CircleDollarSign,
  budgets: PiggyBank,
  alerts: BellRing,
  utilization: Gauge,
  demandPlans: ClipboardList,
  offers: ShoppingCart,
  plan: ListChecks,
  reports: FileText,
  showback: ReceiptText,
  teams: Network,
  workloads: Boxes,
  allocationRules: GitFork,
  surplus: HandCoins,
  unitEconomics: Coins,
  settings: Settings,
} as const;

export type NavLinkGroup = { name: string; items: { href: string; label: string; icon: keyof typeof ICONS }[] };

/** The main navigation's links under their group names; `idPrefix` keeps ids unique when drawn twice (sidebar, menu). */
export function NavLinks({ groups, idPrefix }: { groups: NavLinkGroup[]; idPrefix: string }) {
  const pathname = usePathname();
  // The longest href the path falls under is the current page (/allocation/teams is not also /allocation).
  const current = groups
    .flatMap((g) => g.items.map((i) => i.href))
    .filter((href) => (href === "/" ? pathname === "/" : pathname.startsWith(href)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <div className="flex flex-col gap-1">
      {groups.map((group) => {
        const headingId = `${idPrefix}-${group.name.toLowerCase()}`;
        return (
          <div key={group.name}>
            <p id={headingId} className="px-3 pb-0.5 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
              {group.name}
            </p>
            <ul aria-labelledby={headingId} className="flex flex-col">
              {group.items.map((item) => {
                const Icon = ICONS[item.icon];
                const active = item.href === current;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-2 rounded-md px-3 py-[2px] text-sm font-medium whitespace-nowrap",
                        active
                          ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                          : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
                      )}
                    >
                      <Icon aria-hidden className="h-4 w-4" />
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
