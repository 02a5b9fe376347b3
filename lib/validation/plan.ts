import { z } from "zod";
import { decimalField } from "./fields";

// The planner's inputs (issue 17 §3), shared by the page, the CLI and POST /api/v1/plan.

const PLAN_DEMAND_BANDS = ["median", "p80", "p95"] as const;
export type PlanDemandBand = (typeof PLAN_DEMAND_BANDS)[number];

const DEFAULT_PLAN_HORIZON = 24;
const MAX_PLAN_HORIZON = 60;

const share = (label: string) =>
  z.coerce
    .number({ message: `The ${label} cap must be a share between 0 and 1, like 0.35.` })
    .min(0, `The ${label} cap must be a share between 0 and 1, like 0.35.`)
    .max(1, `The ${label} cap must be a share between 0 and 1, like 0.35.`)
    .nullable()
    .default(null);

const flag = z.boolean({ message: "Must be true or false." }).default(false);

export const PlanInputs = z
  .object({
    horizon: z.coerce
      .number({ message: `The horizon must be a whole number of months, 1 to ${MAX_PLAN_HORIZON}.` })
      .int(`The horizon must be a whole number of months, 1 to ${MAX_PLAN_HORIZON}.`)
      .min(1, `The horizon must be a whole number of months, 1 to ${MAX_PLAN_HORIZON}.`)
      .max(MAX_PLAN_HORIZON, `The horizon must be a whole number of months, 1 to ${MAX_PLAN_HORIZON}.`)
      .default(DEFAULT_PLAN_HORIZON),
    demand: z.enum(PLAN_DEMAND_BANDS, { message: "Demand must be median, p80 or p95." }).default("median"),
    scenario: z
      .string({ message: "The scenario must be a scenario id." })
      .trim()
      .min(1, "The scenario must be a scenario id.")
      .nullable()
      .default(null),
    families: z
      .array(z.string({ message: "Each family must be a name, like GB200." }).trim().min(1, "A family name is empty."), {
        message: 'Families must be a list of family names, like ["GB200", "H100"].',
      })
      .min(1, "Choose at least one family, or leave families out to plan for all.")
      .max(100, "At most 100 families.")
      .nullable()
      .default(null),
    budgetUsd: z.preprocess((v) => (v === undefined ? null : v), decimalField("the budget in USD", 2, "1000000000000").nullable()),
    capProvider: share("provider"),
    capVendor: share("chip vendor"),
    capSite: share("site"),
    noOnDemand: flag,
    noSpot: flag,
    noBuild: flag,
    lateDelivery: flag,
  })
  .strict();

export type PlanInputs = z.infer<typeof PlanInputs>;
