import type { z } from "zod";
import { AlertsQuery, AlertsResponse } from "./alerts";
import { BudgetsQuery, BudgetsResponse } from "./budgets";
import { CapacityQuery, CapacityResponse } from "./capacity";
import { ContractsQuery, ContractsResponse } from "./contracts";
import { ComparisonQuery, ComparisonResponse, CostsQuery, SpendResponse } from "./costs";
import { OverviewQuery, OverviewResponse } from "./overview";
import { PowerQuery, PowerResponse } from "./power";
import { ReservationsQuery, ReservationsResponse } from "./reservations";
import { UtilizationQuery, UtilizationResponse } from "./utilization";

export type ReadEndpoint = {
  path: string;
  name: string;
  summary: string;
  /** Said besides the query schema's own parameters. */
  description?: string;
  query: z.ZodObject;
  response: z.ZodType;
};

/** The read API's JSON endpoints (GET, API key of any role): the OpenAPI document and the README list these. */
export const READ_ENDPOINTS: ReadEndpoint[] = [
  { path: "/api/v1/overview", name: "Overview", summary: "The Overview's KPIs.", query: OverviewQuery, response: OverviewResponse },
  {
    path: "/api/v1/capacity",
    name: "Capacity",
    summary: "Capacity vs demand forecast and runway, per family (or provider, site).",
    query: CapacityQuery,
    response: CapacityResponse,
  },
  {
    path: "/api/v1/power",
    name: "Power",
    summary: "Power budget vs projected load, per site and month.",
    query: PowerQuery,
    response: PowerResponse,
  },
  {
    path: "/api/v1/costs/spend",
    name: "Spend",
    summary: "Spend per provider (or family) and month, actual and planned marked.",
    query: CostsQuery,
    response: SpendResponse,
  },
  {
    path: "/api/v1/costs/comparison",
    name: "ProviderComparison",
    summary: "The provider comparison: cost, utilization and $ per useful AH, H100e·h, PFLOP-h, 1M tokens.",
    description: "The workload profile of $ per 1M tokens is set as on the page: tps.<family>=<tokens per second per accelerator>.",
    query: ComparisonQuery,
    response: ComparisonResponse,
  },
  {
    path: "/api/v1/alerts",
    name: "Alerts",
    summary: "Alerts firing now, and those resolved in the last days, each with its rule, severity, scope and figures.",
    query: AlertsQuery,
    response: AlertsResponse,
  },
  {
    path: "/api/v1/budgets",
    name: "Budgets",
    summary:
      "Budgets (money, AH or H100e·h; lab, provider, family, team, workload or contract) vs actual and forecast, each in its period containing a month, with threshold states and team hierarchy warnings.",
    query: BudgetsQuery,
    response: BudgetsResponse,
  },
  {
    path: "/api/v1/contracts",
    name: "Contracts",
    summary: "Contracts with their burn-down (cursor-paged).",
    query: ContractsQuery,
    response: ContractsResponse,
  },
  {
    path: "/api/v1/reservations",
    name: "Reservations",
    summary: "Reservations (cursor-paged).",
    query: ReservationsQuery,
    response: ReservationsResponse,
  },
  {
    path: "/api/v1/utilization",
    name: "Utilization",
    summary: "Utilization series by group and month or day.",
    query: UtilizationQuery,
    response: UtilizationResponse,
  },
];
