import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { BusinessMetricsImportResult } from "@/lib/ingest/business-metrics/types";
import type { UtilizationImportResult } from "@/lib/ingest/utilization/types";
import type { FocusImportResult } from "@/lib/services/imports/focus/types";
import type { planJson } from "@/lib/queries/plan/json";
import { FocusResult, ImportResult, openApiDocument, PlanResult } from "./openapi";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

describe("openApiDocument", () => {
  const doc = openApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every route under app/api/v1 with each method it exports", async () => {
    const root = path.resolve(import.meta.dirname, "../../app/api/v1");
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    const files = routeFiles(root);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const route = `/api/v1/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`;
      const methods = Object.keys((await import(file)) as object).filter((k) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(k));
      expect(paths[route], route).toBeDefined();
      expect(Object.keys(paths[route]!).sort(), route).toEqual(methods.map((m) => m.toLowerCase()).sort());
    }
  });

  it("describes a read endpoint's filters and its answer's exact decimals", () => {
    const paths = doc.paths as Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
    const params = paths["/api/v1/contracts"]!.get.parameters;
    expect(params.map((p) => p.name)).toEqual(["q", "sort", "dir", "provider", "status", "archived", "limit", "cursor"]);
    expect(params.find((p) => p.name === "status")!.schema.enum).toContain("active");
    const schemas = (doc.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas;
    expect(schemas.Overview!.properties.committed).toMatchObject({
      properties: { total: { type: "string", pattern: "^-?\\d+(\\.\\d+)?$" } },
    });
  });

  it("describes the import and plan answers with schemas their result types fit", () => {
    expectTypeOf<UtilizationImportResult>().toExtend<z.infer<typeof ImportResult>>();
    expectTypeOf<BusinessMetricsImportResult>().toExtend<z.infer<typeof ImportResult>>();
    expectTypeOf<FocusImportResult>().toExtend<z.infer<typeof FocusResult>>();
    expectTypeOf<ReturnType<typeof planJson>>().toExtend<z.infer<typeof PlanResult>>();
  });
});
