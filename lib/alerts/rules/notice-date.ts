import { z } from "zod";
import { providers } from "@/lib/db/schema";
import { formatDay } from "@/lib/format/date";
import { addUtcDays, startOfUtcDay } from "@/lib/metrics/calendar";
import { DEFAULT_NOTICE_DAYS } from "@/lib/queries/reservations/notice";
import { renewalRows } from "@/lib/queries/reservations/renewals";
import { defineRuleKind } from "./types";
import { plural, wholeParam } from "./params";

/** A contract's or reservation's notice date (the Reservations page's renewals) within N days, or passed. */
export const noticeDateRule = defineRuleKind({
  kind: "notice_date",
  label: "Notice date",
  description:
    "A contract's or reservation's notice date (its end minus the notice period, as the renewals list shows it) is within N days, or has passed.",
  params: z.object({
    withinDays: wholeParam("the days before the notice date", 0, 365),
    noticeDays: z.preprocess(
      (v) => (v === "" || v === undefined ? DEFAULT_NOTICE_DAYS : v),
      wholeParam("the notice period in days", 0, 730),
    ),
    of: z.enum(["both", "contract", "reservation"], { message: "Choose contracts, reservations or both." }).default("both"),
  }),
  fields: [
    { name: "withinDays", label: "Fires this many days before the notice date", type: "number" },
    { name: "noticeDays", label: "Notice period (days before the end)", type: "number" },
    {
      name: "of",
      label: "Applies to",
      type: "select",
      options: [
        { value: "both", label: "Contracts and reservations" },
        { value: "contract", label: "Contracts" },
        { value: "reservation", label: "Reservations" },
      ],
    },
  ],
  scopes: ["provider"],
  async evaluate(ctx, rule, asOf) {
    const names = new Map((await ctx.db.select({ id: providers.id, name: providers.name }).from(providers)).map((p) => [p.name, p.id]));
    const today = startOfUtcDay(asOf);
    const limit = addUtcDays(today, rule.params.withinDays);
    const found = [];
    for await (const r of renewalRows(ctx, asOf, rule.params.noticeDays)) {
      if (r.noticeDate > limit) break;
      if (rule.params.of !== "both" && r.kind !== rule.params.of) continue;
      const providerId = names.get(r.provider) ?? null;
      if (rule.scopeKind === "provider" && providerId !== rule.scopeValue) continue;
      const days = Math.round((r.noticeDate.getTime() - today.getTime()) / 86_400_000);
      const when = r.noticeOverdue ? `passed ${plural(-days, "day")} ago` : days === 0 ? "is today" : `is in ${plural(days, "day")}`;
      found.push({
        subjectKey: `${r.kind}:${r.id}`,
        title: `Notice date of ${r.kind} ${r.name} ${r.noticeOverdue ? "passed" : "is near"}`,
        summary: `The notice date of ${r.kind} ${r.name} (${r.provider}), ${formatDay(r.noticeDate)}, ${when}; it ends on ${formatDay(r.endAt)} (rule: within ${plural(rule.params.withinDays, "day")}, ${rule.params.noticeDays} days' notice).`,
        href: r.kind === "contract" ? `/contracts/${r.id}` : `/reservations/${r.id}`,
        scope: providerId ? { provider: providerId } : {},
        detail: {
          kind: r.kind,
          id: r.id,
          noticeDate: r.noticeDate.toISOString().slice(0, 10),
          endAt: r.endAt.toISOString(),
          daysToNotice: days,
          overdue: r.noticeOverdue,
          withinDays: rule.params.withinDays,
          noticeDays: rule.params.noticeDays,
        },
      });
    }
    return found;
  },
});
