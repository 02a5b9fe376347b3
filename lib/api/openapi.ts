import { z } from "zod";
import { PlanInputs } from "@/lib/validation/plan";
import { READ_ENDPOINTS } from "./endpoints";
import { DecimalString, ErrorJson } from "./json";

// The OpenAPI 3.1 document of /api/v1, built from the zod schemas that check each request (query schemas of the read
// endpoints, PlanInputs of the planner) and describe each answer. The ingest bodies are checked row by row by their
// importers (lib/ingest), so their schemas here describe them without being the checks.

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as Json;
  return rest;
}

function queryParameters(query: z.ZodObject): Json[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const { description, ...schema } = jsonSchema(field as z.ZodType, "input");
    return { name, in: "query", required: false, schema, ...(description ? { description } : {}) };
  });
}

const json = (schema: Json | { $ref: string }) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json({ $ref: "#/components/schemas/Error" }) });

const REFUSALS = {
  "401": error("No API key, or an unknown or revoked one."),
  "403": error("The key's role may not do this (the message names the permission)."),
  "429": {
    description: "The key's requests exceed its rate limit (a token bucket per key and app instance).",
    headers: { "Retry-After": { description: "Seconds until the next request is allowed.", schema: { type: "integer", minimum: 1 } } },
    content: json({ $ref: "#/components/schemas/Error" }),
  },
};

/** The answer of the row imports (utilization, business metrics); openapi.test.ts checks their result types fit it. */
export const ImportResult = z.object({
  importId: z.number().int().nullable(),
  status: z.enum(["succeeded", "duplicate", "failed"]),
  rows: z.number().int(),
  sha256: z.string(),
  errors: z
    .array(z.object({ line: z.number().int(), column: z.string().optional(), message: z.string() }))
    .meta({ description: "The first 100 problems, by line (JSON: 1-based position in rows)." }),
  summary: z.record(z.string(), z.unknown()).nullable(),
});
/** The FOCUS import's answer (FocusImportResult). */
export const FocusResult = ImportResult.extend({
  bytes: z.number().int(),
  replaced: z
    .array(z.object({ provider: z.string(), billingPeriodStart: z.string(), rows: z.number().int() }))
    .optional()
    .meta({ description: "Rows of earlier exports for the same provider and billing period that this one replaced." }),
  duplicateOf: z.object({ importId: z.number().int(), fileName: z.string(), createdAt: z.string() }).optional(),
});
const UtilizationPush = z.object({
  rows: z.array(
    z.object({
      reservation: z.string().meta({ description: "The block's name or capacity reservation id." }),
      hour: z.iso.datetime().meta({ description: "The hour's start, UTC." }),
      used_ah: z.union([z.number(), z.string()]).meta({ description: "Accelerator-hours used in the hour." }),
      workload: z.string().optional(),
    }),
  ),
});
const MetricsPush = z.object({
  rows: z.array(z.object({ workload: z.string(), metric: z.string(), day: z.iso.date(), value: z.union([z.number(), z.string()]) })),
});
/** The planner's answer (planJson); openapi.test.ts checks planJson's type fits it. */
export const PlanResult = z.looseObject({
  status: z.string().meta({ description: "optimal, or why there is no plan." }),
  message: z.string().nullable(),
  committedCost: DecimalString.meta({ description: "Σ cost of the proposed blocks over their whole terms, USD." }),
  costInHorizon: DecimalString,
  solveMs: z.number(),
  inputs: PlanInputs,
  warnings: z.array(z.string()),
  blocks: z.array(z.record(z.string(), z.unknown())).meta({ description: "The proposed blocks: offer, quantity, start, term, cost." }),
  unmet: z.array(z.object({ family: z.string(), month: z.string(), unmet: z.number() })),
  bindings: z.array(z.record(z.string(), z.unknown())).meta({ description: "What binds, with its dual value." }),
  after: z.record(z.string(), z.unknown()).meta({ description: "Runway, power headroom and concentration after the plan." }),
  scenario: z.object({ id: z.string(), name: z.string() }).optional().meta({ description: "With saveAs: the scenario saved." }),
});

const PlanBody = PlanInputs.partial().extend({
  saveAs: z
    .union([z.string(), z.object({ name: z.string(), description: z.string().optional() })])
    .optional()
    .meta({ description: "Save the plan as a scenario (needs scenarios.write)." }),
});

