import type { Permission } from "@/lib/auth/permissions";

export type NavItem = {
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
    | "demandPlans";
};

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", permission: "app.read", icon: "overview" },
  { href: "/contracts", label: "Contracts", permission: "app.read", icon: "contracts" },
  { href: "/reservations", label: "Reservations", permission: "app.read", icon: "reservations" },
  { href: "/sites", label: "Sites", permission: "app.read", icon: "sites" },
  { href: "/capacity", label: "Capacity", permission: "app.read", icon: "capacity" },
  { href: "/costs", label: "Costs", permission: "app.read", icon: "costs" },
  { href: "/utilization", label: "Utilization", permission: "app.read", icon: "utilization" },
  { href: "/power", label: "Power", permission: "app.read", icon: "power" },
  { href: "/concentration", label: "Concentration", permission: "app.read", icon: "concentration" },
  { href: "/lease-vs-build", label: "Lease vs build", permission: "app.read", icon: "leaseVsBuild" },
  { href: "/scenarios", label: "Scenarios", permission: "app.read", icon: "scenarios" },
  { href: "/demand-plans", label: "Demand plans", permission: "app.read", icon: "demandPlans" },
  { href: "/reports", label: "Reports", permission: "shares.manage", icon: "overview" },
  { href: "/imports", label: "Imports", permission: "app.read", icon: "imports" },
  { href: "/settings/providers", label: "Providers", permission: "app.read", icon: "providers" },
  { href: "/settings/accelerators", label: "Accelerator catalog", permission: "app.read", icon: "accelerators" },
  { href: "/settings/sku-mappings", label: "SKU mappings", permission: "app.read", icon: "skuMappings" },
  { href: "/settings/users", label: "Users", permission: "users.manage", icon: "users" },
  { href: "/settings/api-keys", label: "API keys", permission: "api_keys.manage", icon: "apiKeys" },
  { href: "/settings/audit", label: "Audit log", permission: "audit.read", icon: "audit" },
];
