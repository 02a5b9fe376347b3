export const IMPORT_KIND_LABEL: Record<string, string> = {
  focus: "FOCUS billing",
  utilization: "Utilization",
  contracts: "Contracts",
  reservations: "Reservations",
  sites: "Sites",
  power_budgets: "Power budgets",
  providers: "Providers",
  accelerator_types: "Accelerator types",
  demand_plans: "Demand plans",
  business_metrics: "Business metrics",
};
