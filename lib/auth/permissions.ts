import type { Role } from "@/lib/enums";

export type { Role };
export const PERMISSIONS = [
  "app.read",
  "export.csv",
  "users.manage",
  "api_keys.manage",
  "catalog.write",
  "audit.read",
  "contracts.write",
  "billing.import",
  "billing.map",
  "sites.write",
  "power_budgets.write",
  "reservations.write",
  "utilization.import",
  "demand_plans.write",
  "scenarios.write",
  "shares.manage",
  "offers.write",
  "plan.run",
  "allocation.write",
  "pool_rules.write",
  "connectors.manage",
  "jobs.manage",
  "budgets.write",
  "alerts.write",
  "alerts.ack",
  "channels.manage",
  "reports.schedule",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["app.read", "export.csv", "plan.run"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  finance: [
    ...READ,
    "contracts.write",
    "billing.import",
    "billing.map",
    "shares.manage",
    "offers.write",
    "allocation.write",
    "budgets.write",
    "alerts.write",
    "alerts.ack",
    "reports.schedule",
  ],
  infra: [
    ...READ,
    "sites.write",
    "power_budgets.write",
    "reservations.write",
    "utilization.import",
    "demand_plans.write",
    "scenarios.write",
    "shares.manage",
    "offers.write",
    "allocation.write",
    "alerts.write",
    "alerts.ack",
    "reports.schedule",
  ],
  viewer: READ,
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
