import { col, monthStart, type RegisterTemplate } from "./register-templates";

// Templates of who uses the compute: teams (cost owners, in a hierarchy) and their workloads.

export const TEAMS_TEMPLATE: RegisterTemplate = {
  label: "Teams",
  singular: "team",
  description: "Cost owners with their cost centre, in a hierarchy at most 4 levels deep.",
  permission: "allocation.write",
  list: { href: "/allocation/teams", label: "teams" },
  columns: [
    col("name", true, "Team name; unique among active teams"),
    col("cost_centre", false, "Finance cost centre code"),
    col("parent_team", false, "Parent team name; blank = a top-level team. A parent may be a row above it in the same file"),
  ],
  note: "List parents before their sub-teams. Teams nest at most 4 levels deep, with no cycle.",
  example: () => ({ name: "Capacity resale (example)", cost_centre: "CC-3100", parent_team: "" }),
};

export const WORKLOADS_TEMPLATE: RegisterTemplate = {
  label: "Workloads",
  singular: "workload",
  description: "Training runs, inference services, research, platform and resold (external) capacity, each owned by a team.",
  permission: "allocation.write",
  list: { href: "/allocation/workloads", label: "workloads" },
  columns: [
    col("name", true, "Workload name; unique among active workloads"),
    col("kind", true, "training, inference, research, platform or external (a customer of capacity the lab resells)", { choice: true }),
    col("team", true, "Owning team name"),
    col("active_from", true, "YYYY-MM-DD"),
    col("active_to", false, "YYYY-MM-DD, after active_from (the period is [from, to)); blank = open-ended"),
    col("sale_price", false, "External only: sale price per accelerator-hour, ≥ 0, up to 6 decimals"),
    col("currency", false, "External only: ISO 4217 code of the sale price, e.g. USD"),
    col("notes", false, "Free text"),
  ],
  note: "An external workload needs a sale price and currency; every other kind leaves both blank.",
  example: (today) => ({
    name: "Acme resale (example)",
    kind: "external",
    team: "Capacity resale (example)",
    active_from: monthStart(today, 1),
    active_to: monthStart(today, 13),
    sale_price: "3.25",
    currency: "USD",
    notes: "Example row: replace with your own workloads.",
  }),
};
