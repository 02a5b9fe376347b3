import { col, monthStart, type RegisterTemplate } from "./register-templates";

// Templates of the registers a plan starts from: who sells capacity, what chips there are, and what demand to cover.

export const PROVIDERS_TEMPLATE: RegisterTemplate = {
  label: "Providers",
  singular: "provider",
  description: "Clouds, neoclouds, colocation and your own sites.",
  permission: "catalog.write",
  list: { href: "/settings/providers", label: "providers" },
  columns: [col("name", true, "Provider name; unique"), col("kind", true, "hyperscaler, neocloud, colo or owned", { choice: true })],
  example: () => ({ name: "Nebius (example)", kind: "neocloud" }),
};

export const ACCELERATOR_TYPES_TEMPLATE: RegisterTemplate = {
  label: "Accelerator types",
  singular: "accelerator type",
  description: "The chip catalog: family, memory, TFLOPS, power and H100-equivalent factor.",
  permission: "catalog.write",
  list: { href: "/settings/accelerators", label: "accelerator types" },
  columns: [
    col("name", true, "Type name; unique, e.g. NVIDIA GB200"),
    col("vendor", true, "e.g. NVIDIA, AMD"),
    col("family", true, "The family demand and capacity are counted in, e.g. GB200"),
    col("memory_gb", true, "Memory per accelerator in GB, > 0"),
    col("bf16_tflops", true, "Dense BF16 TFLOPS, > 0"),
    col("fp8_tflops", false, "Dense FP8 TFLOPS, > 0"),
    col("tdp_w", false, "Chip TDP in whole watts"),
    col("system_w", true, "Power per accelerator at the wall of the rack, whole watts (the power budgets count this)"),
    col("h100_equivalent", false, "H100-equivalent factor, up to 4 decimals; blank = BF16 TFLOPS ÷ H100 SXM's"),
  ],
  example: () => ({
    name: "AMD MI355X (example)",
    vendor: "AMD",
    family: "MI355X",
    memory_gb: "288",
    bf16_tflops: "2500",
    fp8_tflops: "5000",
    tdp_w: "1400",
    system_w: "2000",
    h100_equivalent: "",
  }),
};

export const DEMAND_PLANS_TEMPLATE: RegisterTemplate = {
  label: "Demand plans",
  singular: "demand plan",
  description: "Workloads that need accelerators of a family over a period.",
  permission: "demand_plans.write",
  list: { href: "/demand-plans", label: "demand plans" },
  columns: [
    col("name", true, "Plan name"),
    col("kind", true, "training, inference or research", { choice: true }),
    col("scenario", false, "Scenario name; blank = the baseline (every scenario counts it)"),
    col("accelerator_family", true, "Family of the demand, e.g. GB200"),
    col("accelerator_type", false, "Accelerator type name, of that family"),
    col("accelerators", false, "Accelerators, a whole number ≥ 1"),
    col("h100_equivalents", false, "Size in H100-equivalents, up to 2 decimals (give this, accelerators or both)"),
    col("start_date", true, "YYYY-MM-DD"),
    col("end_date", true, "YYYY-MM-DD, after the start (the period is [start, end))"),
    col("priority", false, "1 (highest) to 5, blank = 3", { blank: "3" }),
    col("notes", false, "Free text"),
  ],
  note: "One row is one plan: a size over a period. Demand that changes over time is several rows, one per period; they may share a name (plans add up, so the periods of one workload should not overlap).",
  example: (today) => ({
    name: "Pretraining run (example)",
    kind: "training",
    scenario: "",
    accelerator_family: "GB200",
    accelerator_type: "NVIDIA GB200",
    accelerators: "4096",
    h100_equivalents: "",
    start_date: monthStart(today, 2),
    end_date: monthStart(today, 8),
    priority: "2",
    notes: "Example row: replace with your own plans.",
  }),
};
