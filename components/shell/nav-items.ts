import type { Permission } from "@/lib/auth/permissions";

/** The sidebar's groups, in order: planning views, money views, who uses the compute, the registers, data upkeep, administration. */
export const NAV_GROUPS = ["Plan", "Money", "Allocation", "Registers", "Data", "Settings"] as const;
type NavGroup = (typeof NAV_GROUPS)[number];

export type NavItem = {
  group: NavGroup;
  href: string;
  label: string;
  permission: Permission;
  icon:
    | "overview"
    | "audit"
    | "contracts"
    | "reservations"
    | "sites"
    | "providers"
    | "accelerators"
    | "users"
    | "apiKeys"
    | "imports"
    | "skuMappings"
    | "power"
    | "concentration"
    | "leaseVsBuild"
    | "capacity"
    | "scenarios"
    | "costs"
    | "utilization"
    | "demandPlans"
    | "offers"
    | "plan"
    | "reports"
    | "showback"
    | "poolRules"
    | "teams"
    | "workloads"
    | "surplus"
    | "unitEconomics"
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
  { group: "Registers", href: "/contracts", label: "Contracts", permission: "app.read", icon: "contracts" },
  { group: "Registers", href: "/reservations", label: "Reservations", permission: "app.read", icon: "reservations" },
  { group: "Registers", href: "/sites", label: "Sites", permission: "app.read", icon: "sites" },
  { group: "Data", href: "/imports", label: "Imports", permission: "app.read", icon: "imports" },
  { group: "Data", href: "/settings/providers", label: "Providers", permission: "app.read", icon: "providers" },
  { group: "Data", href: "/settings/accelerators", label: "Accelerator catalog", permission: "app.read", icon: "accelerators" },
  { group: "Data", href: "/settings/sku-mappings", label: "SKU mappings", permission: "app.read", icon: "skuMappings" },
  { group: "Settings", href: "/settings/users", label: "Users", permission: "users.manage", icon: "users" },
  { group: "Settings", href: "/settings/api-keys", label: "API keys", permission: "api_keys.manage", icon: "apiKeys" },
  { group: "Settings", href: "/settings/pool-rules", label: "Pool rules", permission: "pool_rules.write", icon: "poolRules" },
  { group: "Settings", href: "/settings/audit", label: "Audit log", permission: "audit.read", icon: "audit" },
];
