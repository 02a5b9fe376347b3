"use client";

import {
  Building2,
  CalendarRange,
  ChartArea,
  ClipboardList,
  CircleDollarSign,
  Cloud,
  Cpu,
  FileSignature,
  FlaskConical,
  Gauge,
  KeyRound,
  LayoutDashboard,
  PieChart,
  Scale,
  ScrollText,
  Tags,
  Upload,
  Users,
  Zap,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const ICONS = {
  overview: LayoutDashboard,
  audit: ScrollText,
  contracts: FileSignature,
  reservations: CalendarRange,
  sites: Building2,
  providers: Cloud,
  accelerators: Cpu,
  users: Users,
  apiKeys: KeyRound,
  imports: Upload,
  skuMappings: Tags,
  power: Zap,
  concentration: PieChart,
  leaseVsBuild: Scale,
  capacity: ChartArea,
  scenarios: FlaskConical,
  costs: CircleDollarSign,
  utilization: Gauge,
  demandPlans: ClipboardList,
} as const;

export function NavLinks({ items }: { items: { href: string; label: string; icon: keyof typeof ICONS }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 lg:flex-col">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
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
  );
}
