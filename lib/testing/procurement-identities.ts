import { Dec } from "@/lib/metrics/decimal";

const CENTS = /^-?\d+\.\d{2}$/;

/**
 * The identities the procurement register promises on its written cells (tests read them back from the CSV): every
 * burn-down amount to the cent, x_projected_at_end = x_consumed + x_scheduled_remaining + x_other_remaining,
 * x_shortfall = max(0, x_committed − x_projected_at_end), x_overrun = max(0, x_projected_at_end − x_committed) (to the
 * cent: a commitment may carry more decimals), and an
 * ended term schedules and projects nothing more. Returns one message per broken identity (none: all hold).
 */
export function procurementIdentityErrors(rows: readonly Record<string, string>[]): string[] {
  const errors: string[] = [];
  for (const r of rows) {
    const name = r.x_contract_name ?? r.ContractCommitmentId;
    const cols = ["x_consumed", "x_scheduled_remaining", "x_other_remaining", "x_projected_at_end", "x_shortfall", "x_overrun"];
    const bad = cols.filter((c) => !CENTS.test(r[c] ?? ""));
    if (bad.length > 0) {
      errors.push(`${name}: not to the cent: ${bad.map((c) => `${c}=${r[c]}`).join(", ")}`);
      continue;
    }
    const v = (c: string) => new Dec(r[c]!);
    const cents = (d: Dec) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    const committed = v("x_committed");
    const projected = v("x_consumed").plus(v("x_scheduled_remaining")).plus(v("x_other_remaining"));
    if (!projected.eq(v("x_projected_at_end"))) errors.push(`${name}: consumed + scheduled + other ≠ projected at end`);
    if (!cents(Dec.max(0, committed.minus(projected))).eq(v("x_shortfall")))
      errors.push(`${name}: shortfall ≠ max(0, committed − projected)`);
    if (!cents(Dec.max(0, projected.minus(committed))).eq(v("x_overrun"))) errors.push(`${name}: overrun ≠ max(0, projected − committed)`);
    if (r.x_term_ended === "yes" && !(v("x_scheduled_remaining").isZero() && v("x_other_remaining").isZero()))
      errors.push(`${name}: an ended term still schedules or projects charges`);
  }
  return errors;
}
