import { apiKeyCtx } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { checkDeclaredLength, jsonError, readBody } from "@/lib/ingest/http";
import { planJson } from "@/lib/queries/plan/json";
import { runPlan } from "@/lib/queries/plan/run";
import { savePlanAsScenario } from "@/lib/services/plan/save";

export const dynamic = "force-dynamic";

const BODY_MAX = 64 * 1024;
const TOO_LARGE = "The plan's inputs are larger than 64 KB.";

/**
 * A procurement plan (issue 17) with an API key of any role: the body is the planner's inputs as JSON (horizon, demand,
 * scenario, families, budgetUsd, capProvider, capVendor, capSite, noOnDemand, noSpot, noBuild, lateDelivery; all
 * optional). 200 with the plan; 400 with a message for bad inputs; 401 without a valid key. Nothing is saved, unless
 * the body also has `saveAs` (a scenario name, or { name, description }): then the plan is saved as a scenario (needs
 * scenarios.write, else 403) and the answer, 201, carries `scenario: { id, name }`.
 */
export async function POST(request: Request) {
  try {
    const ctx = await apiKeyCtx(await getDb(), request);
    checkDeclaredLength(request, BODY_MAX, TOO_LARGE);
    const bytes = request.body ? await readBody(request.body, BODY_MAX, TOO_LARGE) : new Uint8Array();
    const text = new TextDecoder().decode(bytes).trim();
    let input: unknown = {};
    try {
      if (text) input = JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new ValidationError('The body is not valid JSON; send the inputs as an object, e.g. { "horizon": 24 }.');
      throw error;
    }
    if (typeof input !== "object" || input === null || Array.isArray(input))
      throw new ValidationError('The body must be a JSON object of inputs, e.g. { "horizon": 24, "demand": "p80" }.');
    const { saveAs, ...inputs } = input as Record<string, unknown>;
    if (saveAs === undefined) return Response.json(planJson(await runPlan({ ctx, input: inputs })));
    // Saving needs scenarios.write (savePlanAsScenario checks it first); the plan is solved again there from the inputs.
    const save = typeof saveAs === "string" ? { name: saveAs } : saveAs;
    const saved = await savePlanAsScenario({ ctx, input: { ...(save as object), inputs } });
    return Response.json({ ...planJson(saved.run), scenario: { id: saved.id, name: saved.name } }, { status: 201 });
  } catch (error) {
    return jsonError(error);
  }
}
