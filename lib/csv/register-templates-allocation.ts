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

export const ALLOCATIONS_TEMPLATE: RegisterTemplate = {
  label: "Allocations",
  singular: "allocation",
  description: "A block's accelerators allocated to workloads over time; what is not allocated stays in the block's free pool.",
  permission: "allocation.write",
  list: { href: "/reservations", label: "reservations" },
  columns: [
    col("reservation", true, "Block (reservation) name"),
    col("workload", true, "Workload name"),
    col("quantity", true, "Accelerators, a whole number ≥ 1"),
    col("start_at", true, "YYYY-MM-DD (UTC midnight) or an ISO timestamp, within the block's term and the workload's active period"),
    col("end_at", false, "YYYY-MM-DD or an ISO timestamp, after the start; blank = to the block's end"),
    col("notes", false, "Free text"),
  ],
  note: "At no instant may a block's allocations add up to more than its quantity; rows of one file count together.",
  // The reservations and workloads templates' example rows.
  example: (today) => ({
    reservation: `Abilene GB200 block ${monthStart(today, 2).slice(0, 7)} (example)`,
    workload: "Acme resale (example)",
    quantity: "256",
    start_at: monthStart(today, 2),
    end_at: "",
    notes: "Example row: replace with your own allocations.",
  }),
};
