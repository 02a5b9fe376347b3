// Choices shared by server pages and client forms (kept out of "use client" files so servers can read them).

export const PROVIDER_KIND_OPTIONS = [
  { value: "hyperscaler", label: "Hyperscaler" },
  { value: "neocloud", label: "Neocloud" },
  { value: "colo", label: "Colocation" },
  { value: "owned", label: "Owned" },
];

export const ROLE_OPTIONS = [
  { value: "admin", label: "Admin — everything, users, API keys, catalog" },
  { value: "finance", label: "Finance — contracts, billing, cost views" },
  { value: "infra", label: "Infra — sites, power, reservations, plans" },
  { value: "viewer", label: "Viewer — read and export only" },
];
