import type { Permission } from "@/lib/auth/permissions";

/**
 * The sidebar's groups, in order: planning views, money views, who uses the compute, what watches them (alerts,
 * budgets), the registers with data upkeep. The
 * reference data and administration pages sit under one Settings link, as tabs (SETTINGS_ITEMS): the whole sidebar
 * stays above the fold at 1280×900.
 */
export const NAV_GROUPS = ["Plan", "Money", "Allocation", "Watch", "Registers"] as const;
type NavGroup = (typeof NAV_GROUPS)[number];

export type NavItem = {
  group: NavGroup;
  href: string;
  label: string;
  permission: Permission;
  icon:
    | "overview"
    | "contracts"
    | "reservations"
    | "sites"
    | "imports"
    | "power"
    | "concentration"
    | "leaseVsBuild"
    | "capacity"
    | "scenarios"
    | "costs"
    | "budgets"
    | "alerts"
    | "utilization"
    | "demandPlans"
    | "offers"
    | "plan"
    | "reports"
    | "showback"
    | "teams"
    | "workloads"
    | "surplus"
    | "unitEconomics"
    | "settings"
    | "allocationRules";
};

export const NAV_ITEMS: NavItem[] = [
  { group: "Plan", href: "/", label: "Overview", permission: "app.read", icon: "overview" },
  { group: "Plan", href: "/capacity", label: "Capacity", permission: "app.read", icon: "capacity" },
  { group: "Plan", href: "/power", label: "Power", permission: "app.read", icon: "power" },
  { group: "Plan", href: "/utilization", label: "Utilization", permission: "app.read", icon: "utilization" },
  { group: "Plan", href: "/scenarios", label: "Scenarios", permission: "app.read", icon: "scenarios" },
  { group: "Plan", href: "/demand-plans", label: "Demand plans", permission: "app.read", icon: "demandPlans" },
  { group: "Plan", href: "/plan", label: "Procurement plan", permission: "plan.run", icon: "plan" },
  { group: "Plan", href: "/offers", label: "Offers", permission: "app.read", icon: "offers" },
  { group: "Money", href: "/costs", label: "Costs", permission: "app.read", icon: "costs" },
  { group: "Money", href: "/concentration", label: "Concentration", permission: "app.read", icon: "concentration" },
  { group: "Money", href: "/lease-vs-build", label: "Lease vs build", permission: "app.read", icon: "leaseVsBuild" },
  { group: "Money", href: "/reports", label: "Reports", permission: "shares.manage", icon: "reports" },
  { group: "Allocation", href: "/allocation", label: "Showback", permission: "app.read", icon: "showback" },
  { group: "Allocation", href: "/allocation/teams", label: "Teams", permission: "app.read", icon: "teams" },
  { group: "Allocation", href: "/allocation/workloads", label: "Workloads", permission: "app.read", icon: "workloads" },
  { group: "Allocation", href: "/allocation/rules", label: "Allocation rules", permission: "app.read", icon: "allocationRules" },
  { group: "Allocation", href: "/allocation/surplus", label: "Surplus & resale", permission: "app.read", icon: "surplus" },
  { group: "Allocation", href: "/allocation/unit-economics", label: "Unit economics", permission: "app.read", icon: "unitEconomics" },
  { group: "Watch", href: "/alerts", label: "Alerts", permission: "app.read", icon: "alerts" },
  { group: "Watch", href: "/budgets", label: "Budgets", permission: "app.read", icon: "budgets" },
  { group: "Registers", href: "/contracts", label: "Contracts", permission: "app.read", icon: "contracts" },
  { group: "Registers", href: "/reservations", label: "Reservations", permission: "app.read", icon: "reservations" },
  { group: "Registers", href: "/sites", label: "Sites", permission: "app.read", icon: "sites" },
  { group: "Registers", href: "/imports", label: "Imports", permission: "app.read", icon: "imports" },
  { group: "Registers", href: "/settings", label: "Settings", permission: "app.read", icon: "settings" },
];

export type SettingsItem = Omit<NavItem, "group" | "icon">;

/** The pages under Settings, as its tabs, each shown to the roles that may open it. */
export const SETTINGS_ITEMS: SettingsItem[] = [
  { href: "/settings/providers", label: "Providers", permission: "app.read" },
  { href: "/settings/accelerators", label: "Accelerator catalog", permission: "app.read" },
  { href: "/settings/sku-mappings", label: "SKU mappings", permission: "app.read" },
  { href: "/settings/pool-rules", label: "Pool rules", permission: "pool_rules.write" },
  { href: "/settings/users", label: "Users", permission: "users.manage" },
  { href: "/settings/api-keys", label: "API keys", permission: "api_keys.manage" },
  { href: "/settings/jobs", label: "Jobs", permission: "jobs.manage" },
  { href: "/settings/connectors", label: "Billing connectors", permission: "connectors.manage" },
  { href: "/settings/audit", label: "Audit log", permission: "audit.read" },
];

/** The Alerts pages as tabs: what is firing and its history, the rules, the channels they notify, the anomalies. */
export const ALERTS_ITEMS: (SettingsItem & { exact?: boolean })[] = [
  { href: "/alerts", label: "Alerts", permission: "app.read", exact: true },
  { href: "/alerts/rules", label: "Rules", permission: "app.read" },
  { href: "/alerts/anomalies", label: "Anomalies", permission: "app.read" },
  { href: "/alerts/channels", label: "Channels", permission: "app.read" },
];
