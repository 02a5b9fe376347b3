import Decimal from "decimal.js";
import type { Executor } from "@/lib/db/client";
import { contracts } from "@/lib/db/schema";
import type { CatalogIds, ProviderKey } from "./catalog";
import { SEED_ACTOR } from "./constants";
import { isoDay } from "@/lib/metrics/calendar";
import { monthDay } from "./dates";
import { createRng } from "./random";
import type { ReservationPlan } from "./reservation-plan";

type ContractStatus = "proposed" | "pending" | "active" | "exhausted" | "expired" | "cancelled";
type PaymentTerms = "upfront" | "monthly" | "usage_based";

export type ContractSeed = {
  provider: ProviderKey;
  name: string;
  reference: string;
  fromMonth: number;
  toMonth: number;
  status: ContractStatus;
  paymentTerms: PaymentTerms;
  notes?: string;
};

// Terms in months relative to the month of asOf; statuses agree with those dates.
export const CONTRACTS: readonly ContractSeed[] = [
  {
    provider: "azure",
    name: "Azure MACC 2024",
    reference: "AZ-MACC-2024-001",
    fromMonth: -34,
    toMonth: -10,
    status: "expired",
    paymentTerms: "upfront",
  },
  {
    provider: "azure",
    name: "Azure Enterprise Agreement 2025",
    reference: "AZ-EA-2025-001",
    fromMonth: -22,
    toMonth: 14,
    status: "active",
    paymentTerms: "monthly",
  },
  {
    provider: "azure",
    name: "Fairwater Atlanta expansion",
    reference: "AZ-EA-2027-003",
    fromMonth: 3,
    toMonth: 39,
    status: "proposed",
    paymentTerms: "monthly",
    notes: "Draft from the account team; GB300 option priced separately.",
  },
  {
    provider: "oci",
    name: "OCI Universal Credits — Abilene phase 1",
    reference: "OCI-UC-2025-001",
    fromMonth: -18,
    toMonth: 18,
    status: "active",
    paymentTerms: "upfront",
  },
  {
    provider: "oci",
    name: "OCI Supercluster GB200 reservation",
    reference: "OCI-SC-2025-003",
    fromMonth: -12,
    toMonth: 24,
    status: "active",
    paymentTerms: "upfront",
  },
  {
    provider: "oci",
    name: "OCI Universal Credits — Abilene phase 2",
    reference: "OCI-UC-2026-002",
    fromMonth: 1,
    toMonth: 37,
    status: "pending",
    paymentTerms: "monthly",
    notes: "Awaiting signature; capacity held until month end.",
  },
  {
    provider: "aws",
    name: "AWS Private Pricing Addendum 2024",
    reference: "AWS-PPA-2024-001",
    fromMonth: -28,
    toMonth: 8,
    status: "exhausted",
    paymentTerms: "usage_based",
    notes: "Commitment fully consumed ahead of term.",
  },
  {
    provider: "aws",
    name: "AWS PPA 2026 — Project Rainier",
    reference: "AWS-PPA-2026-002",
    fromMonth: -10,
    toMonth: 26,
    status: "active",
    paymentTerms: "monthly",
  },
  {
    provider: "gcp",
    name: "Google Cloud commitment 2024",
    reference: "GCP-CUD-2024-001",
    fromMonth: -34,
    toMonth: -8,
    status: "expired",
    paymentTerms: "monthly",
  },
  {
    provider: "gcp",
    name: "Google Cloud TPU commitment 2025",
    reference: "GCP-CUD-2025-002",
    fromMonth: -14,
    toMonth: 22,
    status: "active",
    paymentTerms: "monthly",
  },
  {
    provider: "coreweave",
    name: "CoreWeave MSA — Plano phase 1",
    reference: "CW-MSA-2025-001",
    fromMonth: -21,
    toMonth: 15,
    status: "active",
    paymentTerms: "monthly",
  },
  {
    provider: "coreweave",
    name: "CoreWeave GB300 order",
    reference: "CW-MSA-2026-002",
    fromMonth: 2,
    toMonth: 26,
    status: "cancelled",
    paymentTerms: "upfront",
    notes: "Cancelled after the delivery slot moved by two quarters.",
  },
  {
    provider: "coreweave",
    name: "CoreWeave Plano phase 2",
    reference: "CW-MSA-2027-003",
    fromMonth: 4,
    toMonth: 28,
    status: "proposed",
    paymentTerms: "monthly",
  },
  {
    provider: "switch",
    name: "Switch Citadel colocation",
    reference: "SW-COLO-2025-001",
    fromMonth: -20,
    toMonth: 40,
    status: "active",
    paymentTerms: "monthly",
  },
];

const LINKABLE: ReadonlySet<ContractStatus> = new Set(["active", "expired", "exhausted", "pending"]);

export function linkableContracts(provider: ProviderKey): ContractSeed[] {
  return CONTRACTS.filter((c) => c.provider === provider && LINKABLE.has(c.status));
}

export function contractTerm(c: ContractSeed, monthOfAsOf: Date): { start: Date; end: Date } {
  return { start: monthDay(monthOfAsOf, c.fromMonth), end: monthDay(monthOfAsOf, c.toMonth) };
}

// A reserved block's planned cost over its whole term: quantity × hours × rate, exact.
function reservedTermCost(r: ReservationPlan): Decimal {
  const hours = (r.endAt.getTime() - r.startAt.getTime()) / 3_600_000;
  return new Decimal(r.rate).times(r.quantity).times(hours);
}

export type ContractPlan = ContractSeed & { startDate: string; endDate: string; committedAmount: string; discountPct: string };

// Commitments are sized as a floor under the planned spend of the blocks they cover (65–85 %; the
// exhausted one lower, hence used up early); contracts with no blocks yet get a negotiated round figure.
export function planContracts(reservations: readonly ReservationPlan[], monthOfAsOf: Date): ContractPlan[] {
  const rng = createRng("contracts");
  return CONTRACTS.map((c) => {
    const covered = reservations
      .filter((r) => r.contractReference === c.reference && r.pricingModel === "reserved")
      .reduce((sum, r) => sum.plus(reservedTermCost(r)), new Decimal(0));
    const sharePct = c.status === "exhausted" ? rng.int(55, 62) : rng.int(65, 85);
    const committed = covered.isZero()
      ? new Decimal(rng.int(8, 96)).times(5_000_000)
      : covered.times(sharePct).div(100).div(100_000).toDecimalPlaces(0).times(100_000);
    const { start, end } = contractTerm(c, monthOfAsOf);
    return {
      ...c,
      startDate: isoDay(start),
      endDate: isoDay(end),
      committedAmount: committed.toFixed(0),
      discountPct: new Decimal(rng.int(0, 160)).times(25).div(100).toFixed(2),
    };
  });
}

export async function insertContracts(tx: Executor, rows: readonly ContractPlan[], catalog: CatalogIds): Promise<Map<string, string>> {
  const inserted = await tx
    .insert(contracts)
    .values(
      rows.map((c) => ({
        providerId: catalog.providers.get(c.provider)!,
        name: c.name,
        reference: c.reference,
        startDate: c.startDate,
        endDate: c.endDate,
        committedAmount: c.committedAmount,
        currency: "USD",
        discountPct: c.discountPct,
        paymentTerms: c.paymentTerms,
        status: c.status,
        notes: c.notes ?? null,
        updatedBy: SEED_ACTOR,
      })),
    )
    .returning({ id: contracts.id, reference: contracts.reference });
  return new Map(inserted.map((r) => [r.reference!, r.id]));
}
