import { describe, expect, it } from "vitest";
import { fieldLabel } from "./field-label";

describe("fieldLabel", () => {
  it.each([
    ["providerId", "Provider"],
    ["ratePerAcceleratorHour", "Rate per accelerator hour"],
    ["name", "Name"],
    ["h100Equivalent", "H100 equivalent"],
    ["budgets.2.startMonth", "Start month (row 3)"],
    ["changes.0.itLimitKw", "IT limit kW (row 1)"],
    ["powerPerMwh", "Power per MWh"],
    ["facilityCapexPerW", "Facility capex per W"],
    ["opexPerAh", "Opex per AH"],
  ])("%s → %s", (key, label) => expect(fieldLabel(key)).toBe(label));
});
