import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { CONTRACT_STATUSES } from "@/lib/enums";
import { burndownInCents } from "@/lib/metrics/burndown";
import { dec } from "@/lib/metrics/decimal";
import { CONTRACT_LIST, contractListRows, type ContractListRow } from "@/lib/queries/contracts";
import { ARCHIVED_FILTERS } from "@/lib/queries/lists/filters";
import { DecimalString, Month, decimal, month } from "../json";
import { listPage, listQuery, nextCursorMeta } from "../list";
import { checkQuery } from "../query";

export const ContractsQuery = listQuery(
  CONTRACT_LIST,
  {
    provider: z
      .uuid({ message: "must be the id (a UUID) of a provider." })
      .optional()
      .meta({ description: "Only this provider's contracts." }),
    status: z.enum(CONTRACT_STATUSES, { message: `must be one of ${CONTRACT_STATUSES.join(", ")}.` }).optional(),
    archived: z.enum(ARCHIVED_FILTERS, { message: "must be only or all." }).optional().meta({
      description: "Archived contracts are left out unless only or all.",
    }),
  },
  "Name or reference contains.",
);

const Burndown = z.object({
  committed: DecimalString,
  consumed: DecimalString.meta({
    description: "Actual cost of the charges mapped to the contract (planned for months without billing), to the cent.",
  }),
  expected: DecimalString.meta({ description: "committed × elapsed ÷ term." }),
  scheduled: DecimalString.meta({ description: "Planned cost of the linked reservations over the rest of the term." }),
  other: DecimalString.meta({ description: "Run-rate of recent other charges × time left." }),
  projected: DecimalString.meta({ description: "consumed + scheduled + other; the final consumed once ended." }),
  shortfall: DecimalString.meta({ description: "max(0, committed − projected): the true-up risk." }),
  overrun: DecimalString,
  burned: DecimalString.nullable().meta({ description: "consumed ÷ committed (6 decimals); null when nothing is committed." }),
  elapsed: DecimalString.meta({ description: "Share of the term elapsed, 0–1." }),
  ended: z.boolean(),
  months: z.array(z.object({ month: Month, amount: DecimalString, source: z.enum(["actual", "planned"]) })).meta({
    description: "Consumed per month, actual (billing) or planned.",
  }),
});

const Contract = z.object({
  id: z.string(),
  name: z.string(),
  reference: z.string().nullable(),
  providerId: z.string(),
  providerName: z.string(),
  startDate: z.string().meta({ description: "YYYY-MM-DD" }),
  endDate: z.string().meta({ description: "YYYY-MM-DD (inclusive)" }),
  committedAmount: DecimalString,
  currency: z.string(),
  discountPct: DecimalString.nullable(),
  paymentTerms: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  reservationCount: z.number().int(),
  archived: z.boolean(),
  burndown: Burndown,
});

export const ContractsResponse = z.object({ data: z.array(Contract), next_cursor: z.string().nullable().meta(nextCursorMeta) });
export type ContractJson = z.infer<typeof Contract>;

export function contractJson(c: ContractListRow): ContractJson {
  const b = c.burndown;
  const cents = burndownInCents(b);
  return {
    id: c.id,
    name: c.name,
    reference: c.reference,
    providerId: c.providerId,
    providerName: c.providerName,
    startDate: c.startDate,
    endDate: c.endDate,
    committedAmount: c.committedAmount,
    currency: c.currency,
    discountPct: c.discountPct,
    paymentTerms: c.paymentTerms,
    status: c.status,
    reservationCount: Number(c.reservationCount),
    archived: c.archivedAt !== null,
    burndown: {
      committed: decimal(b.committed),
      consumed: decimal(cents.consumed),
      expected: decimal(cents.expected),
      scheduled: decimal(cents.scheduled),
      other: decimal(cents.other),
      projected: decimal(cents.projected),
      shortfall: decimal(cents.shortfall),
      overrun: decimal(cents.overrun),
      burned: b.committed.isZero() ? null : b.consumed.div(b.committed).toFixed(6),
      elapsed: decimal(b.elapsed),
      ended: b.ended,
      months: b.months.map((m) => ({ month: month(m.month), amount: decimal(dec(m.amount)), source: m.source })),
    },
  };
}

/** Contracts with their burn-down: the register's rows (contractListRows: its filters, sorts and burn-downs). */
export async function readContracts(ctx: Ctx, url: URL): Promise<z.infer<typeof ContractsResponse>> {
  const asOf = pageClock();
  const page = await listPage(CONTRACT_LIST, checkQuery(url, ContractsQuery), (params, offset, limit) =>
    contractListRows(ctx, params, offset, limit, asOf),
  );
  return { data: page.data.map(contractJson), next_cursor: page.next_cursor };
}
