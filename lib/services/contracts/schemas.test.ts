import { describe, expect, it } from "vitest";
import { CreateReservationInput } from "../reservations/schemas";
import { CreateContractInput } from "./schemas";

const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("register create schemas", () => {
  it("reports the period rule together with the other field errors", () => {
    const r = CreateContractInput.safeParse({
      providerId: "",
      name: "",
      startDate: "2027-01-01",
      endDate: "2026-01-01",
      committedAmount: "-5",
      currency: "USD",
      paymentTerms: "monthly",
      status: "active",
    });
    expect(messages(r)).toEqual({
      providerId: "Choose a provider.",
      name: "Enter a name.",
      committedAmount: "Committed amount must be 0 or more.",
      endDate: "The end date must be after the start date.",
    });
  });

  it("normalizes form strings: thousands separators, lower-case currency, empty optional fields", () => {
    const r = CreateContractInput.parse({
      providerId: "00000000-0000-4000-8000-000000000000",
      name: " Deal ",
      reference: "",
      startDate: "2026-01-01",
      endDate: "2027-01-01",
      committedAmount: "1,000.50",
      currency: "eur",
      discountPct: "",
      paymentTerms: "upfront",
      status: "active",
    });
    expect(r).toMatchObject({ name: "Deal", reference: null, committedAmount: "1000.5", currency: "EUR", discountPct: "0", notes: null });
  });

  it("rejects an impossible date and more decimals than the column holds", () => {
    const r = CreateContractInput.safeParse({ startDate: "2026-02-30", committedAmount: "1.00001", discountPct: "5.555" });
    expect(messages(r)).toMatchObject({
      startDate: "Start date is not a real date.",
      committedAmount: "Committed amount has at most 4 decimal places.",
      discountPct: "Discount has at most 2 decimal places.",
    });
  });

  it("takes a reservation's dates as UTC midnights and checks end after start", () => {
    const base = {
      name: "B",
      providerId: "00000000-0000-4000-8000-000000000000",
      siteId: "00000000-0000-4000-8000-000000000000",
      acceleratorTypeId: "00000000-0000-4000-8000-000000000000",
      quantity: "8",
      pricingModel: "reserved",
      rate: "2",
      currency: "USD",
      status: "planned",
    };
    expect(CreateReservationInput.parse({ ...base, startAt: "2026-03-01", endAt: "2026-04-01" }).startAt.toISOString()).toBe(
      "2026-03-01T00:00:00.000Z",
    );
    expect(messages(CreateReservationInput.safeParse({ ...base, startAt: "2026-03-01", endAt: "2026-03-01" }))).toEqual({
      endAt: "The end must be after the start.",
    });
  });
});
