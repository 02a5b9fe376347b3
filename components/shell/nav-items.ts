import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission; icon: "overview" | "audit" };

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", permission: "app.read", icon: "overview" },
  { href: "/settings/audit", label: "Audit log", permission: "audit.read", icon: "audit" },
];
