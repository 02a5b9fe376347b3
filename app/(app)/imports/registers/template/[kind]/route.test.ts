import { beforeEach, describe, expect, it, vi } from "vitest";
import { getCtx } from "@/lib/auth/session";
import { GET } from "./route";

vi.mock("@/lib/auth/session", () => ({ getCtx: vi.fn() }));

const get = (kind: string) =>
  GET(new Request(`http://localhost/imports/registers/template/${kind}`), { params: Promise.resolve({ kind }) });

describe("GET /imports/registers/template/[kind]", () => {
  beforeEach(() => {
    vi.mocked(getCtx).mockResolvedValue({ db: {} as never, actor: { id: null, email: "v@example.com", role: "viewer", kind: "user" } });
  });

  it("downloads each new kind's header and example row", async () => {
    const expected = {
      providers: "name,kind",
      accelerator_types: "name,vendor,family,memory_gb,bf16_tflops,fp8_tflops,tdp_w,system_w,h100_equivalent",
      teams: "name,cost_centre,parent_team",
      workloads: "name,kind,team,active_from,active_to,sale_price,currency,notes",
      demand_plans:
        "name,kind,workload,scenario,accelerator_family,accelerator_type,accelerators,h100_equivalents,start_date,end_date,priority,notes",
      offers:
        "provider,site,region,accelerator_type,pricing_model,term_months,rate,currency,capex_per_accelerator,facility_capex_per_w," +
        "depreciation_years,power_per_mwh,opex_per_ah,min_quantity,max_quantity,step,lead_time_days,valid_from,valid_until,source,note",
    };
    for (const [kind, header] of Object.entries(expected)) {
      const response = await get(kind);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${kind.replaceAll("_", "-")}-template.csv"`);
      const [first, example] = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
      expect(first).toBe(header);
      expect(example).toMatch(/\(example\)/);
    }
  });

  it("answers 404 for an unknown kind and 401 without a session", async () => {
    expect((await get("widgets")).status).toBe(404);
    vi.mocked(getCtx).mockResolvedValue(null);
    expect((await get("providers")).status).toBe(401);
  });
});
