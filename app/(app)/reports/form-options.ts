import { getFilterOptions } from "@/lib/queries/filters/options";
import { RANGE_LABELS, RANGE_PRESETS } from "@/lib/queries/filters/params";
import type { Ctx } from "@/lib/auth/context";
import { REPORT_SECTIONS, SECTION_LABELS } from "@/lib/queries/reports/scope";

export const SECTION_OPTIONS = REPORT_SECTIONS.map((s) => ({ value: s, label: SECTION_LABELS[s] }));

export async function reportFormOptions(ctx: Ctx) {
  const o = await getFilterOptions(ctx);
  return {
    ranges: RANGE_PRESETS.map((r) => ({ value: r, label: RANGE_LABELS[r] })),
    providers: o.providers,
    families: o.families,
    sites: o.sites.map(({ value, label }) => ({ value, label })),
    scenarios: o.scenarios,
    by: [
      { value: "family", label: "Family" },
      { value: "provider", label: "Provider" },
      { value: "site", label: "Site" },
    ],
    units: [
      { value: "h100e", label: "H100-equivalents" },
      { value: "accelerators", label: "Accelerators" },
    ],
  };
}