function write(summary: string, permission: string, body: Json, result: Json, rejected: string): Json {
  return {
    post: {
      summary,
      description: `Needs the ${permission} permission.`,
      requestBody: { required: true, content: body },
      responses: {
        "200": { description: "Done.", content: json(result) },
        "400": error("The body is not of the documented shape (the message says what)."),
        ...REFUSALS,
        "413": error("The body is over the size limit."),
        "422": { description: rejected, content: json(result) },
      },
    },
  };
}

/** The whole document (paths relative to the instance that serves it). */
export function openApiDocument(): Json {
  const paths: Json = {};
  const schemas: Json = { Error: jsonSchema(ErrorJson, "output"), Plan: jsonSchema(PlanResult, "output") };
  for (const e of READ_ENDPOINTS) {
    schemas[e.name] = jsonSchema(e.response, "output");
    paths[e.path] = {
      get: {
        summary: e.summary,
        description: `Needs an API key of any role (app.read). Exact decimals are strings; the filters are the page's.${e.description ? ` ${e.description}` : ""}`,
        operationId: `get${e.name}`,
        parameters: queryParameters(e.query),
        responses: {
          "200": { description: "OK", content: json({ $ref: `#/components/schemas/${e.name}` }) },
          "400": error("A bad query parameter, named in `fields`."),
          ...REFUSALS,
        },
      },
    };
  }
  const importResult = jsonSchema(ImportResult, "output");
  const utilization = write(
    "Push hourly utilization (JSON rows or text/csv with the same columns).",
    "utilization.import",
    { "application/json": { schema: jsonSchema(UtilizationPush, "input") }, "text/csv": { schema: { type: "string" } } },
    importResult,
    "Rejected: nothing loaded, errors by row.",
  );
  paths["/api/v1/utilization"] = { ...(paths["/api/v1/utilization"] as Json), ...utilization };
  paths["/api/v1/metrics/business"] = write(
    "Push daily business metrics per workload (JSON rows or text/csv).",
    "allocation.write",
    { "application/json": { schema: jsonSchema(MetricsPush, "input") }, "text/csv": { schema: { type: "string" } } },
    importResult,
    "Rejected: nothing loaded, errors by row.",
  );
  paths["/api/v1/imports/focus"] = write(
    "Import a FOCUS 1.0–1.3 billing file (CSV or gzip) as the body; ?name= the file name.",
    "billing.import",
    { "text/csv": { schema: { type: "string" } }, "application/gzip": { schema: { type: "string", contentEncoding: "binary" } } },
    jsonSchema(FocusResult, "output"),
    "Rejected: nothing loaded, errors by line and column.",
  );
  paths["/api/v1/plan"] = {
    post: {
      summary: "Run the procurement planner; with saveAs, save the plan as a scenario.",
      description: "Needs an API key of any role (plan.run); saveAs needs scenarios.write.",
      requestBody: { required: false, content: json(jsonSchema(PlanBody, "input")) },
      responses: {
        "200": { description: "The plan.", content: json({ $ref: "#/components/schemas/Plan" }) },
        "201": { description: "The plan, saved as a scenario.", content: json({ $ref: "#/components/schemas/Plan" }) },
        "400": error("Bad inputs (the message names the field)."),
        ...REFUSALS,
      },
    },
  };
  paths["/api/v1/prometheus"] = {
    get: {
      summary: "Gauges for Prometheus (text exposition format 0.0.4).",
      description: "Needs an API key of any role (app.read).",
      responses: {
        "200": { description: "The metrics.", content: { "text/plain; version=0.0.4": { schema: { type: "string" } } } },
        ...REFUSALS,
      },
    },
  };
  paths["/api/v1/openapi.json"] = {
    get: {
      summary: "This document.",
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document.", content: json({ type: "object" }) } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Headroom API",
      version: "1",
      description:
        "Read API, Prometheus gauges and ingest endpoints of Headroom. Send an API key as `Authorization: Bearer hr_…` (or `X-Api-Key`); the key's role decides what it may do.",
    },
    security: [{ bearer: [] }, { apiKeyHeader: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key (hr_…) from Settings → API keys." },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" },
      },
    },
  };
}
